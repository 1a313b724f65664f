#pragma once

#include "net/gmail/gmailrequestjob.h"
#include "net/gmail/gmailtypes.h"

namespace vaulttray {

// users.messages.get?format=raw: one message's exact RFC 5322 bytes with its labels, thread, historyId,
// internalDate and sizeEstimate. A message deleted since it was listed ends in BadData with notFound set.
// RawDecoding::ByCaller leaves the base64url text undecoded (GmailRawMessage::rawBase64Url) for a caller that decodes
// it on another thread; the caller then owns the BadData of text that is not base64url.
class GetRawMessageJob : public GmailRequestJob
{
    Q_OBJECT

public:
    enum class RawDecoding { Here, ByCaller };

    GetRawMessageJob(GmailApi &api, const QString &messageId, RawDecoding decoding = RawDecoding::Here,
                     QObject *parent = nullptr);

    QString messageId() const { return m_messageId; }

signals:
    void finished(const vaulttray::GmailRawMessageResult &result);

protected:
    void complete(const GmailAnswer &answer) override;

private:
    QString m_messageId;
    RawDecoding m_decoding;
};

} // namespace vaulttray
