#pragma once

#include "net/imap/imapvalue.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

// Typed views of the responses the archiver needs. Each returns nullopt when the response is of another kind or
// its shape is wrong (a UID that is not a 32-bit number, a FETCH item without its value): the caller logs and skips
// it rather than acting on half-understood data.

namespace vaulttray {

struct ImapUidRange
{
    quint32 first = 0;
    quint32 last = 0;
    bool operator==(const ImapUidRange &o) const { return first == o.first && last == o.last; }
};

// A sequence set as servers send it ("1:3,5,9:7"), ranges normalised to first <= last, in the order sent. "*" is
// rejected: it has no meaning in a server's answer.
class ImapSequenceSet
{
public:
    static std::optional<ImapSequenceSet> parse(const QByteArray &text);

    const QList<ImapUidRange> &ranges() const { return m_ranges; }
    bool contains(quint32 id) const;
    quint64 count() const;
    // Every member, expanded; nullopt above maxCount (VANISHED (EARLIER) 1:4000000000 must not allocate 16 GB).
    std::optional<QList<quint32>> toList(quint64 maxCount) const;

private:
    QList<ImapUidRange> m_ranges;
};

// "* CAPABILITY ..." or a status response carrying "[CAPABILITY ...]". Upper-cased, as capability names are
// case-insensitive.
std::optional<QList<QByteArray>> imapCapabilities(const ImapResponse &r);

// The numeric argument of a response code: [UIDVALIDITY n], [UIDNEXT n], [HIGHESTMODSEQ n], [UNSEEN n].
std::optional<quint64> imapCodeNumber(const ImapResponse &r, const QByteArray &code);
// "[PERMANENTFLAGS (...)]" or "* FLAGS (...)": the flags as sent.
std::optional<QList<QByteArray>> imapFlags(const ImapResponse &r);

struct ImapListEntry
{
    QList<QByteArray> flags; // as sent: "\\HasNoChildren", "\\Sent"
    QChar delimiter;         // null when the server sent NIL (a flat namespace)
    QByteArray rawName;      // the name on the wire: what EXAMINE and STATUS must send back
    QString name;            // decoded with decodeMailboxName()

    bool hasFlag(const QByteArray &flag) const; // case-insensitive, as RFC 3501 says flags are
    // False for \Noselect and \NonExistent (RFC 5258): such names are hierarchy only, EXAMINE would fail.
    bool isSelectable() const;
    // The RFC 6154 SPECIAL-USE attribute ("\\Sent", "\\All", ...) or empty.
    QByteArray specialUse() const;
};
// "* LIST" and "* LSUB"; extended data (RFC 5258 CHILDINFO etc.) after the name is ignored.
std::optional<ImapListEntry> imapListEntry(const ImapResponse &r);

struct ImapStatusData
{
    QByteArray rawName;
    QString name;
    std::optional<quint32> messages;
    std::optional<quint32> uidNext;
    std::optional<quint32> uidValidity;
    std::optional<quint32> unseen;
    std::optional<quint64> highestModSeq;
};
std::optional<ImapStatusData> imapStatusData(const ImapResponse &r);

// "* n EXISTS" (or any other "* n NAME": EXPUNGE, RECENT) with the count checked to fit 32 bits.
std::optional<quint32> imapNumbered(const ImapResponse &r, const QByteArray &name);

struct ImapSearchData
{
    QList<quint32> ids;
    std::optional<quint64> modSeq; // RFC 7162 "(MODSEQ n)" at the end
};
std::optional<ImapSearchData> imapSearchData(const ImapResponse &r);

// RFC 4731 ESEARCH.
struct ImapESearchData
{
    QByteArray tag; // the command's tag, when the server said (TAG "...")
    bool uid = false;
    std::optional<quint32> min;
    std::optional<quint32> max;
    std::optional<quint32> count;
    std::optional<ImapSequenceSet> all;
    std::optional<quint64> modSeq;
};
std::optional<ImapESearchData> imapESearchData(const ImapResponse &r);

struct ImapFetchData
{
    quint32 sequenceNumber = 0;
    std::optional<quint32> uid;
    std::optional<QList<QByteArray>> flags;
    std::optional<QDateTime> internalDate; // UTC
    std::optional<quint64> rfc822Size;
    std::optional<quint64> modSeq;
    // BODY[] (the answer to BODY.PEEK[]), with or without an <origin>. Present but null for NIL.
    std::optional<QByteArray> body;
};
std::optional<ImapFetchData> imapFetchData(const ImapResponse &r);

// RFC 7162 §3.2.10.
struct ImapVanishedData
{
    bool earlier = false;
    ImapSequenceSet uids;
};
std::optional<ImapVanishedData> imapVanishedData(const ImapResponse &r);

// RFC 3501 date-time: "17-Jul-1996 02:44:25 -0700" (the day may be space-padded); nullopt if malformed.
std::optional<QDateTime> parseImapDateTime(const QByteArray &text);

} // namespace vaulttray
