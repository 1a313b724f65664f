#include "net/imap/imapuidset.h"

#include <algorithm>

namespace vaulttray {

QList<ImapUidRange> compressUids(QList<quint32> uids)
{
    std::sort(uids.begin(), uids.end());
    uids.erase(std::unique(uids.begin(), uids.end()), uids.end());
    QList<ImapUidRange> ranges;
    for (const quint32 uid : uids) {
        if (!ranges.isEmpty() && ranges.constLast().last + quint64(1) == uid)
            ranges.last().last = uid;
        else
            ranges.append({uid, uid});
    }
    return ranges;
}

QByteArray formatUidSet(const QList<ImapUidRange> &ranges)
{
    const auto number = [](quint32 uid) { return uid == kImapLastUid ? QByteArray("*") : QByteArray::number(uid); };
    QByteArray out;
    for (const ImapUidRange &r : ranges) {
        if (!out.isEmpty())
            out += ',';
        out += number(r.first);
        if (r.last != r.first)
            out += ':' + number(r.last);
    }
    return out;
}

bool uidSetContains(const QList<ImapUidRange> &ranges, quint32 uid)
{
    return std::any_of(ranges.begin(), ranges.end(), [uid](const ImapUidRange &r) {
        return uid >= std::min(r.first, r.last) && uid <= std::max(r.first, r.last);
    });
}

QList<QList<ImapUidRange>> uidBatches(QList<quint32> uids, qsizetype perBatch)
{
    std::sort(uids.begin(), uids.end());
    uids.erase(std::unique(uids.begin(), uids.end()), uids.end());
    QList<QList<ImapUidRange>> batches;
    perBatch = std::max<qsizetype>(perBatch, 1);
    for (qsizetype i = 0; i < uids.size(); i += perBatch)
        batches.append(compressUids(uids.mid(i, perBatch)));
    return batches;
}

} // namespace vaulttray
