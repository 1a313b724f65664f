#include "daemon/daemon.h"

#include "core/logging.h"
#include "platform/networkmonitor.h"
#include "platform/sleepmonitor.h"
#include "store/archive.h"
#include "store/archivereader.h"
#include "sync/syncjob.h"

namespace vaulttray {

Daemon::Daemon(QString archivePath, Dependencies deps, QObject *parent)
    : QObject(parent), m_archivePath(std::move(archivePath)), m_deps(std::move(deps))
{
}

Daemon::~Daemon()
{
    quit();
}

StoreError Daemon::openArchive()
{
    ArchiveOpenOptions options;
    options.now = m_deps.clock->now();
    options.check = m_deps.archiveCheck;
    if (StoreError error = Archive::prepare(m_archivePath, options)) {
        emit archiveFailed(error);
        return error;
    }
    m_writer = std::make_unique<ArchiveWriter>(m_archivePath);
    if (StoreError error = m_writer->start()) {
        m_writer.reset();
        emit archiveFailed(error);
        return error;
    }
    connect(m_writer.get(), &ArchiveWriter::batchFinished, this, [this](quint64 ticket) {
        const auto it = m_runEnds.find(ticket);
        if (it == m_runEnds.end())
            return;
        const qint64 accountId = it.value();
        m_runEnds.erase(it);
        emit runRecorded(accountId);
    });
    qCInfo(lcDaemon).noquote() << "archive ready at" << m_archivePath;
    return {};
}

void Daemon::startScheduling()
{
    if (m_scheduler || !m_writer)
        return;
    auto jobs = [this](const AccountRecord &account) { return m_deps.jobs(account, *m_writer); };
    m_scheduler = std::make_unique<Scheduler>(*m_deps.clock, jobs, m_deps.random, m_deps.options);
    if (m_deps.suspendCheck)
        m_scheduler->setSuspendCheck(m_deps.suspendCheck);
    connect(m_scheduler.get(), &Scheduler::syncStarted, this, &Daemon::onSyncStarted);
    connect(m_scheduler.get(), &Scheduler::syncFinished, this, &Daemon::onSyncFinished);
    connect(m_scheduler.get(), &Scheduler::networkSessionsStale, this, &Daemon::networkSessionsStale);

    if (SleepMonitor *sleep = m_deps.sleep) {
        connect(sleep, &SleepMonitor::aboutToSleep, m_scheduler.get(), &Scheduler::willSleep);
        connect(sleep, &SleepMonitor::woke, m_scheduler.get(), &Scheduler::woke);
        connect(m_scheduler.get(), &Scheduler::readyForSleep, sleep, &SleepMonitor::releaseSleepLock);
    }
    if (m_deps.network) {
        connect(m_deps.network, &NetworkMonitor::changed, this, &Daemon::applyReachability);
        applyReachability();
    }

    ArchiveReader reader(m_archivePath);
    for (const AccountRecord &account : reader.accounts()) {
        if (account.provider == QLatin1String("local"))
            continue; // filled by imports only: nothing to sync
        QDateTime lastSuccess;
        for (const SyncRunRecord &run : reader.syncRuns(account.id, 50)) {
            if (run.status == QLatin1String("ok")) {
                lastSuccess = run.endedAt;
                break;
            }
        }
        m_scheduler->addAccount(account, lastSuccess);
    }
}

void Daemon::quit()
{
    if (m_scheduler)
        m_scheduler->quit();
}

void Daemon::applyReachability()
{
    const NetworkMonitor *n = m_deps.network;
    // LocalOnly still reaches a server on the LAN; only a definite Offline holds syncs. Unknown (no
    // backend) assumes online and lets the classified errors speak.
    const bool online = n->reachability() != NetworkMonitor::Reachability::Offline;
    m_scheduler->setReachability(online, n->isBehindCaptivePortal(), n->isMetered());
}

void Daemon::onSyncStarted(qint64 accountId)
{
    WriteBatch batch;
    batch.accountId = accountId;
    batch.at = m_deps.clock->now();
    batch.runStartedAt = batch.at;
    m_writer->submit(batch);
}

void Daemon::onSyncFinished(qint64 accountId, const Failure &result)
{
    RunStatus status = RunStatus::Failed;
    if (result.kind == FailureKind::None || result.kind == FailureKind::BadData)
        status = RunStatus::Ok;
    else if (result.kind == FailureKind::Cancelled)
        status = RunStatus::Cancelled;
    WriteBatch batch;
    batch.accountId = accountId;
    batch.at = m_deps.clock->now();
    batch.runEnd = RunEnd{batch.at, status, status == RunStatus::Ok ? Failure::none() : result};
    m_runEnds.insert(m_writer->submit(batch), accountId);
}

} // namespace vaulttray
