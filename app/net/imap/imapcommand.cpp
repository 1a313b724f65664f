#include "net/imap/imapcommand.h"

#include "net/imap/imapconnection.h"

namespace vaulttray {

ImapCommand::ImapCommand(QByteArray name, bool exclusive, QObject *parent)
    : QObject(parent), m_name(std::move(name)), m_exclusive(exclusive)
{
}

ImapCommand::~ImapCommand() = default;

ImapConnection *ImapCommand::connection() const
{
    return m_connection.data();
}

ImapArguments ImapCommand::arguments(const ImapConnection &)
{
    return {};
}

bool ImapCommand::handleUntagged(const ImapResponse &)
{
    return false;
}

bool ImapCommand::handleContinuation(const ImapResponse &, QByteArray *)
{
    return false;
}

void ImapCommand::handleTagged(const ImapResponse &response)
{
    complete(classify(response));
}

Failure ImapCommand::classify(const ImapResponse &tagged) const
{
    const ImapAuthMethod auth = m_connection ? m_connection->authMethod() : ImapAuthMethod::Password;
    Failure f = classifyImapStatus(tagged.status.value_or(ImapStatus::Bad), tagged.codeRaw, tagged.text, phase(), auth);
    if (f)
        f.detail = QString::fromLatin1(m_name) + QStringLiteral(": ") + f.detail;
    return f;
}

void ImapCommand::complete(const Failure &failure)
{
    if (m_completed)
        return;
    m_completed = true;
    finish(failure);
    if (m_connection)
        m_connection->commandCompleted(this);
    else
        deleteLater();
}

} // namespace vaulttray
