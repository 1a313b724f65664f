#include "net/imap/authenticateplaincommand.h"

#include "net/imap/imapconnection.h"

namespace vaulttray {

AuthenticatePlainCommand::AuthenticatePlainCommand(QString user, QByteArray password, QObject *parent)
    : ImapCommand("AUTHENTICATE PLAIN", true, parent), m_user(std::move(user)), m_password(std::move(password))
{
}

QByteArray AuthenticatePlainCommand::initialResponse() const
{
    // authzid (empty) NUL authcid NUL password
    return (QByteArray(1, '\0') + m_user.toUtf8() + QByteArray(1, '\0') + m_password).toBase64();
}

ImapArguments AuthenticatePlainCommand::arguments(const ImapConnection &connection)
{
    ImapArguments a;
    if (connection.hasCapability("SASL-IR")) {
        a.atom(initialResponse());
        m_initialSent = true;
    }
    return a;
}

bool AuthenticatePlainCommand::handleContinuation(const ImapResponse &, QByteArray *reply)
{
    // A second challenge has no meaning in PLAIN: "*" cancels the exchange (RFC 3501 §6.2.2).
    *reply = m_initialSent ? QByteArray("*") : initialResponse();
    m_initialSent = true;
    return true;
}

void AuthenticatePlainCommand::finish(const Failure &failure)
{
    m_password.fill('\0');
    emit finished(failure);
}

} // namespace vaulttray
