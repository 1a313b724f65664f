#pragma once

#include "net/imap/imapcommand.h"

namespace vaulttray {

// STARTTLS (RFC 3501 §6.2.1): ends once the TLS handshake has ended. The connection forgets the capabilities the
// server listed in plaintext; the caller asks again.
class StartTlsCommand : public ImapCommand
{
    Q_OBJECT

public:
    explicit StartTlsCommand(QObject *parent = nullptr);

signals:
    void finished(const vaulttray::Failure &failure);

protected:
    void handleTagged(const ImapResponse &response) override;
    void finish(const Failure &failure) override;
};

} // namespace vaulttray
