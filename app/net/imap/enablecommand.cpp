#include "net/imap/enablecommand.h"

namespace vaulttray {

EnableCommand::EnableCommand(QList<QByteArray> extensions, QObject *parent)
    : ImapCommand("ENABLE", true, parent), m_extensions(std::move(extensions))
{
}

ImapArguments EnableCommand::arguments(const ImapConnection &)
{
    ImapArguments a;
    for (const QByteArray &e : m_extensions)
        a.atom(e);
    return a;
}

bool EnableCommand::handleUntagged(const ImapResponse &response)
{
    return !response.status && response.name == "ENABLED";
}

void EnableCommand::finish(const Failure &failure)
{
    emit finished(failure);
}

} // namespace vaulttray
