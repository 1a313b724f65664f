#include "net/imap/statuscommand.h"

#include "net/imap/imapconnection.h"

namespace vaulttray {

StatusCommand::StatusCommand(QByteArray rawName, QObject *parent)
    : ImapCommand("STATUS", false, parent), m_rawName(std::move(rawName))
{
}

ImapArguments StatusCommand::arguments(const ImapConnection &connection)
{
    ImapArguments a;
    a.string(m_rawName);
    a.atom(connection.hasCapability("CONDSTORE") ? "(MESSAGES UIDNEXT UIDVALIDITY UNSEEN HIGHESTMODSEQ)"
                                                 : "(MESSAGES UIDNEXT UIDVALIDITY UNSEEN)");
    return a;
}

bool StatusCommand::handleUntagged(const ImapResponse &response)
{
    const auto data = imapStatusData(response);
    if (!data || data->rawName != m_rawName)
        return false;
    m_result.status = *data;
    m_received = true;
    return true;
}

void StatusCommand::finish(const Failure &failure)
{
    m_result.failure = failure;
    if (!failure && !m_received)
        m_result.failure = Failure::of(FailureKind::BadData, QStringLiteral("STATUS: the server sent no data"));
    emit finished(m_result);
}

} // namespace vaulttray
