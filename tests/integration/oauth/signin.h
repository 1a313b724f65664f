#pragma once

#include "net/oauth/signinresult.h"

#include <QString>

class QNetworkAccessManager;

namespace vaulttray {
class Clock;
}

namespace vaulttray::test {

class OAuthServer;

// A whole sign-in against the test server: AuthorizationCodeFlow with a TestBrowser that follows the redirect.
// Waits (real I/O) for the flow's one result; a failed SignInResult when it never came.
SignInResult signIn(OAuthServer &server, QNetworkAccessManager *network, Clock &clock,
                    const QString &loginHint = QString());

} // namespace vaulttray::test
