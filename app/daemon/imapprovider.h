#pragma once

#include "daemon/daemon.h"

#include <QHash>
#include <QObject>

#include <memory>
#include <vector>

class QNetworkAccessManager;

namespace vaulttray {

class Clock;
class GmailProvider;
class SecretStore;

// IMAP accounts' sync jobs: the endpoint from the account's ImapConfig, the folder filter from its settings, and per
// account a credential source kept for the life of the process — the password read from the SecretStore for each
// login, or (auth = oauth) a TokenProvider for XOAUTH2 access tokens, so a token carries over from run to run.
class ImapProvider : public QObject
{
    Q_OBJECT

public:
    ImapProvider(QString archivePath, std::shared_ptr<SecretStore> secrets, Clock &clock, QObject *parent = nullptr);
    ~ImapProvider() override;

    // A job for the account, or one that fails with the reason (settings that cannot work, an unreadable client
    // file).
    std::unique_ptr<SyncJob> create(const AccountRecord &account, ArchiveWriter &writer);

    // After a sleep, kept-alive connections may be dead without either end knowing (a NAT or an access point forgot
    // them), and a request sent on one would wait for its whole timeout: the next requests open new connections.
    void dropConnections();

private:
    class Credentials;

    QString m_archivePath;
    std::shared_ptr<SecretStore> m_secrets;
    Clock &m_clock;
    std::unique_ptr<QNetworkAccessManager> m_network;
    QHash<qint64, std::shared_ptr<Credentials>> m_accounts;
    std::vector<std::shared_ptr<Credentials>> m_retired;
};

// Sync jobs by provider: Gmail accounts through `gmail`, IMAP accounts through `imap`.
Daemon::JobFactory providerJobs(GmailProvider &gmail, ImapProvider &imap);

} // namespace vaulttray
