#include "ui/archivequeryworker.h"

#include "store/searchquery.h"

#include <QSaveFile>

namespace vaulttray {

// Lives in the worker thread; the reader is opened there on first use and closed there.
class ArchiveQueryWorker::Job : public QObject
{
public:
    explicit Job(QString path) : m_path(std::move(path)) {}

    ArchiveReader &reader()
    {
        if (!m_reader)
            m_reader = std::make_unique<ArchiveReader>(m_path, Profile::Durable);
        return *m_reader;
    }
    void close() { m_reader.reset(); }

private:
    QString m_path;
    std::unique_ptr<ArchiveReader> m_reader;
};

ArchiveQueryWorker::ArchiveQueryWorker(QString archivePath, QObject *parent)
    : QObject(parent), m_job(new Job(std::move(archivePath)))
{
    m_thread.setObjectName(QStringLiteral("archive-reader"));
    m_job->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_job, &QObject::deleteLater);
    m_thread.start();
}

ArchiveQueryWorker::~ArchiveQueryWorker()
{
    QMetaObject::invokeMethod(m_job, [job = m_job] { job->close(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void ArchiveQueryWorker::search(quint64 generation, const QString &text, int limit, int offset)
{
    QMetaObject::invokeMethod(m_job, [this, job = m_job, generation, text, limit, offset] {
        emit searched(generation, offset, job->reader().search(SearchQuery::parse(text), limit, offset));
    });
}

void ArchiveQueryWorker::loadMessage(quint64 generation, qint64 messageId)
{
    QMetaObject::invokeMethod(m_job, [this, job = m_job, generation, messageId] {
        emit messageLoaded(generation, job->reader().message(messageId));
    });
}

void ArchiveQueryWorker::saveRaw(qint64 messageId, const QString &filePath)
{
    QMetaObject::invokeMethod(m_job, [this, job = m_job, messageId, filePath] {
        const std::optional<QByteArray> raw = job->reader().rawMessage(messageId);
        if (!raw) {
            emit rawSaved(messageId, filePath, tr("The message is not in the archive."));
            return;
        }
        QSaveFile file(filePath);
        if (!file.open(QIODevice::WriteOnly) || file.write(*raw) != raw->size() || !file.commit()) {
            emit rawSaved(messageId, filePath, file.errorString());
            return;
        }
        emit rawSaved(messageId, filePath, QString());
    });
}

void ArchiveQueryWorker::loadSyncRuns(quint64 generation, const QList<qint64> &accountIds, int perAccount)
{
    QMetaObject::invokeMethod(m_job, [this, job = m_job, generation, accountIds, perAccount] {
        QList<SyncRunRecord> runs;
        for (const qint64 id : accountIds)
            runs << job->reader().syncRuns(id, perAccount);
        emit syncRunsLoaded(generation, runs);
    });
}

void ArchiveQueryWorker::loadAccounts(quint64 generation)
{
    QMetaObject::invokeMethod(m_job, [this, job = m_job, generation] {
        const QList<AccountRecord> accounts = job->reader().accounts();
        QList<qint64> counts;
        for (const AccountRecord &a : accounts)
            counts << job->reader().messageCount(a.id, false);
        emit accountsLoaded(generation, accounts, counts);
    });
}

} // namespace vaulttray
