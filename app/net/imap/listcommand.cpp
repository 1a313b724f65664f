#include "net/imap/listcommand.h"

#include "net/imap/imapconnection.h"
#include "net/imap/imaplog.h"

namespace vaulttray {

ListCommand::ListCommand(QObject *parent) : ImapCommand("LIST", false, parent) {}

ImapArguments ListCommand::arguments(const ImapConnection &connection)
{
    ImapArguments a;
    a.string("").string("*");
    if (connection.hasCapability("LIST-EXTENDED") && connection.hasCapability("SPECIAL-USE"))
        a.atom("RETURN (SPECIAL-USE)");
    return a;
}

bool ListCommand::handleUntagged(const ImapResponse &response)
{
    if (response.status || response.name != "LIST")
        return false;
    if (const auto entry = imapListEntry(response)) {
        m_result.mailboxes.append(*entry);
    } else {
        ++m_result.unreadable;
        qCWarning(lcImap) << "LIST: skipped an unreadable entry";
    }
    return true;
}

void ListCommand::finish(const Failure &failure)
{
    m_result.failure = failure;
    emit finished(m_result);
}

} // namespace vaulttray
