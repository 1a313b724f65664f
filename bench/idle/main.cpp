// bench_idle_daemon: the headless daemon as app/main.cpp wires it (SystemClock, the platform's sleep monitor,
// QtNetworkMonitor, SuspendDetector, Daemon, CommandService + ControlServer, QuitSignals, LogFile), with one
// difference: the sync provider is a job that succeeds at once, because the app has no real provider yet.
// It adds N accounts to a fresh archive and runs until SIGTERM. It has no timer of its own: run.sh measures
// it from outside (/proc, strace), so whatever wakes it up is the daemon's.
//
// stdout: "ready pid=... at=EPOCH_MS network=... sleep=..." once scheduling has started; after SIGTERM, one
// "run account=ID at=EPOCH_MS" line per sync run started, then "syncs_started=... syncs_ok=...". The times are
// kept in memory while it runs, so recording them costs no wake-up and no write.
#include "core/clock.h"
#include "daemon/commandservice.h"
#include "daemon/controlchannel.h"
#include "daemon/daemon.h"
#include "daemon/logfile.h"
#include "platform/networkmonitor.h"
#include "platform/qtnetworkmonitor.h"
#include "platform/quitsignals.h"
#include "platform/sleepmonitor.h"
#include "platform/sleepmonitorfactory.h"
#include "platform/suspenddetector.h"
#include "store/archivewriter.h"
#include "sync/syncjob.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRandomGenerator>

#include <chrono>
#include <cstdio>
#include <memory>

#include <unistd.h>

#ifdef VAULTTRAY_BENCH_TRAY
// bench_idle_tray: the same with the tray app's face (TrayController: icon, menu, notices), in the tray host of the
// X server run.sh started.
#include "ui/traycontroller.h"

#include <QApplication>
#endif

using namespace vaulttray;

namespace {

constexpr int kDefaultAccounts = 3;
constexpr std::chrono::seconds kDefaultInterval{std::chrono::minutes(15)};

// The stand-in provider: a run that has nothing to fetch. finished() is delivered queued by the scheduler,
// so emitting it from start() is allowed.
class NoOpJob final : public SyncJob
{
public:
    void start() override { finish(Failure::none()); }
    void cancel() override { finish(Failure::of(FailureKind::Cancelled, QStringLiteral("cancelled"))); }

private:
    void finish(const Failure &result)
    {
        if (m_done)
            return;
        m_done = true;
        emit finished(result);
    }
    bool m_done = false;
};

void print(FILE *stream, const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stream);
    std::fflush(stream);
}

} // namespace

int main(int argc, char **argv)
{
#ifdef VAULTTRAY_BENCH_TRAY
    QApplication app(argc, argv);
    QApplication::setQuitOnLastWindowClosed(false);
#else
    QCoreApplication app(argc, argv);
#endif
    QCoreApplication::setApplicationName(QStringLiteral("vaulttray-bench-idle"));
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("vaulttray.*.debug=false"));

    QCommandLineParser cli;
    cli.setApplicationDescription(QStringLiteral("The headless daemon with a no-op provider, idle until SIGTERM."));
    cli.addHelpOption();
    const QCommandLineOption archiveOption(QStringLiteral("archive"), QStringLiteral("Archive file (created)."),
                                           QStringLiteral("path"));
    const QCommandLineOption intervalOption(QStringLiteral("interval"), QStringLiteral("Sync interval in seconds."),
                                            QStringLiteral("seconds"), QString::number(kDefaultInterval.count()));
    const QCommandLineOption accountsOption(QStringLiteral("accounts"), QStringLiteral("Accounts to add."),
                                            QStringLiteral("n"), QString::number(kDefaultAccounts));
    const QCommandLineOption logOption(QStringLiteral("log-dir"), QStringLiteral("Log file folder (none if empty)."),
                                       QStringLiteral("dir"));
    cli.addOptions({archiveOption, intervalOption, accountsOption, logOption});
    cli.process(app);
    bool intervalOk = false, accountsOk = false;
    const int interval = cli.value(intervalOption).toInt(&intervalOk);
    const int accounts = cli.value(accountsOption).toInt(&accountsOk);
    const QString archivePath = cli.value(archiveOption);
    if (archivePath.isEmpty() || QFileInfo::exists(archivePath) || !intervalOk || interval <= 0 || !accountsOk ||
        accounts < 0) {
        print(stderr, QStringLiteral("usage: bench_idle_daemon --archive NEW_FILE [--interval S] [--accounts N] "
                                     "[--log-dir DIR]\n"));
        return 2;
    }
    if (const QString logDir = cli.value(logOption); !logDir.isEmpty())
        LogFile::install(logDir);

    QuitSignals quitSignals;
    QObject::connect(&quitSignals, &QuitSignals::quitRequested, &app, &QCoreApplication::quit);

    // From here on, as app/main.cpp wires the headless daemon.
    SystemClock clock;
    const std::unique_ptr<SleepMonitor> sleep = createSleepMonitor();
    QtNetworkMonitor network;
    SuspendDetector suspend;
    Daemon::Dependencies deps;
    deps.clock = &clock;
    deps.jobs = [](const AccountRecord &, ArchiveWriter &) -> std::unique_ptr<SyncJob> {
        return std::make_unique<NoOpJob>();
    };
    deps.random = [] { return QRandomGenerator::global()->generateDouble(); };
    deps.options.policy.interval = std::chrono::seconds(interval);
    deps.sleep = sleep.get();
    deps.network = &network;
    deps.suspendCheck = [&suspend] { return suspend.check(); };
    QObject::connect(sleep.get(), &SleepMonitor::woke, [&suspend] { suspend.reset(); });
    Daemon daemon(archivePath, deps);
