// The daemon with its real platform peers on a private system bus: logind (python-dbusmock) announces
// sleep and wake and holds our delay lock, NetworkManager (python-dbusmock) says when we are offline.
// Time that the scheduler reads is a fake clock; what the test waits for is only real D-Bus traffic.
#include "daemon/daemon.h"
#include "fakes/criticalcounter.h"
#include "fakes/fakeclock.h"
#include "fakes/scriptedprovider.h"
#include "integration/platform/dbustestbed.h"
#include "platform/linux/logindsleepmonitor.h"
#include "platform/qtnetworkmonitor.h"
#include "store/archivereader.h"

#include <QDBusConnection>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace vaulttray;
using namespace vaulttray::test;
using namespace std::chrono_literals;

namespace {
const QString kLogind = QStringLiteral("org.freedesktop.login1");
const QString kLogindPath = QStringLiteral("/org/freedesktop/login1");
const QString kLogindManager = QStringLiteral("org.freedesktop.login1.Manager");
const QString kNetworkManager = QStringLiteral("org.freedesktop.NetworkManager");
const QString kMockRootPath = QStringLiteral("/org/freedesktop");
// NetworkManager's NMState values.
constexpr uint kNmDisconnected = 20;
constexpr uint kNmConnectedGlobal = 70;
// Waits for real bus round trips only.
constexpr int kBusTimeoutMs = 5000;
constexpr int kCycles = 20;

const Failure kDnsTimeout = Failure::of(FailureKind::NetworkTransient, QStringLiteral("Host mail.test not found "
                                                                                      "(Temporary failure in name resolution)"));
} // namespace

class TestDaemonBus : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void sleepStopsWorkAndReleasesTheLock();
    void wakeWhileOfflineAttemptsAndReportsNothing();
    void onlineStartsTheSyncPromptly();
    void twentyCyclesWithFailingDnsAfterWakeStayQuiet();

private:
    void prepareForSleep(bool start);
    void setNetwork(uint state);
    QStringList inhibitors();
    void settle() { QCoreApplication::sendPostedEvents(); }
    // The writer works its queue in order: an empty batch committed now returns after every batch before it.
    void flushWriter() { QVERIFY(!m_daemon->writer()->commit(WriteBatch{}).error); }

    std::unique_ptr<CriticalCounter> m_criticals;
    PrivateSystemBus m_bus;
    std::unique_ptr<DBusMock> m_logind;
    std::unique_ptr<DBusMock> m_networkManager;
    std::unique_ptr<LogindSleepMonitor> m_sleep;
    std::unique_ptr<QtNetworkMonitor> m_network;

    QTemporaryDir m_dir;
    FakeClock m_clock;
    std::unique_ptr<ScriptedProvider> m_provider;
    std::unique_ptr<Daemon> m_daemon;
    qint64 m_account = 0;
    std::unique_ptr<QSignalSpy> m_signIn, m_failed, m_lasting;
};

void TestDaemonBus::initTestCase()
{
    m_criticals = std::make_unique<CriticalCounter>();
    QVERIFY2(m_bus.start().isEmpty(), "private system bus");
    m_logind = std::make_unique<DBusMock>(kLogind, QStringLiteral("logind"));
    QVERIFY2(m_logind->start().isEmpty(), "logind mock");
    m_networkManager = std::make_unique<DBusMock>(kNetworkManager, QStringLiteral("networkmanager"));
    QVERIFY2(m_networkManager->start().isEmpty(), "NetworkManager mock");
    setNetwork(kNmConnectedGlobal);
    m_sleep = std::make_unique<LogindSleepMonitor>(QDBusConnection::systemBus(), kMaxSleepDelay);
    m_network = std::make_unique<QtNetworkMonitor>();
    QCOMPARE(m_network->backendName(), QStringLiteral("networkmanager"));
    QTRY_COMPARE_WITH_TIMEOUT(m_network->reachability(), NetworkMonitor::Reachability::Online, kBusTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_sleep->holdsSleepLock(), kBusTimeoutMs);
}

void TestDaemonBus::cleanupTestCase()
{
    m_network.reset();
    m_sleep.reset();
    m_networkManager.reset();
    m_logind.reset();
}

