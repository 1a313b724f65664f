// The sleep monitor on a Linux machine without any system bus (a container, a minimal session): it must stay
// quiet and harmless. CMake points DBUS_SYSTEM_BUS_ADDRESS at a socket that does not exist.
#include "platform/linux/logindsleepmonitor.h"
#include "platform/sleepmonitorfactory.h"

#include <QDBusConnection>
#include <QSignalSpy>
#include <QTest>

using namespace vaulttray;

class TestSleepMonitorNoBus : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void factoryGivesAQuietLogindMonitor();
};

void TestSleepMonitorNoBus::initTestCase()
{
    QVERIFY2(qEnvironmentVariable("DBUS_SYSTEM_BUS_ADDRESS").contains(u"/nonexistent"),
             "run through ctest, which points the system bus at nothing");
    QVERIFY(!QDBusConnection::systemBus().isConnected());
}

void TestSleepMonitorNoBus::factoryGivesAQuietLogindMonitor()
{
    const std::unique_ptr<SleepMonitor> monitor = createSleepMonitor();
    QVERIFY(monitor);
    // Linux gets logind's monitor even without logind, so that logind can be picked up later.
    QVERIFY(qobject_cast<LogindSleepMonitor *>(monitor.get()));
    QSignalSpy aboutToSleep(monitor.get(), &SleepMonitor::aboutToSleep);
    QVERIFY(!monitor->isAvailable());
    QVERIFY(!monitor->holdsSleepLock());
    monitor->releaseSleepLock();
    QVERIFY(!monitor->holdsSleepLock());
    QCOMPARE(aboutToSleep.count(), 0);
}

QTEST_GUILESS_MAIN(TestSleepMonitorNoBus)
#include "tst_sleepmonitornobus.moc"
