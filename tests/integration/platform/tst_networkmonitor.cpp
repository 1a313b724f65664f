// QtNetworkMonitor on Qt's NetworkManager backend, against python-dbusmock's NetworkManager on a private
// system bus. QNetworkInformation is a process-wide singleton that cannot be unloaded, so the GLib and "none"
// fallbacks are separate executables (tst_networkmonitorfallback.cpp).
#include "dbustestbed.h"
#include "platform/qtnetworkmonitor.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusVariant>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace vaulttray;
using namespace vaulttray::test;

using Reachability = NetworkMonitor::Reachability;

namespace {

const QString kNetworkManager = QStringLiteral("org.freedesktop.NetworkManager");
const QString kNetworkManagerPath = QStringLiteral("/org/freedesktop/NetworkManager");
// The template's Mock methods hang off its root object.
const QString kMockRootPath = QStringLiteral("/org/freedesktop");
const QString kProperties = QStringLiteral("org.freedesktop.DBus.Properties");

// NetworkManager's NMState, NMConnectivityState and NMMetered values (nm-dbus-types).
enum NmState : uint {
    NmStateUnknown = 0,
    NmStateAsleep = 10,
    NmStateDisconnected = 20,
    NmStateDisconnecting = 30,
    NmStateConnecting = 40,
    NmStateConnectedLocal = 50,
    NmStateConnectedSite = 60,
    NmStateConnectedGlobal = 70,
};
enum NmConnectivity : uint {
    NmConnectivityPortal = 2,
    NmConnectivityFull = 4,
};
enum NmMetered : uint {
    NmMeteredYes = 1,
    NmMeteredNo = 2,
    NmMeteredGuessYes = 3,
    NmMeteredGuessNo = 4,
};

// QTRY_* timeouts: each waits for a D-Bus signal from the mock, never for logic.
constexpr int kBusTimeoutMs = 5000;

} // namespace

class TestNetworkMonitor : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void startsOnlineOnNetworkManager();
    void followsGlobalState_data();
    void followsGlobalState();
    void sameStateAgainIsNoChange();
    void noticesCaptivePortal();
    void noticesMetered_data();
    void noticesMetered();

private:
    void setGlobalState(uint state);
    void setConnectivity(uint connectivity);
    void setMetered(uint metered);
    void moveTo(uint state, Reachability expected);
    // Makes sure every signal the mock sent so far has been delivered: one round trip, then the queued calls.
    void settle();
    static void verifyReply(const QDBusMessage &reply);

    PrivateSystemBus m_bus;
    std::unique_ptr<DBusMock> m_networkManager;
    std::unique_ptr<QtNetworkMonitor> m_monitor;
};

void TestNetworkMonitor::initTestCase()
{
    // Before anything touches QDBusConnection::systemBus(): it reads DBUS_SYSTEM_BUS_ADDRESS once.
    const QString error = m_bus.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_networkManager = std::make_unique<DBusMock>(kNetworkManager, QStringLiteral("networkmanager"));
    const QString mockError = m_networkManager->start();
    QVERIFY2(mockError.isEmpty(), qPrintable(mockError));
    // The template has no global Metered property; real NetworkManager (1.2 and later) does.
    verifyReply(m_networkManager->callMock(
        kNetworkManagerPath, QStringLiteral("AddProperty"),
        {kNetworkManager, QStringLiteral("Metered"), QVariant::fromValue(QDBusVariant(uint(NmMeteredNo)))}));
    m_monitor = std::make_unique<QtNetworkMonitor>();
}

void TestNetworkMonitor::cleanupTestCase()
{
    m_monitor.reset();
    m_networkManager.reset();
}

void TestNetworkMonitor::verifyReply(const QDBusMessage &reply)
{
    QVERIFY2(reply.type() == QDBusMessage::ReplyMessage, qPrintable(reply.errorName() + u' ' + reply.errorMessage()));
}

void TestNetworkMonitor::setGlobalState(uint state)
{
    verifyReply(m_networkManager->callMock(kMockRootPath, QStringLiteral("SetGlobalConnectionState"), {state}));
}

void TestNetworkMonitor::setConnectivity(uint connectivity)
{
    verifyReply(m_networkManager->callMock(kMockRootPath, QStringLiteral("SetConnectivity"), {connectivity}));
}

void TestNetworkMonitor::setMetered(uint metered)
{
    QVariantMap properties{{QStringLiteral("Metered"), metered}};
    verifyReply(m_networkManager->callMock(kNetworkManagerPath, QStringLiteral("UpdateProperties"),
                                           {kNetworkManager, properties}));
}

void TestNetworkMonitor::moveTo(uint state, Reachability expected)
{
    setGlobalState(state);
    QTRY_COMPARE_WITH_TIMEOUT(m_monitor->reachability(), expected, kBusTimeoutMs);
}