void TestDaemonBus::init()
{
    const QString path = m_dir.filePath(QStringLiteral("archive-%1.db").arg(QTest::currentTestFunction()));
    m_provider = std::make_unique<ScriptedProvider>(); // account ids repeat across tests: fresh counters
    Daemon::Dependencies deps;
    deps.clock = &m_clock;
    deps.jobs = [this](const AccountRecord &a, ArchiveWriter &) { return m_provider->create(a); };
    deps.random = [] { return 0.5; };
    deps.sleep = m_sleep.get();
    deps.network = m_network.get();
    m_daemon = std::make_unique<Daemon>(path, deps);
    QVERIFY(!m_daemon->openArchive());
    QVERIFY(!m_daemon->writer()->addAccount(
        AccountRecord{0, QStringLiteral("work"), QStringLiteral("imap"), {}, "{}", m_clock.now()}, &m_account));
    m_daemon->startScheduling();
    m_signIn = std::make_unique<QSignalSpy>(m_daemon->scheduler(), &Scheduler::signInRequired);
    m_failed = std::make_unique<QSignalSpy>(m_daemon->scheduler(), &Scheduler::accountFailed);
    m_lasting = std::make_unique<QSignalSpy>(m_daemon->scheduler(), &Scheduler::outageLasting);
    m_criticals->reset();
}

void TestDaemonBus::cleanup()
{
    QCOMPARE(m_signIn->size(), 0);
    QCOMPARE(m_failed->size(), 0);
    QCOMPARE(m_lasting->size(), 0);
    QCOMPARE(m_criticals->count(), 0);
    m_daemon.reset();
    // Leave the bus as the next test expects it: awake, online, lock held.
    setNetwork(kNmConnectedGlobal);
    if (!m_sleep->holdsSleepLock()) {
        prepareForSleep(false);
        QTRY_VERIFY_WITH_TIMEOUT(m_sleep->holdsSleepLock(), kBusTimeoutMs);
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_network->reachability(), NetworkMonitor::Reachability::Online, kBusTimeoutMs);
}

void TestDaemonBus::prepareForSleep(bool start)
{
    const QDBusMessage reply = m_logind->emitSignal(kLogindPath, kLogindManager, QStringLiteral("PrepareForSleep"),
                                                    QStringLiteral("b"), {start});
    QVERIFY2(reply.type() == QDBusMessage::ReplyMessage, qPrintable(reply.errorMessage()));
}

void TestDaemonBus::setNetwork(uint state)
{
    const QDBusMessage reply = m_networkManager->callMock(kMockRootPath, QStringLiteral("SetGlobalConnectionState"), {state});
    QVERIFY2(reply.type() == QDBusMessage::ReplyMessage, qPrintable(reply.errorMessage()));
}

QStringList TestDaemonBus::inhibitors()
{
    QStringList who;
    for (const QString &lock : listInhibitors(*m_logind))
        who << lock.section(QLatin1Char('|'), 1, 1);
    return who;
}

void TestDaemonBus::sleepStopsWorkAndReleasesTheLock()
{
    m_provider->script(m_account, {std::nullopt}); // a sync in flight at sleep
    m_daemon->scheduler()->syncNow();
    QCOMPARE(m_daemon->scheduler()->status(m_account).state, AccountState::Syncing);
    QCOMPARE(inhibitors(), QStringList{QStringLiteral("vaulttray")});

    // Another connection holds the archive's write lock for a moment, so the writer is behind when the job stops.
    QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other-writer"));
    other.setDatabaseName(m_daemon->archivePath());
    QVERIFY(other.open());
    QVERIFY(QSqlQuery(other).exec(QStringLiteral("BEGIN IMMEDIATE")));

    prepareForSleep(true);
    QTRY_COMPARE_WITH_TIMEOUT(m_provider->cancelledTotal(), 1, kBusTimeoutMs);
    settle();
    // The job stopped, but what it handed the writer is not on disk yet: the lock stays.
    QVERIFY(m_sleep->holdsSleepLock());
    QVERIFY(QSqlQuery(other).exec(QStringLiteral("ROLLBACK")));
    other.close();
    other = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("other-writer"));

    // The lock goes only after the job stopped and its run is written: that is what it is for.
    QTRY_COMPARE_WITH_TIMEOUT(inhibitors(), QStringList(), kBusTimeoutMs);
    {
        ArchiveReader written(m_daemon->archivePath());
        QCOMPARE(written.syncRuns(m_account, 1).value(0).status, QStringLiteral("cancelled"));
    }
    QCOMPARE(m_daemon->scheduler()->status(m_account).waitReason, WaitReason::Asleep);

    const int started = m_provider->started(m_account);
    m_clock.advance(2h);
    m_daemon->scheduler()->onTimer(); // whatever fires while asleep starts nothing
    m_daemon->scheduler()->syncNow();
    settle();
    QCOMPARE(m_provider->started(m_account), started);

    // The run cut short by the sleep is on record as cancelled, not as a failure.
    flushWriter();
    ArchiveReader reader(m_daemon->archivePath());
    QCOMPARE(reader.syncRuns(m_account, 1).value(0).status, QStringLiteral("cancelled"));
}

