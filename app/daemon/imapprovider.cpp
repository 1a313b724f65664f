#include "daemon/imapprovider.h"

#include "daemon/accountconfig.h"
#include "daemon/failedjob.h"
#include "daemon/gmailprovider.h"
#include "net/oauth/clientconfig.h"
#include "net/oauth/tokenprovider.h"
#include "net/secrets/secretstore.h"
#include "sync/imap/imapcredentialsource.h"
#include "sync/imap/imapsyncjob.h"

#include <QNetworkAccessManager>

namespace vaulttray {

// The secret one login needs: read from the keychain each time (a password the person changed there is used at
// once), or an access token from the account's TokenProvider.
class ImapProvider::Credentials final : public ImapCredentialSource
{
public:
    Credentials(const AccountRecord &account, QString user, std::shared_ptr<SecretStore> secrets,
                std::unique_ptr<TokenProvider> tokens)
        : m_accountName(account.name), m_settingsJson(account.settingsJson), m_user(std::move(user)),
          m_secrets(std::move(secrets)), m_tokens(std::move(tokens))
    {
    }

    // An id comes back after an account is removed with its mail and another added: the cache must not carry over.
    bool madeFor(const AccountRecord &account) const
    {
        return account.name == m_accountName && account.settingsJson == m_settingsJson;
    }

    void credentials(QObject *context, std::function<void(const Failure &, const ImapCredentials &)> done) override
    {
        if (m_tokens) {
            const QString user = m_user;
            m_tokens->accessToken(context, [done, user](const AccessTokenResult &r) {
                done(r.failure, ImapCredentials{ImapAuthMethod::XOAuth2, user, r.accessToken});
            });
            return;
        }
        SecretJob *job = m_secrets->read(secretKey(m_accountName, SecretKind::Password));
        const QString user = m_user;
        const QString account = m_accountName;
        QObject::connect(job, &SecretJob::finished, context, [done, user, account](const SecretResult &r) {
            if (!r.ok()) {
                done(Failure::of(FailureKind::Local,
                                 QStringLiteral("%1: the IMAP password could not be read: %2").arg(account, r.failure.detail)),
                     {});
                return;
            }
            if (r.notFound || r.secret.isEmpty()) {
                done(Failure::of(FailureKind::CredentialRejected,
                                 QStringLiteral("%1: no IMAP password is stored for this account").arg(account)),
                     {});
                return;
            }
            done(Failure::none(), ImapCredentials{ImapAuthMethod::Password, user, r.secret});
        });
    }

    void invalidate(const QByteArray &accessToken) override
    {
        if (m_tokens)
            m_tokens->invalidate(accessToken);
    }

private:
    QString m_accountName;
    QByteArray m_settingsJson;
    QString m_user;
    std::shared_ptr<SecretStore> m_secrets;
    std::unique_ptr<TokenProvider> m_tokens;
};

ImapProvider::ImapProvider(QString archivePath, std::shared_ptr<SecretStore> secrets, Clock &clock, QObject *parent)
    : QObject(parent), m_archivePath(std::move(archivePath)), m_secrets(std::move(secrets)), m_clock(clock),
      m_network(std::make_unique<QNetworkAccessManager>())
{
}

ImapProvider::~ImapProvider() = default;

void ImapProvider::dropConnections()
{
    m_network->clearConnectionCache();
}

std::unique_ptr<SyncJob> ImapProvider::create(const AccountRecord &account, ArchiveWriter &writer)
{
    const ImapConfig config = ImapConfig::fromJson(account.settingsJson);
    if (const Failure bad = validate(config))
        return std::make_unique<FailedJob>(bad);
    QString filterError;
    const ImapSyncOptions options = ImapSyncOptions::fromSettings(account.settingsJson, &filterError);
    if (!filterError.isEmpty())
        return std::make_unique<FailedJob>(Failure::of(FailureKind::ClientMisconfigured, filterError));
    if (!m_secrets)
        return std::make_unique<FailedJob>(
            Failure::of(FailureKind::Local, QStringLiteral("no keychain holds the IMAP password")));

    std::shared_ptr<Credentials> &credentials = m_accounts[account.id];
    if (!credentials || !credentials->madeFor(account)) {
        if (credentials)
            m_retired.push_back(credentials); // a job of the removed account may still be ending
        std::unique_ptr<TokenProvider> tokens;
        if (config.auth == ImapConfig::Auth::OAuth) {
            const ClientConfigResult client = loadClientConfig(config.oauthClientFile);
            if (!client.ok()) {
                m_accounts.remove(account.id);
                return std::make_unique<FailedJob>(client.failure);
            }
            tokens = std::make_unique<TokenProvider>(account.name, client.config, m_secrets, m_network.get(), m_clock);
        }
        credentials = std::make_shared<Credentials>(account, config.user, m_secrets, std::move(tokens));
    }

    return std::make_unique<ImapSyncJob>(account, endpointFor(config), *credentials, writer, m_clock, m_archivePath,
                                         options);
}

} // namespace vaulttray

namespace vaulttray {

Daemon::JobFactory providerJobs(GmailProvider &gmail, ImapProvider &imap)
{
    const Daemon::JobFactory gmailJobs = providerJobs(gmail);
    return [gmailJobs, &imap](const AccountRecord &account, ArchiveWriter &writer) -> std::unique_ptr<SyncJob> {
        if (account.provider == QLatin1String("imap"))
            return imap.create(account, writer);
        return gmailJobs(account, writer);
    };
}

} // namespace vaulttray
