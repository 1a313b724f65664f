#pragma once

#include <QLoggingCategory>

// Never log a token, an authorization code, a PKCE verifier, a state value or the client secret, not even in
// part: grant types, HTTP statuses, failure details and account names only.
Q_DECLARE_LOGGING_CATEGORY(lcOAuth)
