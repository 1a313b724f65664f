#include "daemon/gmailsignin.h"

#include "core/clock.h"
#include "net/gmail/accesstokensource.h"
#include "net/gmail/getprofilejob.h"
#include "net/gmail/gmailapi.h"
#include "net/gmail/quotalimiter.h"
#include "net/oauth/clientconfig.h"
#include "net/oauth/identitycheck.h"
#include "net/secrets/secretstore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QNetworkAccessManager>

namespace vaulttray {

// The access token the sign-in just obtained, for the one profile request that identifies the account.
class SignInTokenSource final : public AccessTokenSource
{
public:
    explicit SignInTokenSource(QString token)
        : m_token(std::move(token))
    {
    }
    void accessToken(QObject *context, std::function<void(const Failure &, const QString &)> done) override
    {
        QMetaObject::invokeMethod(context, [done, token = m_token] { done(Failure::none(), token); }, Qt::QueuedConnection);
    }
    void invalidate(const QString &) override {}

private:
    QString m_token;
};

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
    m_signIn = result;
    m_tokens = std::make_unique<SignInTokenSource>(QString::fromLatin1(result.grant.accessToken));
    m_limiter = std::make_unique<QuotaLimiter>(m_clock);
    m_api = std::make_unique<GmailApi>(m_network.get(), m_clock, *m_tokens, *m_limiter);
    if (const Failure bad = m_api->setBaseUrl(gmailApiBaseFromEnvironment()))
        return finish({bad, {}});
    auto *job = new GetProfileJob(*m_api, this);
    connect(job, &GetProfileJob::finished, this, [this](const GmailProfileResult &profile) {
        onProfile(profile.profile.emailAddress.trimmed(), profile.failure);
    });
    job->start();
}

void GmailSignInTask::onProfile(const QString &profileEmail, const Failure &failure)
{
    if (failure)
        return finish({failure, {}});
    if (profileEmail.isEmpty())
        return finish({Failure::of(FailureKind::ServerTransient, tr("Gmail did not say which account signed in")), {}});
    // The id_token and the mailbox must name the same person.
    if (!m_signIn.idTokenEmail.isEmpty()) {
        if (const Failure mismatch = verifyIdentity(profileEmail, m_signIn.idTokenEmail.trimmed()))
            return finish({mismatch, profileEmail});
    }
    if (!m_request.expectedEmail.isEmpty()) {
        if (const Failure mismatch = verifyIdentity(m_request.expectedEmail, profileEmail))
            return finish({mismatch, profileEmail});
    }
    SecretJob *job = m_secrets->write(secretKey(m_request.accountName, SecretKind::RefreshToken), m_signIn.grant.refreshToken);
    connect(job, &SecretJob::finished, this,
            [this, profileEmail](const SecretResult &stored) { finish({stored.failure, profileEmail}); });
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
