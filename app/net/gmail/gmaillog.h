#pragma once

#include <QLoggingCategory>

// Never log an access token or message content (raw bytes, snippets, subjects): HTTP methods, statuses, message
// ids, counts and failure details only.
Q_DECLARE_LOGGING_CATEGORY(lcGmail)
