#pragma once

#include <QLoggingCategory>

// Never log a secret, nor its length or any digest of it: keys, store kinds and failure details only.
Q_DECLARE_LOGGING_CATEGORY(lcSecrets)
