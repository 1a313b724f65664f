#include "daemon/gmailprovider.h"

#include "core/logging.h"
#include "daemon/failedjob.h"
#include "net/gmail/accesstokensource.h"
#include "net/gmail/gmailapi.h"
#include "net/gmail/quotalimiter.h"
#include "net/oauth/clientconfig.h"
#include "net/oauth/tokenprovider.h"
#include "sync/gmail/gmailsyncjob.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>

namespace vaulttray {

namespace {
// The Gmail layer asks for tokens through AccessTokenSource; the OAuth layer's TokenProvider has them.
class ProviderTokenSource final : public AccessTokenSource
{
public:
    explicit ProviderTokenSource(TokenProvider &provider)
        : m_provider(provider)
    {
    }
    void accessToken(QObject *context, std::function<void(const Failure &, const QString &)> done) override
    {
        m_provider.accessToken(context, [done](const AccessTokenResult &r) {
            done(r.failure, QString::fromLatin1(r.accessToken));
        });
    }
    void invalidate(const QString &token) override { m_provider.invalidate(token.toLatin1()); }

private:
    TokenProvider &m_provider;
};

} // namespace

struct GmailProvider::Account
{
    // What the entry was made for: an id comes back after an account is removed with its mail and another added.
    QString name;
    QByteArray settingsJson;
    std::unique_ptr<TokenProvider> tokens;
    std::unique_ptr<ProviderTokenSource> source;
    std::unique_ptr<QuotaLimiter> limiter;
    std::unique_ptr<GmailApi> api;
};

GmailProvider::GmailProvider(QString archivePath, std::shared_ptr<SecretStore> secrets, Clock &clock, QObject *parent)
    : QObject(parent), m_archivePath(std::move(archivePath)), m_secrets(std::move(secrets)), m_clock(clock),
      m_network(std::make_unique<QNetworkAccessManager>())
{
}

GmailProvider::~GmailProvider() = default;

void GmailProvider::dropConnections()
{
    qCDebug(lcDaemon) << "Gmail: new connections from here on";
    m_network->clearConnectionCache();
}

GmailProvider::Account *GmailProvider::accountFor(const AccountRecord &account, Failure *failure)
{
    if (const auto known = m_accounts.value(account.id)) {
        if (known->name == account.name && known->settingsJson == account.settingsJson)
            return known.get();
        m_retired.push_back(m_accounts.take(account.id)); // a job of the removed account may still be ending
    }
    const QJsonObject settings = QJsonDocument::fromJson(account.settingsJson).object();
    const QString clientFile = settings.value(QStringLiteral("clientFile")).toString();
    const double unitsPerSecond = settings.value(QStringLiteral("quotaUnitsPerSecond")).toDouble(gmailquota::kDefaultUnitsPerSecond);
    const ClientConfigResult client = loadClientConfig(clientFile);
    if (!client.ok()) {
        *failure = client.failure;
        return nullptr;
    }
    auto a = std::make_shared<Account>();
    a->name = account.name;
    a->settingsJson = account.settingsJson;
    a->tokens = std::make_unique<TokenProvider>(account.name, client.config, m_secrets, m_network.get(), m_clock);
    a->source = std::make_unique<ProviderTokenSource>(*a->tokens);
    a->limiter = std::make_unique<QuotaLimiter>(m_clock, unitsPerSecond);
    a->api = std::make_unique<GmailApi>(m_network.get(), m_clock, *a->source, *a->limiter);
    if (const Failure bad = a->api->setBaseUrl(gmailApiBaseFromEnvironment())) {
        *failure = bad;
        return nullptr;
    }
    m_accounts.insert(account.id, a);
    return a.get();
}

std::unique_ptr<SyncJob> GmailProvider::create(const AccountRecord &account, ArchiveWriter &writer)
{
    Failure failure;
    Account *a = accountFor(account, &failure);
    if (!a)
        return std::make_unique<FailedJob>(failure);
    return std::make_unique<GmailSyncJob>(account, writer, *a->api, m_clock, m_archivePath);
}

Daemon::JobFactory providerJobs(GmailProvider &gmail)
{
    return [&gmail](const AccountRecord &account, ArchiveWriter &writer) -> std::unique_ptr<SyncJob> {
        if (account.provider == QLatin1String("gmail"))
            return gmail.create(account, writer);
        return nullptr;
    };
}

} // namespace vaulttray
