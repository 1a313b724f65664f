#pragma once

#include "net/imap/imapcommand.h"

#include <QList>

namespace vaulttray {

// ENABLE (RFC 5161), e.g. QRESYNC. What the server enabled is kept by the connection (ImapConnection::isEnabled).
class EnableCommand : public ImapCommand
{
    Q_OBJECT

public:
    explicit EnableCommand(QList<QByteArray> extensions, QObject *parent = nullptr);

signals:
    void finished(const vaulttray::Failure &failure);

protected:
    ImapArguments arguments(const ImapConnection &connection) override;
    bool handleUntagged(const ImapResponse &response) override;
    void finish(const Failure &failure) override;

private:
    QList<QByteArray> m_extensions;
};

} // namespace vaulttray
