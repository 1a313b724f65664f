#include "net/imap/logincommand.h"

namespace vaulttray {

LoginCommand::LoginCommand(QString user, QByteArray password, QObject *parent)
    : ImapCommand("LOGIN", true, parent), m_user(std::move(user)), m_password(std::move(password))
{
}

ImapArguments LoginCommand::arguments(const ImapConnection &)
{
    ImapArguments a;
    a.string(m_user.toUtf8()).string(m_password);
    return a;
}

void LoginCommand::finish(const Failure &failure)
{
    m_password.fill('\0');
    emit finished(failure);
}

} // namespace vaulttray
