#include "net/gmail/getrawmessagejob.h"

#include "net/gmail/gmailparse.h"
#include "net/gmail/quotalimiter.h"

namespace vaulttray {

namespace {

constexpr int kHttpNotFound = 404;

QString path(const QString &messageId)
{
    // Ids are hex digits at Google; encoded anyway, so no id can reach another path.
    return QStringLiteral("messages/") + QString::fromLatin1(QUrl::toPercentEncoding(messageId));
}

} // namespace

GetRawMessageJob::GetRawMessageJob(GmailApi &api, const QString &messageId, RawDecoding decoding, QObject *parent)
    : GmailRequestJob(api, QStringLiteral("messages.get"), gmailquota::kMessagesGet, path(messageId),
                      {{QStringLiteral("format"), QStringLiteral("raw")}}, parent),
      m_messageId(messageId), m_decoding(decoding)
{
}

void GetRawMessageJob::complete(const GmailAnswer &answer)
{
    GmailRawMessageResult result;
    if (answer.failure) {
        result.failure = answer.failure;
        result.notFound = answer.httpStatus == kHttpNotFound && answer.failure.kind == FailureKind::BadData;
        result.message.id = m_messageId;
    } else {
        result = parseRawMessage(answer.body, m_decoding == RawDecoding::Here);
        if (result.ok() && result.message.id != m_messageId)
            result.failure = Failure::of(FailureKind::BadData,
                                         QStringLiteral("Gmail API: messages.get for %1 answered with message %2")
                                             .arg(m_messageId, result.message.id));
    }
    report(result.failure);
    emit finished(result);
}

} // namespace vaulttray
