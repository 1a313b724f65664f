#include "net/gmail/listlabelsjob.h"

#include "net/gmail/gmailparse.h"
#include "net/gmail/quotalimiter.h"

namespace vaulttray {

ListLabelsJob::ListLabelsJob(GmailApi &api, QObject *parent)
    : GmailRequestJob(api, QStringLiteral("labels.list"), gmailquota::kLabelsList, QStringLiteral("labels"), {}, parent)
{
}

void ListLabelsJob::complete(const GmailAnswer &answer)
{
    GmailLabelsResult result;
    if (answer.failure)
        result.failure = answer.failure;
    else
        result = parseLabels(answer.body);
    report(result.failure);
    emit finished(result);
}

} // namespace vaulttray
