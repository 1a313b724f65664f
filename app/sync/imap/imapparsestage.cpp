#include "sync/imap/imapparsestage.h"

#include "sync/messagerecord.h"

#include <QElapsedTimer>
#include <QMetaObject>

namespace vaulttray {

ImapParseStage::ImapParseStage(QObject *receiver)
    : m_receiver(receiver), m_worker(new QObject)
{
    m_thread.setObjectName(QStringLiteral("imap-parse"));
    m_worker->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

ImapParseStage::~ImapParseStage()
{
    m_thread.requestInterruption();
    m_thread.quit();
    m_thread.wait();
}

void ImapParseStage::parse(std::shared_ptr<ImapSyncChunk> chunk,
                           std::function<void(std::shared_ptr<ImapSyncChunk>)> done)
{
    QObject *receiver = m_receiver; // outlives the thread: the stage is its member, and waits in its destructor
    QThread *thread = &m_thread;
    QMetaObject::invokeMethod(
        m_worker,
        [chunk = std::move(chunk), done = std::move(done), receiver, thread]() mutable {
            if (thread->isInterruptionRequested())
                return;
            parseChunk(*chunk);
            QMetaObject::invokeMethod(
                    receiver, [chunk = std::move(chunk), done = std::move(done)] { done(chunk); },
                    Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
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
