#include "net/gmail/listhistoryjob.h"

#include "core/classify.h"
#include "net/gmail/gmailparse.h"
#include "net/gmail/quotalimiter.h"

namespace vaulttray {

namespace {

GmailApi::Query query(quint64 startHistoryId, const QString &pageToken)
{
    GmailApi::Query q{{QStringLiteral("startHistoryId"), QString::number(startHistoryId)}};
    for (const char *type : {"messageAdded", "messageDeleted", "labelAdded", "labelRemoved"})
        q.append({QStringLiteral("historyTypes"), QString::fromLatin1(type)});
    q.append({QStringLiteral("maxResults"), QString::number(GmailApi::kMaxPageSize)});
    if (!pageToken.isEmpty())
        q.append({QStringLiteral("pageToken"), pageToken});
    return q;
}

} // namespace

ListHistoryJob::ListHistoryJob(GmailApi &api, quint64 startHistoryId, const QString &pageToken, QObject *parent)
    : GmailRequestJob(api, QStringLiteral("history.list"), gmailquota::kHistoryList, QStringLiteral("history"),
                      query(startHistoryId, pageToken), parent),
      m_startHistoryId(startHistoryId)
{
}

void ListHistoryJob::complete(const GmailAnswer &answer)
{
    GmailHistoryResult result;
    if (answer.failure && answer.httpStatus > 0 && gmailHistoryExpired(answer.httpStatus, answer.body)) {
        result.historyExpired = true;
        result.failure = Failure::of(FailureKind::BadData,
                                     QStringLiteral("Gmail API: history.list: startHistoryId %1 is older than the "
                                                    "history Gmail keeps (HTTP %2); a full sync is needed")
                                         .arg(m_startHistoryId)
                                         .arg(answer.httpStatus));
    } else if (answer.failure) {
        result.failure = answer.failure;
    } else {
        result = parseHistory(answer.body);
    }
    report(result.failure);
    emit finished(result);
}

} // namespace vaulttray