#ifdef VAULTTRAY_BENCH_TRAY
    TrayController tray(daemon, nullptr, {});
    tray.show();
#endif
    CommandService service(daemon);
    ControlServer control(archivePath, [&service](const ControlCommand &c, CommandService::Reply r) {
        service.execute(c, std::move(r));
    });
    if (const StoreError error = daemon.openArchive()) {
        print(stderr, error.message + QLatin1Char('\n'));
        return 1;
    }
    // The accounts, as `vaulttray account add` would leave them: never synced, so each first runs
    // firstRunDelay after scheduling starts. Blocking is fine here: the event loop has not started.
    for (int i = 1; i <= accounts; ++i) {
        AccountRecord account;
        account.name = QStringLiteral("account%1").arg(i);
        account.provider = QStringLiteral("imap");
        account.address = QStringLiteral("user%1@example.org").arg(i);
        account.createdAt = clock.now();
        qint64 id = 0;
        if (const StoreError error = daemon.writer()->addAccount(account, &id)) {
            print(stderr, error.message + QLatin1Char('\n'));
            return 1;
        }
    }
    QString controlError;
    if (!control.listen(&controlError)) {
        print(stderr, controlError + QLatin1Char('\n'));
        return 1;
    }
    daemon.startScheduling();
#ifdef VAULTTRAY_BENCH_TRAY
    tray.attach();
#endif
    QObject::connect(&app, &QCoreApplication::aboutToQuit, &daemon, &Daemon::quit);

    QList<std::pair<qint64, qint64>> runs; // account id, start in ms since the epoch
    int succeeded = 0;
    QObject::connect(daemon.scheduler(), &Scheduler::syncStarted, [&runs, &clock](qint64 accountId) {
        runs.append({accountId, clock.now().toMSecsSinceEpoch()});
    });
    QObject::connect(daemon.scheduler(), &Scheduler::syncFinished, [&succeeded](qint64, const Failure &result) {
        if (result.ok())
            ++succeeded;
    });

    print(stdout, QStringLiteral("ready pid=%1 at=%2 network=%3 sleep=%4 interval=%5 accounts=%6\n")
                      .arg(::getpid())
                      .arg(clock.now().toMSecsSinceEpoch())
                      .arg(network.backendName(),
                           sleep->isAvailable() ? QStringLiteral("available") : QStringLiteral("unavailable"))
                      .arg(interval)
                      .arg(accounts));
    const int code = app.exec();
    for (const auto &[accountId, at] : runs)
        print(stdout, QStringLiteral("run account=%1 at=%2\n").arg(accountId).arg(at));
    print(stdout, QStringLiteral("syncs_started=%1 syncs_ok=%2\n").arg(runs.size()).arg(succeeded));
    LogFile::uninstall();
    return code;
}
