#include "sync/parsestage.h"

#include "core/backgroundthread.h"

#include <QMetaObject>

namespace vaulttray {

ParseStage::ParseStage(QObject *receiver, const QString &name) : m_receiver(receiver), m_worker(new QObject)
{
    m_thread.setObjectName(name);
    m_worker->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, [] { makeCurrentThreadBackground(); }, Qt::QueuedConnection);
}

ParseStage::~ParseStage()
{
    m_thread.requestInterruption();
    m_thread.quit();
    m_thread.wait();
}

void ParseStage::run(std::function<void()> work, std::function<void()> done)
{
    QObject *receiver = m_receiver; // outlives the thread: the stage is its member, and waits in its destructor
    QThread *thread = &m_thread;
    QMetaObject::invokeMethod(
        m_worker,
        [work = std::move(work), done = std::move(done), receiver, thread]() mutable {
            if (thread->isInterruptionRequested())
                return;
            work();
            QMetaObject::invokeMethod(receiver, std::move(done), Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

} // namespace vaulttray
