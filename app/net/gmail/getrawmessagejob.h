#pragma once

#include "net/gmail/gmailrequestjob.h"
#include "net/gmail/gmailtypes.h"

namespace vaulttray {

// users.messages.get?format=raw: one message's exact RFC 5322 bytes with its labels, thread, historyId,
// internalDate and sizeEstimate. A message deleted since it was listed ends in BadData with notFound set.
class GetRawMessageJob : public GmailRequestJob
{
    Q_OBJECT

public:
    GetRawMessageJob(GmailApi &api, const QString &messageId, QObject *parent = nullptr);

    QString messageId() const { return m_messageId; }

signals:
    void finished(const vaulttray::GmailRawMessageResult &result);

protected:
    void complete(const GmailAnswer &answer) override;

private:
    QString m_messageId;
};

} // namespace vaulttray
