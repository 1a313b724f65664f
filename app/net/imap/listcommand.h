#pragma once

#include "net/imap/imapcommand.h"
#include "net/imap/responsedata.h"

#include <QMetaType>

namespace vaulttray {

struct ImapListResult
{
    Failure failure;
    // Every name the server listed, \Noselect ones included (isSelectable() says which to skip), names decoded
    // from modified UTF-7 with the wire name kept for later commands.
    QList<ImapListEntry> mailboxes;
    int unreadable = 0; // LIST lines of a shape that could not be read (logged, skipped)
};

// LIST "" "*" (RFC 3501 §6.3.8); with RETURN (SPECIAL-USE) when the server has LIST-EXTENDED and SPECIAL-USE
// (RFC 5258, RFC 6154), so \Sent, \Trash, \All ... come with the names.
class ListCommand : public ImapCommand
{
    Q_OBJECT

public:
    explicit ListCommand(QObject *parent = nullptr);

signals:
    void finished(const vaulttray::ImapListResult &result);

protected:
    ImapArguments arguments(const ImapConnection &connection) override;
    bool handleUntagged(const ImapResponse &response) override;
    void finish(const Failure &failure) override;

private:
    ImapListResult m_result;
};

} // namespace vaulttray

Q_DECLARE_METATYPE(vaulttray::ImapListResult)
