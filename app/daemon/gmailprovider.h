#pragma once

#include "daemon/daemon.h"

#include <QHash>
#include <QObject>

#include <memory>
#include <vector>

class QNetworkAccessManager;

namespace vaulttray {

class Clock;
class SecretStore;

// Gmail accounts' sync jobs: per account a token provider (refresh token from the keychain), a quota
// limiter and a Gmail API client, kept for the life of the process so the access token and the quota
// state carry over from run to run. The API base is Google's, or VAULTTRAY_GMAIL_API_BASE.
class GmailProvider : public QObject
{
    Q_OBJECT

public:
    GmailProvider(QString archivePath, std::shared_ptr<SecretStore> secrets, Clock &clock, QObject *parent = nullptr);
    ~GmailProvider() override;

    // A job for the account, or one that fails with the reason (an unreadable client file, say).
    std::unique_ptr<SyncJob> create(const AccountRecord &account, ArchiveWriter &writer);

    // After a sleep, kept-alive connections may be dead without either end knowing (a NAT or an access point forgot
    // them), and a request sent on one would wait for its whole timeout: the next requests open new connections.
    void dropConnections();

private:
    struct Account;
    Account *accountFor(const AccountRecord &account, Failure *failure);

    QString m_archivePath;
    std::shared_ptr<SecretStore> m_secrets;
    Clock &m_clock;
    std::unique_ptr<QNetworkAccessManager> m_network;
    QHash<qint64, std::shared_ptr<Account>> m_accounts;
    std::vector<std::shared_ptr<Account>> m_retired;
};

// Sync jobs by provider: Gmail through `gmail`; other providers have none yet, which the run reports.
Daemon::JobFactory providerJobs(GmailProvider &gmail);

} // namespace vaulttray