void TestNetworkMonitor::settle()
{
    verifyReply(m_networkManager->call(kNetworkManagerPath, kProperties, QStringLiteral("Get"),
                                       {kNetworkManager, QStringLiteral("State")}));
    QCoreApplication::processEvents();
}

void TestNetworkMonitor::startsOnlineOnNetworkManager()
{
    QCOMPARE(m_monitor->backendName(), QStringLiteral("networkmanager"));
    QCOMPARE(m_monitor->reachability(), Reachability::Online);
    QCOMPARE(m_monitor->isBehindCaptivePortal(), false);
    QCOMPARE(m_monitor->isMetered(), false);
}

void TestNetworkMonitor::followsGlobalState_data()
{
    QTest::addColumn<uint>("state");
    QTest::addColumn<Reachability>("expected");

    QTest::newRow("asleep") << uint(NmStateAsleep) << Reachability::Unknown;
    QTest::newRow("disconnected") << uint(NmStateDisconnected) << Reachability::Offline;
    QTest::newRow("disconnecting") << uint(NmStateDisconnecting) << Reachability::Offline;
    QTest::newRow("connecting") << uint(NmStateConnecting) << Reachability::Unknown;
    QTest::newRow("connected, local only") << uint(NmStateConnectedLocal) << Reachability::LocalOnly;
    // Site reach (an intranet) is not the internet the mail servers are on.
    QTest::newRow("connected, site only") << uint(NmStateConnectedSite) << Reachability::LocalOnly;
    QTest::newRow("connected, global") << uint(NmStateConnectedGlobal) << Reachability::Online;
    QTest::newRow("unknown") << uint(NmStateUnknown) << Reachability::Unknown;
}

void TestNetworkMonitor::followsGlobalState()
{
    QFETCH(uint, state);
    QFETCH(Reachability, expected);

    // Start from a state that differs, so the row is a real change.
    if (expected == Reachability::Offline)
        moveTo(NmStateConnectedGlobal, Reachability::Online);
    else
        moveTo(NmStateDisconnected, Reachability::Offline);
    settle();

    QSignalSpy changed(m_monitor.get(), &NetworkMonitor::changed);
    setGlobalState(state);
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, kBusTimeoutMs);
    QCOMPARE(m_monitor->reachability(), expected);
    settle();
    QCOMPARE(changed.count(), 1);
}

void TestNetworkMonitor::sameStateAgainIsNoChange()
{
    moveTo(NmStateConnectedGlobal, Reachability::Online);
    settle();
    QSignalSpy changed(m_monitor.get(), &NetworkMonitor::changed);
    // NetworkManager repeating itself (the mock re-emits PropertiesChanged) is not news for the daemon.
    setGlobalState(NmStateConnectedGlobal);
    settle();
    QCOMPARE(changed.count(), 0);
    QCOMPARE(m_monitor->reachability(), Reachability::Online);
}

void TestNetworkMonitor::noticesCaptivePortal()
{
    moveTo(NmStateConnectedGlobal, Reachability::Online);
    settle();
    QSignalSpy changed(m_monitor.get(), &NetworkMonitor::changed);

    setConnectivity(NmConnectivityPortal);
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, kBusTimeoutMs);
    QCOMPARE(m_monitor->isBehindCaptivePortal(), true);

    setConnectivity(NmConnectivityFull);
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 2, kBusTimeoutMs);
    QCOMPARE(m_monitor->isBehindCaptivePortal(), false);
    settle();
    QCOMPARE(changed.count(), 2);
}

void TestNetworkMonitor::noticesMetered_data()
{
    QTest::addColumn<uint>("metered");
    QTest::addColumn<bool>("expected");

    // NetworkManager's advice: treat a guessed yes like a yes, everything else as not metered.
    QTest::newRow("yes") << uint(NmMeteredYes) << true;
    QTest::newRow("guessed yes") << uint(NmMeteredGuessYes) << true;
    QTest::newRow("guessed no") << uint(NmMeteredGuessNo) << false;
}

void TestNetworkMonitor::noticesMetered()
{
    QFETCH(uint, metered);
    QFETCH(bool, expected);

    // Start from the opposite answer.
    setMetered(expected ? NmMeteredNo : NmMeteredYes);
    QTRY_COMPARE_WITH_TIMEOUT(m_monitor->isMetered(), !expected, kBusTimeoutMs);
    settle();

    QSignalSpy changed(m_monitor.get(), &NetworkMonitor::changed);
    setMetered(metered);
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, kBusTimeoutMs);
    QCOMPARE(m_monitor->isMetered(), expected);
    settle();
    QCOMPARE(changed.count(), 1);
}

QTEST_GUILESS_MAIN(TestNetworkMonitor)
#include "tst_networkmonitor.moc"
