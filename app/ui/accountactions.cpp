#include "ui/accountactions.h"

#include "core/exitcodes.h"
#include "core/logging.h"
#include "daemon/commandservice.h"
#include "net/secrets/secretstore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>

namespace vaulttray {

namespace {
AccountActions::Outcome outcomeOf(const ControlReply &reply)
{
    const QString text = (reply.exitCode == ExitOk ? reply.out : reply.err).trimmed();
    return {reply.exitCode == ExitOk, text};
}
} // namespace

AccountActions::AccountActions(CommandService &service, std::shared_ptr<SecretStore> secrets, QObject *parent)
    : QObject(parent), m_service(service), m_secrets(std::move(secrets))
{
}

void AccountActions::list(const std::function<void(const QJsonArray &)> &done)
{
    ControlCommand command;
    command.verb = ControlCommand::Verb::AccountList;
    command.json = true;
    m_service.execute(command,
                      [done](const ControlReply &reply) { done(QJsonDocument::fromJson(reply.out.toUtf8()).array()); });
}

void AccountActions::addImap(const QString &name, const ImapConfig &config, const QByteArray &password,
                             const Done &done)
{
    ControlCommand add;
    add.verb = ControlCommand::Verb::AccountAddImap;
    add.name = name;
    add.settingsJson = config.toJson();
    if (config.auth == ImapConfig::Auth::OAuth) {
        m_service.execute(add, [done](const ControlReply &reply) { done(outcomeOf(reply)); });
        return;
    }
    // The password first: the scheduler starts the new account's first run the moment it is added. So the name
    // must be free before anything is written, or another account's password would be replaced.
    QPointer<AccountActions> self(this);
    list([self, name, password, add, done](const QJsonArray &accounts) {
        if (!self)
            return;
        for (const QJsonValue &a : accounts) {
            if (a.toObject().value(QStringLiteral("name")).toString() == name)
                return done({false, tr("An account named %1 exists already. Choose another name.").arg(name)});
        }
        SecretJob *job = self->m_secrets->write(secretKey(name, SecretKind::Password), password);
        connect(job, &SecretJob::finished, self, [self, name, add, done](const SecretResult &stored) {
            if (!stored.ok())
                return done({false, tr("The password could not be stored, so the account was not added: %1")
                                        .arg(stored.failure.detail)});
            self->m_service.execute(add, [self, name, done](const ControlReply &reply) {
                const Outcome added = outcomeOf(reply);
                if (!added.ok && self)
                    self->m_secrets->remove(secretKey(name, SecretKind::Password));
                done(added);
            });
        });
    });
}

void AccountActions::addGmail(const QString &name, const QString &clientFile, const QString &email, const Done &done)
{
    ControlCommand add;
    add.verb = ControlCommand::Verb::AccountAddGmail;
    add.name = name;
    add.settingsJson =
        QJsonDocument(QJsonObject{{QStringLiteral("clientFile"), clientFile}, {QStringLiteral("email"), email}})
            .toJson(QJsonDocument::Compact);
    QPointer<AccountActions> self(this);
    m_service.execute(add, [self, name, done](const ControlReply &reply) {
        const Outcome added = outcomeOf(reply);
        if (!added.ok && self)
            self->m_secrets->remove(secretKey(name, SecretKind::RefreshToken));
        done(added);
    });
}

void AccountActions::remove(const QString &name, bool deleteArchivedMail, const Done &done)
{
    ControlCommand command;
    command.verb = ControlCommand::Verb::AccountRemove;
    command.name = name;
    command.deleteArchivedMail = deleteArchivedMail;
    QPointer<AccountActions> self(this);
    m_service.execute(command, [self, name, done](const ControlReply &reply) {
        const Outcome removed = outcomeOf(reply);
        if (removed.ok && self)
            self->removeSecrets(name);
        done(removed);
    });
}

void AccountActions::removeSecrets(const QString &name)
{
    for (SecretKind kind : {SecretKind::Password, SecretKind::RefreshToken}) {
        SecretJob *job = m_secrets->remove(secretKey(name, kind));
        connect(job, &SecretJob::finished, this, [name](const SecretResult &gone) {
            if (!gone.ok())
                qCWarning(lcUi).noquote() << "could not remove a stored secret of" << name << gone.failure.detail;
        });
    }
}

} // namespace vaulttray
