#include "net/imap/uidsearchcommand.h"

#include "net/imap/imapconnection.h"
#include "net/imap/responsedata.h"

#include <algorithm>

namespace vaulttray {

UidSearchCommand::UidSearchCommand(QByteArray criteria, QObject *parent)
    : ImapCommand("UID SEARCH", false, parent), m_criteria(std::move(criteria))
{
}

ImapArguments UidSearchCommand::arguments(const ImapConnection &connection)
{
    ImapArguments a;
    if (connection.hasCapability("ESEARCH"))
        a.atom("RETURN (ALL)");
    a.atom(m_criteria);
    return a;
}

bool UidSearchCommand::handleUntagged(const ImapResponse &response)
{
    if (const auto s = imapSearchData(response)) {
        m_result.uids += s->ids;
        if (s->modSeq)
            m_result.modSeq = s->modSeq;
        return true;
    }
    const auto e = imapESearchData(response);
    if (!e || (!e->tag.isEmpty() && e->tag != tag()))
        return false;
    if (e->all) {
        const auto uids = e->all->toList(kMaxResults);
        if (uids)
            m_result.uids += *uids;
        else
            m_bad =
                Failure::of(FailureKind::BadData, QStringLiteral("UID SEARCH: more than %1 results").arg(kMaxResults));
    }
    if (e->modSeq)
        m_result.modSeq = e->modSeq;
    return true;
}

void UidSearchCommand::finish(const Failure &failure)
{
    m_result.failure = failure ? failure : m_bad;
    std::sort(m_result.uids.begin(), m_result.uids.end());
    m_result.uids.erase(std::unique(m_result.uids.begin(), m_result.uids.end()), m_result.uids.end());
    emit finished(m_result);
}

} // namespace vaulttray
