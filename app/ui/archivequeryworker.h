#pragma once

#include "store/archivereader.h"

#include <QObject>
#include <QThread>

#include <memory>

namespace vaulttray {

// Reads the archive on a thread of its own, with its own connection, so the GUI thread never waits for
// SQLite. Requests carry a generation number that comes back with the answer; the asker drops stale ones.
class ArchiveQueryWorker : public QObject
{
    Q_OBJECT

public:
    explicit ArchiveQueryWorker(QString archivePath, QObject *parent = nullptr);
    ~ArchiveQueryWorker() override;

    // Queued into the worker thread; the answers come back as signals.
    void search(quint64 generation, const QString &text, int limit, int offset);
    void loadMessage(quint64 generation, qint64 messageId);
    void saveRaw(qint64 messageId, const QString &filePath);
    void loadSyncRuns(quint64 generation, const QList<qint64> &accountIds, int perAccount);
    void loadAccounts(quint64 generation);

signals:
    void searched(quint64 generation, int offset, const QList<vaulttray::SearchHit> &hits);
    void messageLoaded(quint64 generation, const std::optional<vaulttray::StoredMessage> &message);
    // error is empty on success; the file is written whole or not at all.
    void rawSaved(qint64 messageId, const QString &filePath, const QString &error);
    void syncRunsLoaded(quint64 generation, const QList<vaulttray::SyncRunRecord> &runs);
    void accountsLoaded(quint64 generation, const QList<vaulttray::AccountRecord> &accounts,
                        const QList<qint64> &messageCounts);

private:
    class Job;
    QThread m_thread;
    Job *m_job = nullptr;
};

} // namespace vaulttray

Q_DECLARE_METATYPE(vaulttray::SearchHit)
Q_DECLARE_METATYPE(std::optional<vaulttray::StoredMessage>)
Q_DECLARE_METATYPE(vaulttray::SyncRunRecord)
Q_DECLARE_METATYPE(vaulttray::AccountRecord)
