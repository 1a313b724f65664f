#include "sync/imap/imapparsestage.h"

#include "sync/messagerecord.h"

#include <QElapsedTimer>

namespace vaulttray {

ImapParseStage::ImapParseStage(QObject *receiver) : m_stage(receiver, QStringLiteral("imap-parse")) {}

ImapParseStage::~ImapParseStage() = default;

void ImapParseStage::parse(std::shared_ptr<ImapSyncChunk> chunk,
                           std::function<void(std::shared_ptr<ImapSyncChunk>)> done)
{
    m_stage.run([chunk] { parseChunk(*chunk); }, [chunk, done = std::move(done)] { done(chunk); });
}

void ImapParseStage::parseChunk(ImapSyncChunk &chunk)
{
    QElapsedTimer timer;
    timer.start();
    chunk.records.clear();
    chunk.records.reserve(chunk.fetched.size());
    for (const ImapRawMessage &m : std::as_const(chunk.fetched)) {
        MessageOrigin origin;
        origin.internalDate = m.internalDate;
        origin.flags = m.flags;
        origin.labels = QStringList{chunk.folder};
        origin.uids.insert(chunk.folder, m.uid);
        MessageRecord record = buildMessageRecord(m.raw, origin);
        record.providerId = contentKeyOf(record.messageId, record.sha256);
        chunk.records.append(std::move(record));
    }
    chunk.parseNs = timer.nsecsElapsed();
}

} // namespace vaulttray
