#include "store/backgroundreader.h"

#include "store/archivereader.h"

#include <QThread>

namespace vaulttray {

class ReaderWorker : public QObject
{
public:
    ReaderWorker(QString path, Profile profile) : m_path(std::move(path)), m_profile(profile) {}

    // The connection belongs to the thread that opens it: this one.
    ArchiveReader &reader()
    {
        if (!m_reader)
            m_reader = std::make_unique<ArchiveReader>(m_path, m_profile);
        return *m_reader;
    }

    void close() { m_reader.reset(); }

private:
    QString m_path;
    Profile m_profile;
    std::unique_ptr<ArchiveReader> m_reader;
};

BackgroundReader::BackgroundReader(QString path, Profile profile, QObject *parent)
    : QObject(parent), m_path(std::move(path)), m_profile(profile)
{
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("archive-reader"));
    m_worker = new ReaderWorker(m_path, m_profile);
    m_worker->moveToThread(m_thread);
    m_thread->start();
}

BackgroundReader::~BackgroundReader()
{
    *m_stopping = true;
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker] {
            w->close();
            delete w;
        },
        Qt::QueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
}

void BackgroundReader::post(std::function<void(ArchiveReader &)> work, std::function<void()> done)
{
    // The answer comes back through this object, which lives in the caller's thread: once it is destroyed,
    // Qt drops the answers still queued for it.
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker, self = this, stopping = m_stopping, work = std::move(work), done = std::move(done)] {
            if (*stopping)
                return;
            work(w->reader());
            QMetaObject::invokeMethod(self, done, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

} // namespace vaulttray
