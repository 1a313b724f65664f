#include "net/gmail/listmessagesjob.h"

#include "net/gmail/gmailparse.h"
#include "net/gmail/quotalimiter.h"

namespace vaulttray {

namespace {

GmailApi::Query query(const QString &pageToken, const QString &labelId)
{
    GmailApi::Query q{{QStringLiteral("maxResults"), QString::number(GmailApi::kMaxPageSize)},
                      {QStringLiteral("includeSpamTrash"), QStringLiteral("true")}};
    if (!labelId.isEmpty())
        q.append({QStringLiteral("labelIds"), labelId});
    if (!pageToken.isEmpty())
        q.append({QStringLiteral("pageToken"), pageToken});
    return q;
}

} // namespace

ListMessagesJob::ListMessagesJob(GmailApi &api, const QString &pageToken, const QString &labelId, QObject *parent)
    : GmailRequestJob(api, QStringLiteral("messages.list"), gmailquota::kMessagesList, QStringLiteral("messages"),
                      query(pageToken, labelId), parent)
{
}

void ListMessagesJob::complete(const GmailAnswer &answer)
{
    GmailMessageListResult result;
    if (answer.failure)
        result.failure = answer.failure;
    else
        result = parseMessageList(answer.body);
    report(result.failure);
    emit finished(result);
}

} // namespace vaulttray
