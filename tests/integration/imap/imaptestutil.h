#pragma once

#include "dovecottestbed.h"

#include "net/imap/imapconnection.h"
#include "net/imap/imapsession.h"

#include <QSignalSpy>

#include <memory>
#include <optional>

namespace vaulttray::test {

// Logins Dovecot recorded so far, to show that one did or did not happen.
inline int loginsLogged(const DovecotTestbed &dovecot)
{
    return int(dovecot.log().count("imap-login: Info: Login: user=<"));
}

// Waits (real I/O) for the one finished(result) of a command sent on the connection; nullopt when it never came.
template <typename Result, typename Command>
std::optional<Result> runCommand(ImapConnection &connection, Command *command)
{
    QSignalSpy spy(command, &Command::finished);
    connection.send(command);
    std::optional<Result> result;
    if (spy.isEmpty() && !spy.wait(int(kDovecotWait.count())))
        return result;
    result = spy.at(0).at(0).template value<Result>();
    return result;
}

// Opens a session and waits for its one opened(result). The session stays open for the caller.
inline ImapOpenResult openSession(ImapSession &session)
{
    QSignalSpy spy(&session, &ImapSession::opened);
    session.open();
    if (spy.isEmpty() && !spy.wait(int(kDovecotWait.count())))
        return ImapOpenResult{Failure::of(FailureKind::Local, QStringLiteral("test: the session never opened")), false};
    return spy.at(0).at(0).value<ImapOpenResult>();
}

inline ImapCredentials passwordOf(const DovecotTestbed &dovecot)
{
    return ImapCredentials{ImapAuthMethod::Password, dovecot.user(), dovecot.password()};
}

} // namespace vaulttray::test
