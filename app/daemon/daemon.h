#pragma once

#include "core/clock.h"
#include "daemon/scheduler.h"
#include "store/archive.h"
#include "store/archivewriter.h"
#include "store/storeerror.h"

#include <QHash>
#include <QObject>

#include <functional>
#include <memory>

namespace vaulttray {

class NetworkMonitor;
class SleepMonitor;
class SyncJob;

// The headless core: the archive writer, the scheduler and the platform's sleep and network events,
// wired together. It announces; the ui layer (or nobody, when headless) decides how to show it.
class Daemon : public QObject
{
    Q_OBJECT

public:
    using JobFactory = std::function<std::unique_ptr<SyncJob>(const AccountRecord &, ArchiveWriter &)>;

    struct Dependencies
    {
        Clock *clock = nullptr;
        JobFactory jobs;
        Scheduler::Random random;
        Scheduler::Options options;
        SleepMonitor *sleep = nullptr;     // optional: none in one-shot command-line runs
        NetworkMonitor *network = nullptr; // optional: none means "assume online, rely on errors"
        std::function<bool()> suspendCheck;
        // How thoroughly openArchive() checks the archive (ArchiveOpenOptions::check): one-shot command-line runs
        // check only after an unclean end.
        ArchiveOpenOptions::Check archiveCheck = ArchiveOpenOptions::Check::Always;
    };

    Daemon(QString archivePath, Dependencies deps, QObject *parent = nullptr);
    ~Daemon() override;

    // Prepares the archive (checks, migrations, quick_check) and starts the writer thread.
    StoreError openArchive();
    // Loads the accounts into the scheduler and starts reacting to time, sleep and the network.
    void startScheduling();
    void quit();

    QString archivePath() const { return m_archivePath; }
    ArchiveWriter *writer() const { return m_writer.get(); }
    Scheduler *scheduler() const { return m_scheduler.get(); }
    Clock &clock() const { return *m_deps.clock; }

signals:
    void archiveFailed(const vaulttray::StoreError &error);
    void showRequested();
    // The end of an account's sync run is committed: what the run archived can be read now.
    void runRecorded(qint64 accountId);
    // After a wake: the providers' kept-alive connections may be dead; see Scheduler::networkSessionsStale.
    void networkSessionsStale();

private:
    void applyReachability();
    void onSyncStarted(qint64 accountId);
    void onSyncFinished(qint64 accountId, const Failure &result);

    QString m_archivePath;
    Dependencies m_deps;
    std::unique_ptr<ArchiveWriter> m_writer;
    std::unique_ptr<Scheduler> m_scheduler;
    QHash<quint64, qint64> m_runEnds; // writer ticket of a run's end → account
};

} // namespace vaulttray
