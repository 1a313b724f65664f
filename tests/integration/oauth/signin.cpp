#include "signin.h"

#include "oauthserver.h"
#include "testbrowser.h"

#include "net/oauth/authorizationcodeflow.h"

#include <QSignalSpy>

namespace vaulttray::test {

SignInResult signIn(OAuthServer &server, QNetworkAccessManager *network, Clock &clock, const QString &loginHint)
{
    TestBrowser browser;
    AuthorizationCodeFlow flow(server.clientConfig(), network, clock, browser.opener());
    flow.setLoginHint(loginHint);
    QSignalSpy finished(&flow, &AuthorizationCodeFlow::finished);
    flow.start();
    if (finished.isEmpty() && !finished.wait(int(kServerWait.count()))) {
        SignInResult never;
        never.failure = Failure::of(FailureKind::Local, QStringLiteral("test: the sign-in never finished"));
        return never;
    }
    return finished.at(0).at(0).value<SignInResult>();
}

} // namespace vaulttray::test
