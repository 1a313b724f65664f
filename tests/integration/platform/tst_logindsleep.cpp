// LogindSleepMonitor against python-dbusmock's logind on a private system bus.
#include "dbustestbed.h"
#include "platform/linux/logindsleepmonitor.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace vaulttray;
using namespace vaulttray::test;
using namespace std::chrono_literals;

namespace {

const QString kLogind = QStringLiteral("org.freedesktop.login1");
const QString kLogindPath = QStringLiteral("/org/freedesktop/login1");
const QString kManager = QStringLiteral("org.freedesktop.login1.Manager");
// How ListInhibitors shows our lock: what, who, why, mode.
const QString kOurLock = QStringLiteral("sleep|vaulttray|Finishing the current archive batch|delay");

// Short, so the auto-release test takes well under a second; the production value is kMaxSleepDelay.
constexpr std::chrono::milliseconds kTestMaxDelay = 500ms;
// QTRY_* timeouts: each waits for real I/O (a bus round trip, a process exit), never for logic.
constexpr int kBusTimeoutMs = 5000;

} // namespace

class TestLogindSleep : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void holdsDelayLockWhileAwake();
    void announcesSleepAndReleasesWhenTold();
    void releasesByItselfAfterMaxDelay();
    void retakesLockOnWake();
    void releaseWhileAwakeKeepsTheLock();
    void withoutLogindStaysQuiet();
    void takesLockWhenLogindAppearsLater();
    void dropsLockWhenLogindLeaves();

private:
    void startLogind();
    std::unique_ptr<LogindSleepMonitor> startMonitor();
    void prepareForSleep(bool start);
    // Every inhibitor logind holds, as "what|who|why|mode".
    QStringList inhibitors();

    PrivateSystemBus m_bus;
    std::unique_ptr<DBusMock> m_logind;
};

void TestLogindSleep::initTestCase()
{
    // Before anything touches QDBusConnection::systemBus(): it reads DBUS_SYSTEM_BUS_ADDRESS once.
    const QString error = m_bus.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(QDBusConnection::systemBus().isConnected(), "connected to the private bus");
    QVERIFY(!QDBusConnection::systemBus().interface()->isServiceRegistered(kLogind));
}

void TestLogindSleep::cleanup()
{
    // A fresh logind per test: the mock's inhibitor list is process-wide.
    m_logind.reset();
}

