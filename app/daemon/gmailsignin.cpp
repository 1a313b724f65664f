#include "daemon/gmailsignin.h"

#include "core/clock.h"
#include "net/oauth/clientconfig.h"
#include "net/oauth/identitycheck.h"
#include "net/secrets/secretstore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QNetworkAccessManager>

namespace vaulttray {

GmailSignInTask::GmailSignInTask(GmailSignIn request, std::shared_ptr<SecretStore> secrets, Clock &clock,
                                 AuthorizationCodeFlow::BrowserOpener openBrowser, QObject *parent)
    : QObject(parent), m_request(std::move(request)), m_secrets(std::move(secrets)), m_clock(clock),
      m_openBrowser(std::move(openBrowser)), m_network(std::make_unique<QNetworkAccessManager>())
{
    qRegisterMetaType<vaulttray::GmailSignInOutcome>();
}

GmailSignInTask::~GmailSignInTask() = default;

void GmailSignInTask::start()
{
    ClientConfigResult loaded = loadClientConfig(m_request.clientFile);
    if (!loaded.ok())
        return finish({loaded.failure, {}});
    ClientConfig client = loaded.config;
    for (const char *scope : {kOpenIdScope, kEmailScope}) {
        if (!client.scopes.contains(QLatin1String(scope)))
            client.scopes << QString::fromLatin1(scope);
    }
    m_flow = new AuthorizationCodeFlow(client, m_network.get(), m_clock, m_openBrowser, this);
    if (!m_request.expectedEmail.isEmpty())
        m_flow->setLoginHint(m_request.expectedEmail);
    connect(m_flow, &AuthorizationCodeFlow::finished, this, &GmailSignInTask::onSignedIn);
    m_flow->start();
}

void GmailSignInTask::onSignedIn(const SignInResult &result)
{
    if (!result.ok())
        return finish({result.failure, {}});
    const QString email = result.idTokenEmail.trimmed();
    if (email.isEmpty())
        return finish({Failure::of(FailureKind::ServerTransient, tr("the sign-in did not say which Google account it was")), {}});
    if (!m_request.expectedEmail.isEmpty()) {
        if (const Failure mismatch = verifyIdentity(m_request.expectedEmail, email))
            return finish({mismatch, email});
    }
    SecretJob *job = m_secrets->write(secretKey(m_request.accountName, SecretKind::RefreshToken), result.grant.refreshToken);
    connect(job, &SecretJob::finished, this, [this, email](const SecretResult &stored) { finish({stored.failure, email}); });
}

void GmailSignInTask::finish(GmailSignInOutcome outcome)
{
    if (m_finished)
        return;
    m_finished = true;
    emit finished(outcome);
}

GmailSignInOutcome signInToGmail(const GmailSignIn &request, std::shared_ptr<SecretStore> secrets, Clock &clock,
                                 const AuthorizationCodeFlow::BrowserOpener &openBrowser)
{
    GmailSignInTask task(request, std::move(secrets), clock, openBrowser);
    GmailSignInOutcome outcome;
    bool done = false;
    QEventLoop loop;
    QObject::connect(&task, &GmailSignInTask::finished, &loop, [&](const GmailSignInOutcome &o) {
        outcome = o;
        done = true;
        loop.quit();
    });
    task.start();
    if (!done) // a wrong client file ends the task inside start()
        loop.exec();
    return outcome;
}

} // namespace vaulttray
