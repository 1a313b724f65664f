#pragma once

#include <QLoggingCategory>

// Never log credentials (LOGIN/AUTHENTICATE arguments) or message content (literals, BODY[] bytes): response kinds,
// tags, response codes, counts and truncated status text only.
Q_DECLARE_LOGGING_CATEGORY(lcImap)
