#pragma once

#include "daemon/accountconfig.h"

#include <QJsonArray>
#include <QObject>

#include <functional>
#include <memory>

namespace vaulttray {

class CommandService;
class SecretStore;

// The Accounts dialog's changes, carried out as the command line carries them out: through the CommandService
// of the running daemon (so an added account is scheduled at once and a removed one stops), with the secret in
// the keychain next to it: stored before the account is added (its first run starts at once) and taken back when
// the add fails; a removed account's secrets go with it.
class AccountActions : public QObject
{
    Q_OBJECT

public:
    struct Outcome
    {
        bool ok = false;
        QString message; // the service's own sentence, or why the secret could not be stored
    };
    using Done = std::function<void(const Outcome &)>;

    AccountActions(CommandService &service, std::shared_ptr<SecretStore> secrets, QObject *parent = nullptr);

    // Each account as `vaulttray account list --json` shows it.
    void list(const std::function<void(const QJsonArray &)> &done);
    void addImap(const QString &name, const ImapConfig &config, const QByteArray &password, const Done &done);
    // After a completed Google sign-in: its refresh token is stored already and is taken back if the add fails.
    void addGmail(const QString &name, const QString &clientFile, const QString &email, const Done &done);
    void remove(const QString &name, bool deleteArchivedMail, const Done &done);

    std::shared_ptr<SecretStore> secrets() const { return m_secrets; }

private:
    void removeSecrets(const QString &name);

    CommandService &m_service;
    std::shared_ptr<SecretStore> m_secrets;
};

} // namespace vaulttray
