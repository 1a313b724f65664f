#pragma once

#include "store/connection.h"
#include "store/writebatch.h"

#include <QObject>
#include <QThread>

#include <atomic>
#include <functional>

namespace vaulttray {

class WriterWorker;

// The one writer of the archive. It owns a connection on its own thread, so no caller (least of
// all the GUI thread) ever waits on an fsync; callers hand it whole batches.
class ArchiveWriter : public QObject
{
    Q_OBJECT

public:
    explicit ArchiveWriter(QString path, Profile profile = Profile::Durable, QObject *parent = nullptr);
    ~ArchiveWriter() override; // finishes queued work, then closes the connection

    // Starts the thread and opens its connection; blocks until the connection is open.
    StoreError start();

    // Queues a batch; batchFinished(ticket, result) follows.
    quint64 submit(WriteBatch batch);

    // Blocking forms for the command line and tests. Never call them from the GUI thread.
    BatchResult commit(const WriteBatch &batch);
    StoreError addAccount(const AccountRecord &account, qint64 *id);
    StoreError removeAccount(qint64 accountId, bool deleteMail, const QDateTime &at);

    // The same, for callers on the GUI thread: done() runs later in context's thread.
    void addAccountAsync(const AccountRecord &account, QObject *context,
                         std::function<void(const StoreError &, qint64 id)> done);
    void removeAccountAsync(qint64 accountId, bool deleteMail, const QDateTime &at, QObject *context,
                            std::function<void(const StoreError &)> done);

    // The writer connection's thread, for tests that verify its pragmas.
    QThread *thread_() const { return m_thread; }
    StoreError verifyConnection(const QList<PragmaSetting> &pragmas);

signals:
    void batchFinished(quint64 ticket, const vaulttray::BatchResult &result);

private:
    template <typename F> auto onWriterThread(F &&f);

    QString m_path;
    Profile m_profile;
    QThread *m_thread = nullptr;
    WriterWorker *m_worker = nullptr;
    std::atomic<quint64> m_nextTicket{1};
};

} // namespace vaulttray
