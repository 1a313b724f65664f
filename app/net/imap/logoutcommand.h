#pragma once

#include "net/imap/imapcommand.h"

namespace vaulttray {

// LOGOUT (RFC 3501 §6.1.3): the server's BYE is expected, and the connection closes without a failure.
class LogoutCommand : public ImapCommand
{
    Q_OBJECT

public:
    explicit LogoutCommand(QObject *parent = nullptr);

signals:
    void finished(const vaulttray::Failure &failure);

protected:
    void sent() override;
    void finish(const Failure &failure) override;
};

} // namespace vaulttray
