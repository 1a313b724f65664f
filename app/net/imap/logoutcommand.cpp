#include "net/imap/logoutcommand.h"

#include "net/imap/imapconnection.h"

namespace vaulttray {

LogoutCommand::LogoutCommand(QObject *parent) : ImapCommand("LOGOUT", true, parent) {}

void LogoutCommand::sent()
{
    connection()->expectLogout();
}

void LogoutCommand::finish(const Failure &failure)
{
    emit finished(failure);
}

} // namespace vaulttray