void TestLogindSleep::startLogind()
{
    m_logind = std::make_unique<DBusMock>(kLogind, QStringLiteral("logind"));
    const QString error = m_logind->start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

std::unique_ptr<LogindSleepMonitor> TestLogindSleep::startMonitor()
{
    return std::make_unique<LogindSleepMonitor>(QDBusConnection::systemBus(), kTestMaxDelay);
}

void TestLogindSleep::prepareForSleep(bool start)
{
    const QDBusMessage reply =
        m_logind->emitSignal(kLogindPath, kManager, QStringLiteral("PrepareForSleep"), QStringLiteral("b"), {start});
    QVERIFY2(reply.type() == QDBusMessage::ReplyMessage, qPrintable(reply.errorMessage()));
}

QStringList TestLogindSleep::inhibitors()
{
    return listInhibitors(*m_logind);
}

void TestLogindSleep::holdsDelayLockWhileAwake()
{
    startLogind();
    QCOMPARE(inhibitors(), QStringList());
    auto monitor = startMonitor();
    QVERIFY(monitor->isAvailable());
    QTRY_VERIFY_WITH_TIMEOUT(monitor->holdsSleepLock(), kBusTimeoutMs);
    QCOMPARE(inhibitors(), QStringList{kOurLock});
}

void TestLogindSleep::announcesSleepAndReleasesWhenTold()
{
    startLogind();
    auto monitor = startMonitor();
    QSignalSpy aboutToSleep(monitor.get(), &SleepMonitor::aboutToSleep);
    QSignalSpy woke(monitor.get(), &SleepMonitor::woke);
    QTRY_VERIFY_WITH_TIMEOUT(monitor->holdsSleepLock(), kBusTimeoutMs);

    prepareForSleep(true);
    QTRY_COMPARE_WITH_TIMEOUT(aboutToSleep.count(), 1, kBusTimeoutMs);
    // The daemon has not finished yet: logind must still be waiting for us.
    QVERIFY(monitor->holdsSleepLock());
    QCOMPARE(inhibitors(), QStringList{kOurLock});

    monitor->releaseSleepLock();
    QVERIFY(!monitor->holdsSleepLock());
    QTRY_COMPARE_WITH_TIMEOUT(inhibitors(), QStringList(), kBusTimeoutMs);
    QCOMPARE(aboutToSleep.count(), 1);
    QCOMPARE(woke.count(), 0);
}

void TestLogindSleep::releasesByItselfAfterMaxDelay()
{
    startLogind();
    auto monitor = startMonitor();
    QSignalSpy aboutToSleep(monitor.get(), &SleepMonitor::aboutToSleep);
    QTRY_VERIFY_WITH_TIMEOUT(monitor->holdsSleepLock(), kBusTimeoutMs);

    QElapsedTimer sinceAnnounced;
    prepareForSleep(true);
    QTRY_COMPARE_WITH_TIMEOUT(aboutToSleep.count(), 1, kBusTimeoutMs);
    sinceAnnounced.start();
    // The daemon never calls releaseSleepLock(). This waits for the monitor's real timer.
    QTRY_VERIFY_WITH_TIMEOUT(!monitor->holdsSleepLock(), int(kTestMaxDelay.count()) + kBusTimeoutMs);
    QVERIFY2(sinceAnnounced.elapsed() >= kTestMaxDelay.count() / 2,
             qPrintable(QStringLiteral("released after only %1 ms").arg(sinceAnnounced.elapsed())));
    QTRY_COMPARE_WITH_TIMEOUT(inhibitors(), QStringList(), kBusTimeoutMs);
}

void TestLogindSleep::retakesLockOnWake()
{
    startLogind();
    auto monitor = startMonitor();
    QSignalSpy aboutToSleep(monitor.get(), &SleepMonitor::aboutToSleep);
    QSignalSpy woke(monitor.get(), &SleepMonitor::woke);
    QTRY_VERIFY_WITH_TIMEOUT(monitor->holdsSleepLock(), kBusTimeoutMs);
    prepareForSleep(true);
    QTRY_COMPARE_WITH_TIMEOUT(aboutToSleep.count(), 1, kBusTimeoutMs);
    monitor->releaseSleepLock();
    QTRY_COMPARE_WITH_TIMEOUT(inhibitors(), QStringList(), kBusTimeoutMs);

    prepareForSleep(false);
    QTRY_COMPARE_WITH_TIMEOUT(woke.count(), 1, kBusTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(monitor->holdsSleepLock(), kBusTimeoutMs);
    // Exactly one lock: a second Inhibit would hold up the next sleep twice over.
    QCOMPARE(inhibitors(), QStringList{kOurLock});
    QCOMPARE(aboutToSleep.count(), 1);
}

void TestLogindSleep::releaseWhileAwakeKeepsTheLock()
{
    startLogind();
    auto monitor = startMonitor();
    QTRY_VERIFY_WITH_TIMEOUT(monitor->holdsSleepLock(), kBusTimeoutMs);
    // A stray release (no sleep announced) must not leave the next sleep unguarded.
    monitor->releaseSleepLock();
    QVERIFY(monitor->holdsSleepLock());
    QCOMPARE(inhibitors(), QStringList{kOurLock});
}

void TestLogindSleep::withoutLogindStaysQuiet()
{
    auto monitor = startMonitor();
    QSignalSpy aboutToSleep(monitor.get(), &SleepMonitor::aboutToSleep);
    QSignalSpy woke(monitor.get(), &SleepMonitor::woke);
    QVERIFY(!monitor->isAvailable());
    QVERIFY(!monitor->holdsSleepLock());
    monitor->releaseSleepLock();
    QVERIFY(!monitor->holdsSleepLock());
    QCOMPARE(aboutToSleep.count(), 0);
    QCOMPARE(woke.count(), 0);
}

void TestLogindSleep::takesLockWhenLogindAppearsLater()
{
    auto monitor = startMonitor();
    QSignalSpy aboutToSleep(monitor.get(), &SleepMonitor::aboutToSleep);
    QVERIFY(!monitor->isAvailable());

    startLogind();
    QTRY_VERIFY_WITH_TIMEOUT(monitor->isAvailable(), kBusTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(monitor->holdsSleepLock(), kBusTimeoutMs);
    QCOMPARE(inhibitors(), QStringList{kOurLock});
    // The PrepareForSleep subscription, made before logind existed, follows the new owner.
    prepareForSleep(true);
    QTRY_COMPARE_WITH_TIMEOUT(aboutToSleep.count(), 1, kBusTimeoutMs);
}

void TestLogindSleep::dropsLockWhenLogindLeaves()
{
    startLogind();
    auto monitor = startMonitor();
    QTRY_VERIFY_WITH_TIMEOUT(monitor->holdsSleepLock(), kBusTimeoutMs);
    m_logind->stop();
    QTRY_VERIFY_WITH_TIMEOUT(!monitor->isAvailable(), kBusTimeoutMs);
    QVERIFY(!monitor->holdsSleepLock());

    // And it comes back: a restarted logind gets a fresh lock.
    startLogind();
    QTRY_VERIFY_WITH_TIMEOUT(monitor->holdsSleepLock(), kBusTimeoutMs);
    QCOMPARE(inhibitors(), QStringList{kOurLock});
}

QTEST_GUILESS_MAIN(TestLogindSleep)
#include "tst_logindsleep.moc"
