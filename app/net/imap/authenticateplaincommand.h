#pragma once

#include "net/imap/imapcommand.h"

namespace vaulttray {

// AUTHENTICATE PLAIN (RFC 4616), with the initial response on the command line when the server has SASL-IR
// (RFC 4959), else after its "+". Classified as a login, like LoginCommand.
class AuthenticatePlainCommand : public ImapCommand
{
    Q_OBJECT

public:
    AuthenticatePlainCommand(QString user, QByteArray password, QObject *parent = nullptr);

signals:
    void finished(const vaulttray::Failure &failure);

protected:
    ImapArguments arguments(const ImapConnection &connection) override;
    bool handleContinuation(const ImapResponse &response, QByteArray *reply) override;
    ImapPhase phase() const override { return ImapPhase::Login; }
    void finish(const Failure &failure) override;

private:
    QByteArray initialResponse() const;

    QString m_user;
    QByteArray m_password;
    bool m_initialSent = false;
};

} // namespace vaulttray
