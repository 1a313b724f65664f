#include "sync/gmail/gmailpendingbatch.h"

#include "net/gmail/gmailparse.h"

#include <QElapsedTimer>

namespace vaulttray {

void GmailPendingBatch::parse()
{
    QElapsedTimer timer;
    timer.start();
    if (!batch.progress)
        batch.progress.emplace();
    RunProgress &progress = *batch.progress;
    batch.messages.reserve(batch.messages.size() + fetched.size());
    for (const GmailFetchedMessage &m : std::as_const(fetched)) {
        const std::optional<QByteArray> raw = decodeBase64Url(m.rawBase64Url);
        if (!raw) {
            undecodable << m.origin.providerId;
            ++progress.badData;
            continue;
        }
        batch.messages.append(buildMessageRecord(*raw, m.origin));
        ++progress.added;
        progress.bytes += raw->size();
    }
    fetched.clear();
    parseNs = timer.nsecsElapsed();
}

} // namespace vaulttray
