#include "sync/gmail/gmailpendingbatch.h"

#include <QElapsedTimer>

namespace vaulttray {

void GmailPendingBatch::parse()
{
    QElapsedTimer timer;
    timer.start();
    batch.messages.reserve(batch.messages.size() + fetched.size());
    for (const GmailFetchedMessage &m : std::as_const(fetched))
        batch.messages.append(buildMessageRecord(m.raw, m.origin));
    fetched.clear();
    parseNs = timer.nsecsElapsed();
}

} // namespace vaulttray
