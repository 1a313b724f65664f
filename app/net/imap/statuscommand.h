#pragma once

#include "net/imap/imapcommand.h"
#include "net/imap/responsedata.h"

#include <QMetaType>

namespace vaulttray {

struct ImapStatusResult
{
    Failure failure;
    ImapStatusData status;
};

// STATUS mailbox (MESSAGES UIDNEXT UIDVALIDITY UNSEEN [HIGHESTMODSEQ]) (RFC 3501 §6.3.10, RFC 7162): what changed
// in a folder, without selecting it. HIGHESTMODSEQ is asked for when the server has CONDSTORE.
class StatusCommand : public ImapCommand
{
    Q_OBJECT

public:
    // rawName: the name as LIST sent it (ImapListEntry::rawName).
    explicit StatusCommand(QByteArray rawName, QObject *parent = nullptr);

signals:
    void finished(const vaulttray::ImapStatusResult &result);

protected:
    ImapArguments arguments(const ImapConnection &connection) override;
    bool handleUntagged(const ImapResponse &response) override;
    void finish(const Failure &failure) override;

private:
    QByteArray m_rawName;
    ImapStatusResult m_result;
    bool m_received = false;
};

} // namespace vaulttray

Q_DECLARE_METATYPE(vaulttray::ImapStatusResult)
