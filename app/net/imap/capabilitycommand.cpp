#include "net/imap/capabilitycommand.h"

#include "net/imap/imapconnection.h"
#include "net/imap/responsedata.h"

namespace vaulttray {

CapabilityCommand::CapabilityCommand(QObject *parent) : ImapCommand("CAPABILITY", false, parent) {}

bool CapabilityCommand::handleUntagged(const ImapResponse &response)
{
    return !response.status && imapCapabilities(response).has_value();
}

void CapabilityCommand::finish(const Failure &failure)
{
    if (!failure && connection() && connection()->capabilities().isEmpty()) {
        emit finished(Failure::of(FailureKind::BadData, QStringLiteral("CAPABILITY: the server listed none")));
        return;
    }
    emit finished(failure);
}

} // namespace vaulttray
