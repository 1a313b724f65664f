#pragma once

#include "net/gmail/gmailrequestjob.h"
#include "net/gmail/gmailtypes.h"

namespace vaulttray {

// users.labels.list: every system and user label (ids and names; the archive maps ids to names with it).
class ListLabelsJob : public GmailRequestJob
{
    Q_OBJECT

public:
    explicit ListLabelsJob(GmailApi &api, QObject *parent = nullptr);

signals:
    void finished(const vaulttray::GmailLabelsResult &result);

protected:
    void complete(const GmailAnswer &answer) override;
};

} // namespace vaulttray
