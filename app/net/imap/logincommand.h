#pragma once

#include "net/imap/imapcommand.h"

namespace vaulttray {

// LOGIN user password (RFC 3501 §6.2.3). The password goes as a quoted string or a literal, never into a log.
// A refusal is classified as a login: NO [AUTHENTICATIONFAILED] is CredentialRejected.
class LoginCommand : public ImapCommand
{
    Q_OBJECT

public:
    LoginCommand(QString user, QByteArray password, QObject *parent = nullptr);

signals:
    void finished(const vaulttray::Failure &failure);

protected:
    ImapArguments arguments(const ImapConnection &connection) override;
    ImapPhase phase() const override { return ImapPhase::Login; }
    void finish(const Failure &failure) override;

private:
    QString m_user;
    QByteArray m_password;
};

} // namespace vaulttray
