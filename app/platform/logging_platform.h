#pragma once

#include <QLoggingCategory>

// The platform layer's category ("vaulttray.platform"): sleep/wake, reachability, suspend detection.
// Declared here rather than in core/logging.h so the platform layer owns its own category.
Q_DECLARE_LOGGING_CATEGORY(lcPlatform)