void TestDaemonBus::wakeWhileOfflineAttemptsAndReportsNothing()
{
    prepareForSleep(true);
    QTRY_COMPARE_WITH_TIMEOUT(inhibitors(), QStringList(), kBusTimeoutMs);
    setNetwork(kNmDisconnected);
    QTRY_COMPARE_WITH_TIMEOUT(m_network->reachability(), NetworkMonitor::Reachability::Offline, kBusTimeoutMs);
    m_clock.advance(3h);
    prepareForSleep(false);
    QTRY_COMPARE_WITH_TIMEOUT(inhibitors(), QStringList{QStringLiteral("vaulttray")}, kBusTimeoutMs);
    QVERIFY(m_daemon->scheduler()->inGraceWindow());
    for (int i = 0; i < 5; ++i) {
        m_clock.advance(5min);
        m_daemon->scheduler()->onTimer();
        settle();
    }
    QCOMPARE(m_provider->started(m_account), 0);
    QCOMPARE(m_daemon->scheduler()->status(m_account).waitReason, WaitReason::Offline);
    QVERIFY(!m_daemon->scheduler()->armedDelay().has_value()); // no polling while offline
}

void TestDaemonBus::onlineStartsTheSyncPromptly()
{
    setNetwork(kNmDisconnected);
    QTRY_COMPARE_WITH_TIMEOUT(m_network->reachability(), NetworkMonitor::Reachability::Offline, kBusTimeoutMs);
    m_clock.advance(1h);
    m_daemon->scheduler()->onTimer();
    settle();
    QCOMPARE(m_provider->started(m_account), 0);
    setNetwork(kNmConnectedGlobal);
    // No clock moves here: the sync starts because NetworkManager said so, not because time passed.
    QTRY_COMPARE_WITH_TIMEOUT(m_provider->started(m_account), 1, kBusTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_daemon->scheduler()->status(m_account).state, AccountState::Idle, kBusTimeoutMs);
}

void TestDaemonBus::twentyCyclesWithFailingDnsAfterWakeStayQuiet()
{
    Scheduler *scheduler = m_daemon->scheduler();
    for (int cycle = 0; cycle < kCycles; ++cycle) {
        m_provider->script(m_account, {std::nullopt});
        scheduler->syncNow();
        prepareForSleep(true);
        QTRY_COMPARE_WITH_TIMEOUT(inhibitors(), QStringList(), kBusTimeoutMs);
        setNetwork(kNmDisconnected);
        m_clock.advance(std::chrono::hours(1 + cycle % 7));
        prepareForSleep(false);
        QTRY_COMPARE_WITH_TIMEOUT(inhibitors(), QStringList{QStringLiteral("vaulttray")}, kBusTimeoutMs);

        // The network comes back, but DNS fails for the first tries: the post-wake case. What was due
        // while asleep runs once, after a small jitter; the retries follow their backoff.
        m_provider->script(m_account, {kDnsTimeout, kDnsTimeout});
        const int before = m_provider->started(m_account);
        setNetwork(kNmConnectedGlobal);
        QTRY_COMPARE_WITH_TIMEOUT(m_network->reachability(), NetworkMonitor::Reachability::Online, kBusTimeoutMs);
        for (int step = 0; step < 5 && m_provider->started(m_account) < before + 3; ++step) {
            const QDateTime due = scheduler->status(m_account).nextDue;
            QVERIFY(due.isValid());
            QVERIFY(scheduler->inGraceWindow()); // every failure here falls inside the grace window
            if (due > m_clock.now())
                m_clock.set(due);
            scheduler->onTimer();
            settle();
        }
        QCOMPARE(scheduler->status(m_account).state, AccountState::Idle);
        QCOMPARE(scheduler->status(m_account).lastSuccess, m_clock.now());
        QCOMPARE(m_provider->started(m_account), before + 3);
    }
    QCOMPARE(m_provider->cancelledTotal(), kCycles);
    flushWriter();
    ArchiveReader reader(m_daemon->archivePath());
    const QList<SyncRunRecord> runs = reader.syncRuns(m_account, 1000); // 4 runs a cycle: cancelled, 2 failed, ok
    QCOMPARE(runs.value(0).status, QStringLiteral("ok"));
    QCOMPARE(std::count_if(runs.cbegin(), runs.cend(), [](const SyncRunRecord &r) { return r.status == QLatin1String("cancelled"); }),
             kCycles);
}

QTEST_GUILESS_MAIN(TestDaemonBus)
#include "tst_daemonbus.moc"
