#pragma once

#include "net/imap/imapcommand.h"

namespace vaulttray {

// CAPABILITY (RFC 3501 §6.1.1). The list itself is kept by the connection (ImapConnection::capabilities()).
class CapabilityCommand : public ImapCommand
{
    Q_OBJECT

public:
    explicit CapabilityCommand(QObject *parent = nullptr);

signals:
    void finished(const vaulttray::Failure &failure);

protected:
    bool handleUntagged(const ImapResponse &response) override;
    void finish(const Failure &failure) override;
};

} // namespace vaulttray
