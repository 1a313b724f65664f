#include "net/gmail/getprofilejob.h"

#include "net/gmail/gmailparse.h"
#include "net/gmail/quotalimiter.h"

namespace vaulttray {

GetProfileJob::GetProfileJob(GmailApi &api, QObject *parent)
    : GmailRequestJob(api, QStringLiteral("getProfile"), gmailquota::kGetProfile, QStringLiteral("profile"), {}, parent)
{
}

void GetProfileJob::complete(const GmailAnswer &answer)
{
    GmailProfileResult result;
    if (answer.failure)
        result.failure = answer.failure;
    else
        result = parseProfile(answer.body);
    report(result.failure);
    emit finished(result);
}

} // namespace vaulttray
