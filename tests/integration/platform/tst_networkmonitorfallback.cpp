// QtNetworkMonitor when NetworkManager is not on the system bus. QNetworkInformation's backend is chosen once per
// process, so this file is built twice (see CMakeLists.txt) and VAULTTRAY_TEST_EXPECTED_BACKEND says which case
// this process is:
//   glib  the default backend fails without NetworkManager, so the monitor falls back to GLib's monitor;
//   none  no backend plugin can be found at all: "assume online, rely on errors".
#include "dbustestbed.h"
#include "platform/qtnetworkmonitor.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QNetworkInformation>
#include <QTemporaryDir>
#include <QTest>

using namespace vaulttray;
using namespace vaulttray::test;

using Reachability = NetworkMonitor::Reachability;

class TestNetworkMonitorFallback : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void fallsBack();

private:
    PrivateSystemBus m_bus;
    QString m_expectedBackend;
};

void TestNetworkMonitorFallback::initTestCase()
{
    m_expectedBackend = qEnvironmentVariable("VAULTTRAY_TEST_EXPECTED_BACKEND");
    QVERIFY2(m_expectedBackend == u"glib" || m_expectedBackend == u"none",
             "set VAULTTRAY_TEST_EXPECTED_BACKEND to glib or none");
    // A private system bus without NetworkManager, whatever the machine running the test has.
    const QString error = m_bus.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!QDBusConnection::systemBus().interface()->isServiceRegistered(
        QStringLiteral("org.freedesktop.NetworkManager")));
}

void TestNetworkMonitorFallback::fallsBack()
{
    QTemporaryDir noPlugins;
    if (m_expectedBackend == u"none") {
        // Qt looks for backend plugins only under the library paths: an empty one hides them all.
        QVERIFY(noPlugins.isValid());
        QCoreApplication::setLibraryPaths({noPlugins.path()});
    }

    QtNetworkMonitor monitor;
    QCOMPARE(monitor.backendName(), m_expectedBackend);
    if (m_expectedBackend == u"none") {
        QCOMPARE(QNetworkInformation::instance(), nullptr);
        QCOMPARE(monitor.reachability(), Reachability::Unknown);
    } else {
        // GLib reads the host's own links and routes, so any answer but Unknown is right here.
        QVERIFY2(monitor.reachability() != Reachability::Unknown, "GLib always has an answer");
    }
    QCOMPARE(monitor.isBehindCaptivePortal(), false);
    QCOMPARE(monitor.isMetered(), false);

    // A second monitor shares the loaded backend instead of failing to load another.
    QtNetworkMonitor second;
    QCOMPARE(second.backendName(), m_expectedBackend);
    QCOMPARE(second.reachability(), monitor.reachability());
}

QTEST_GUILESS_MAIN(TestNetworkMonitorFallback)
#include "tst_networkmonitorfallback.moc"
