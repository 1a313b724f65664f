#include "daemon/gmailsignin.h"

#include "core/clock.h"
#include "net/oauth/clientconfig.h"
#include "net/oauth/identitycheck.h"
#include "net/secrets/secretstore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QNetworkAccessManager>

namespace vaulttray {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("GmailSignIn", text);
}
} // namespace

GmailSignInOutcome signInToGmail(const GmailSignIn &request, SecretStore &secrets, Clock &clock,
                                 const AuthorizationCodeFlow::BrowserOpener &openBrowser)
{
    ClientConfigResult loaded = loadClientConfig(request.clientFile);
    if (!loaded.ok())
        return {loaded.failure, {}};
    ClientConfig client = loaded.config;
    for (const char *scope : {kOpenIdScope, kEmailScope}) {
        if (!client.scopes.contains(QLatin1String(scope)))
            client.scopes << QString::fromLatin1(scope);
    }

    QNetworkAccessManager network;
    AuthorizationCodeFlow flow(client, &network, clock, openBrowser);
    if (!request.expectedEmail.isEmpty())
        flow.setLoginHint(request.expectedEmail);
    SignInResult result;
    QEventLoop loop;
    QObject::connect(&flow, &AuthorizationCodeFlow::finished, &loop, [&](const SignInResult &r) {
        result = r;
        loop.quit();
    });
    flow.start();
    loop.exec();
    if (!result.ok())
        return {result.failure, {}};

    const QString email = result.idTokenEmail.trimmed();
    if (email.isEmpty())
        return {Failure::of(FailureKind::ServerTransient, tr("the sign-in did not say which Google account it was")), {}};
    if (!request.expectedEmail.isEmpty()) {
        if (const Failure mismatch = verifyIdentity(request.expectedEmail, email))
            return {mismatch, email};
    }

    Failure stored = Failure::of(FailureKind::Local, tr("the keychain did not answer"));
    SecretJob *job = secrets.write(secretKey(request.accountName, SecretKind::RefreshToken), result.grant.refreshToken);
    QObject::connect(job, &SecretJob::finished, &loop, [&](const SecretResult &r) {
        stored = r.failure;
        loop.quit();
    });
    loop.exec();
    return {stored, email};
}

} // namespace vaulttray
