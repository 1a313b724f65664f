#pragma once

#include "net/imap/responsedata.h"

#include <QByteArray>
#include <QList>

#include <limits>

namespace vaulttray {

// "*" in a UID range: the highest UID in the mailbox.
inline constexpr quint32 kImapLastUid = std::numeric_limits<quint32>::max();

// Sorted, distinct UIDs as ranges: {1,2,3,7} -> 1:3, 7.
QList<ImapUidRange> compressUids(QList<quint32> uids);
// The wire form of UID ranges: "1:3,7", with kImapLastUid as "*".
QByteArray formatUidSet(const QList<ImapUidRange> &ranges);
bool uidSetContains(const QList<ImapUidRange> &ranges, quint32 uid);
// UIDs cut into batches of at most perBatch UIDs each, in ascending order, each as compact ranges: what one
// pipelined UID FETCH asks for.
QList<QList<ImapUidRange>> uidBatches(QList<quint32> uids, qsizetype perBatch);

} // namespace vaulttray
