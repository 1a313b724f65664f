#pragma once

#include <QLoggingCategory>

// Never log message content (raw bytes, subjects, bodies): paths, offsets, counts and failure details only.
Q_DECLARE_LOGGING_CATEGORY(lcImport)
