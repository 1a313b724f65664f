#pragma once

#include "net/imap/imapcommand.h"
#include "net/imap/responsedata.h"

#include <QDateTime>
#include <QHash>
#include <QMetaType>

#include <optional>

namespace vaulttray {

struct ImapFetchItems
{
    // BODY.PEEK[] (the whole message, \Seen untouched) with INTERNALDATE and RFC822.SIZE; false: flags only.
    bool body = true;
    // MODSEQ of each message, when the server has CONDSTORE.
    bool modSeq = false;
    // (CHANGEDSINCE n): only messages whose mod-sequence is above n (RFC 7162 §3.1.4.1).
    std::optional<quint64> changedSince;
    // (CHANGEDSINCE n VANISHED): also the UIDs expunged since, as vanished(); needs QRESYNC enabled.
    bool vanished = false;
};

struct ImapFetchedMessage
{
    quint32 uid = 0;
    QList<QByteArray> flags;
    QDateTime internalDate; // UTC; invalid when not fetched
    std::optional<quint64> rfc822Size;
    std::optional<quint64> modSeq;
    QByteArray raw; // the message's exact bytes; null when the body was not fetched
};

struct ImapFetchResult
{
    Failure failure;
    qint64 messages = 0;  // messageFetched() emitted
    qint64 bodyBytes = 0; // of their raw bytes
    int unreadable = 0;   // responses that could not be read (logged, skipped: the caller sees the UIDs missing)
};

// UID FETCH uids (UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[] [MODSEQ]) (RFC 3501 §6.4.8). Streams: each
// message goes out through messageFetched() as soon as its response is complete, so only one message at a time
// is held, whatever the batch size. Several UidFetchCommands on one connection pipeline; each takes the FETCH
// responses for its own UIDs. Messages the server no longer has are simply not reported.
class UidFetchCommand : public ImapCommand
{
    Q_OBJECT

public:
    UidFetchCommand(QList<ImapUidRange> uids, ImapFetchItems items = {}, QObject *parent = nullptr);

    const QList<ImapUidRange> &uids() const { return m_uids; }

signals:
    void messageFetched(const vaulttray::ImapFetchedMessage &message);
    void vanished(const QList<vaulttray::ImapUidRange> &uids);
    void finished(const vaulttray::ImapFetchResult &result);

protected:
    ImapArguments arguments(const ImapConnection &connection) override;
    bool handleUntagged(const ImapResponse &response) override;
    void finish(const Failure &failure) override;

private:
    QList<ImapUidRange> m_uids;
    ImapFetchItems m_items;
    // Items of a message that came in a response without its body (some servers split them), until the body comes.
    QHash<quint32, ImapFetchData> m_partial;
    ImapFetchResult m_result;
};

} // namespace vaulttray

Q_DECLARE_METATYPE(vaulttray::ImapFetchedMessage)
Q_DECLARE_METATYPE(vaulttray::ImapFetchResult)
