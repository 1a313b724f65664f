#pragma once

#include "net/gmail/gmailrequestjob.h"
#include "net/gmail/gmailtypes.h"

namespace vaulttray {

// users.messages.list: one page of up to 500 message ids, newest first, spam and trash included (the archive keeps
// everything). An empty pageToken asks for the first page; the result's nextPageToken, empty on the last page,
// asks for the next.
class ListMessagesJob : public GmailRequestJob
{
    Q_OBJECT

public:
    // labelId: only the messages carrying that label.
    explicit ListMessagesJob(GmailApi &api, const QString &pageToken = {}, const QString &labelId = {},
                             QObject *parent = nullptr);

signals:
    void finished(const vaulttray::GmailMessageListResult &result);

protected:
    void complete(const GmailAnswer &answer) override;
};

} // namespace vaulttray
