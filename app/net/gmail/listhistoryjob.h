#pragma once

#include "net/gmail/gmailrequestjob.h"
#include "net/gmail/gmailtypes.h"

namespace vaulttray {

// users.history.list: one page of up to 500 history records after startHistoryId, of the four kinds an archive
// applies (messageAdded, messageDeleted, labelAdded, labelRemoved). An empty pageToken asks for the first page.
// HTTP 404 means startHistoryId is older than the history Gmail keeps: the result has historyExpired set.
class ListHistoryJob : public GmailRequestJob
{
    Q_OBJECT

public:
    ListHistoryJob(GmailApi &api, quint64 startHistoryId, const QString &pageToken = {}, QObject *parent = nullptr);

    quint64 startHistoryId() const { return m_startHistoryId; }

signals:
    void finished(const vaulttray::GmailHistoryResult &result);

protected:
    void complete(const GmailAnswer &answer) override;

private:
    quint64 m_startHistoryId;
};

} // namespace vaulttray
