#include "net/imap/uidfetchcommand.h"

#include "net/imap/imapconnection.h"
#include "net/imap/imaplog.h"
#include "net/imap/imapuidset.h"

namespace vaulttray {

namespace {

void merge(ImapFetchData &into, const ImapFetchData &from)
{
    if (!into.flags)
        into.flags = from.flags;
    if (!into.internalDate)
        into.internalDate = from.internalDate;
    if (!into.rfc822Size)
        into.rfc822Size = from.rfc822Size;
    if (!into.modSeq)
        into.modSeq = from.modSeq;
}

} // namespace

UidFetchCommand::UidFetchCommand(QList<ImapUidRange> uids, ImapFetchItems items, QObject *parent)
    : ImapCommand("UID FETCH", false, parent), m_uids(std::move(uids)), m_items(items)
{
}

ImapArguments UidFetchCommand::arguments(const ImapConnection &connection)
{
    const bool condStore = connection.hasCapability("CONDSTORE");
    QByteArray items = "(UID FLAGS";
    if (m_items.body)
        items += " INTERNALDATE RFC822.SIZE BODY.PEEK[]";
    if (m_items.modSeq && condStore)
        items += " MODSEQ";
    items += ')';
    ImapArguments a;
    a.atom(formatUidSet(m_uids)).atom(items);
    if (m_items.changedSince && condStore) {
        QByteArray modifiers = "(CHANGEDSINCE " + QByteArray::number(*m_items.changedSince);
        if (m_items.vanished && connection.isEnabled("QRESYNC"))
            modifiers += " VANISHED";
        a.atom(modifiers + ')');
    }
    return a;
}

bool UidFetchCommand::handleUntagged(const ImapResponse &response)
{
    if (response.isParseError()) {
        ++m_result.unreadable;
        return true;
    }
    if (const auto v = imapVanishedData(response); v && m_items.vanished) {
        emit vanished(v->uids.ranges());
        return true;
    }
    if (response.name != "FETCH")
        return false;
    auto data = imapFetchData(response);
    if (!data) {
        qCWarning(lcImap) << "UID FETCH: skipped an unreadable FETCH response";
        ++m_result.unreadable;
        return true;
    }
    if (!data->uid || !uidSetContains(m_uids, *data->uid))
        return false;
    const quint32 uid = *data->uid;
    if (m_items.body && !data->body) {
        merge(m_partial[uid], *data);
        return true;
    }
    if (m_items.body)
        merge(*data, m_partial.take(uid));
    ImapFetchedMessage m;
    m.uid = uid;
    m.flags = data->flags.value_or(QList<QByteArray>());
    m.internalDate = data->internalDate.value_or(QDateTime());
    m.rfc822Size = data->rfc822Size;
    m.modSeq = data->modSeq;
    if (m_items.body) {
        m.raw = data->body.value_or(QByteArray());
        m_result.bodyBytes += m.raw.size();
    }
    ++m_result.messages;
    emit messageFetched(m);
    return true;
}

void UidFetchCommand::finish(const Failure &failure)
{
    m_result.failure = failure;
    emit finished(m_result);
}

} // namespace vaulttray
