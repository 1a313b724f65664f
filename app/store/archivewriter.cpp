#include "store/archivewriter.h"

#include "core/backgroundthread.h"
#include "core/logging.h"
#include "store/batchapplier.h"

#include <QPointer>
#include <QSqlDatabase>

namespace vaulttray {

namespace {
const QString kWriterConnection = QStringLiteral("vaulttray-writer");

StoreError notStarted()
{
    return StoreError::make(StoreError::Code::Closed, QStringLiteral("the archive writer is not running"));
}
} // namespace

class WriterWorker : public QObject
{
public:
    QSqlDatabase db;
    StoreError openError = notStarted();
};

ArchiveWriter::ArchiveWriter(QString path, Profile profile, QObject *parent)
    : QObject(parent), m_path(std::move(path)), m_profile(profile)
{
    qRegisterMetaType<vaulttray::BatchResult>();
}

ArchiveWriter::~ArchiveWriter()
{
    if (!m_thread)
        return;
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker] {
            w->db = QSqlDatabase();
            closeConnection(kWriterConnection);
            delete w;
        },
        Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
}

template <typename F> auto ArchiveWriter::onWriterThread(F &&f)
{
    using R = decltype(f(*m_worker));
    Q_ASSERT(m_thread);
    R result{};
    QMetaObject::invokeMethod(
        m_worker, [&] { result = f(*m_worker); }, Qt::BlockingQueuedConnection);
    return result;
}

StoreError ArchiveWriter::start()
{
    if (m_thread)
        return StoreError::make(StoreError::Code::Sql, QStringLiteral("writer already started"));
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("archive-writer"));
    m_worker = new WriterWorker;
    m_worker->moveToThread(m_thread);
    m_thread->start();
    return onWriterThread([this](WriterWorker &w) {
        makeCurrentThreadBackground();
        w.openError = openConnection(m_path, m_profile, kWriterConnection, &w.db);
        return w.openError;
    });
}

quint64 ArchiveWriter::submit(WriteBatch batch)
{
    const quint64 ticket = m_nextTicket++;
    if (!m_thread) {
        emit batchFinished(ticket, BatchResult{notStarted()});
        return ticket;
    }
    QMetaObject::invokeMethod(
        m_worker,
        [this, ticket, batch = std::move(batch)] {
            const BatchResult result =
                m_worker->openError ? BatchResult{m_worker->openError} : applyBatch(m_worker->db, batch);
            if (result.error)
                qCCritical(lcStore) << "batch" << ticket << "failed:" << result.error.message;
            emit batchFinished(ticket, result);
        },
        Qt::QueuedConnection);
    return ticket;
}

BatchResult ArchiveWriter::commit(const WriteBatch &batch)
{
    if (!m_thread)
        return BatchResult{notStarted()};
    return onWriterThread([&batch](WriterWorker &w) {
        return w.openError ? BatchResult{w.openError} : applyBatch(w.db, batch);
    });
}

StoreError ArchiveWriter::addAccount(const AccountRecord &account, qint64 *id)
{
    if (!m_thread)
        return notStarted();
    return onWriterThread([&](WriterWorker &w) { return w.openError ? w.openError : insertAccount(w.db, account, id); });
}

StoreError ArchiveWriter::removeAccount(qint64 accountId, bool deleteMail, const QDateTime &at)
{
    if (!m_thread)
        return notStarted();
    return onWriterThread(
        [&](WriterWorker &w) { return w.openError ? w.openError : deleteAccount(w.db, accountId, deleteMail, at); });
}

void ArchiveWriter::addAccountAsync(const AccountRecord &account, QObject *context,
                                    std::function<void(const StoreError &, qint64)> done)
{
    if (!m_thread) {
        QMetaObject::invokeMethod(context, [done] { done(notStarted(), 0); }, Qt::QueuedConnection);
        return;
    }
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker, account, context = QPointer<QObject>(context), done] {
            qint64 id = 0;
            const StoreError error = w->openError ? w->openError : insertAccount(w->db, account, &id);
            if (context)
                QMetaObject::invokeMethod(context.data(), [done, error, id] { done(error, id); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void ArchiveWriter::removeAccountAsync(qint64 accountId, bool deleteMail, const QDateTime &at, QObject *context,
                                       std::function<void(const StoreError &)> done)
{
    if (!m_thread) {
        QMetaObject::invokeMethod(context, [done] { done(notStarted()); }, Qt::QueuedConnection);
        return;
    }
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker, accountId, deleteMail, at, context = QPointer<QObject>(context), done] {
            const StoreError error = w->openError ? w->openError : deleteAccount(w->db, accountId, deleteMail, at);
            if (context)
                QMetaObject::invokeMethod(context.data(), [done, error] { done(error); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

StoreError ArchiveWriter::verifyConnection(const QList<PragmaSetting> &pragmas)
{
    if (!m_thread)
        return notStarted();
    return onWriterThread([&](WriterWorker &w) { return w.openError ? w.openError : verifyPragmas(w.db, pragmas); });
}

} // namespace vaulttray
