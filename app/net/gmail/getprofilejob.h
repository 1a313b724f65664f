#pragma once

#include "net/gmail/gmailrequestjob.h"
#include "net/gmail/gmailtypes.h"

namespace vaulttray {

// users.getProfile: the mailbox's address, totals and current historyId (where an incremental sync starts).
class GetProfileJob : public GmailRequestJob
{
    Q_OBJECT

public:
    explicit GetProfileJob(GmailApi &api, QObject *parent = nullptr);

signals:
    void finished(const vaulttray::GmailProfileResult &result);

protected:
    void complete(const GmailAnswer &answer) override;
};

} // namespace vaulttray
