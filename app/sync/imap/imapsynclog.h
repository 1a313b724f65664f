#pragma once

#include <QLoggingCategory>

// Counts and phases only: never folder names, addresses or message content.
Q_DECLARE_LOGGING_CATEGORY(lcImapSync)
