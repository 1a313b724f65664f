// The tray icon waits for a tray host. Qt 6.4 picks its D-Bus tray (StatusNotifierItem) or XEmbed once per process,
// at the first tray question; an icon made before the panel's StatusNotifierWatcher is up would be XEmbed for good.
// Each function here is one desktop at start-up and runs in a process (and an xsession.sh desktop) of its own, as
// tests/CMakeLists.txt registers them: with XSESSION_TRAYER=no there is no X11 tray manager. The panel is sniwatcher.py
// (SniPanel), started before or after the tray; the ui layer runs against the real Daemon with a scripted provider.
#include "daemon/daemon.h"
#include "fakes/fakeclock.h"
#include "fakes/scriptedprovider.h"
#include "integration/platform/notificationmock.h"
#include "net/secrets/filesecretstore.h"
#include "snipanel.h"
#include "ui/balloonnotifier.h"
#include "ui/traycontroller.h"
#include "xdesktop.h"

#include <QApplication>
#include <QDBusConnectionInterface>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QTest>

using namespace vaulttray;
using namespace vaulttray::test;

using Host = TrayHostWatcher::Host;

namespace {
// Real D-Bus round trips, process starts and X11 events only.
constexpr int kIoTimeoutMs = 10000;
// The time limit of makesTheIconAtTheLimit: short, so that the test does not wait a minute for it.
constexpr std::chrono::milliseconds kShortLimit{300};
// An item that is not registered can only be watched for a while: much longer than a registration takes
// (waitsForALateWatcher sees it within milliseconds of the watcher's start).
constexpr int kNoRegistrationWindowMs = 1500;

const QString kWatcherService = QStringLiteral("org.kde.StatusNotifierWatcher");
} // namespace

class TestTrayHost : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    // XSESSION_TRAYER=no
    void waitsForALateWatcher();
    void withoutWaitingALateWatcherIsNeverUsed(); // the control: the race the waiting avoids
    void registersAtOnceWithAWatcher();
    void makesTheIconAtTheLimit();
    void docksIntoALateXEmbedTray();
    // trayer running
    void docksAtOnceIntoAnXEmbedTray();

private:
    // The tray as main() makes it, waiting for a host at most `limit`.
    void makeTray(std::chrono::milliseconds limit);
    void startWatcher();
    // Whether this process's session bus connection has seen the watcher's name (the tray's view of the bus).
    static bool watcherSeen()
    {
        return QDBusConnection::sessionBus().interface()->isServiceRegistered(kWatcherService).value();
    }

    std::unique_ptr<NotificationMock> m_notices;
    std::unique_ptr<SniPanel> m_panel;
    QTemporaryDir m_dir;
    std::unique_ptr<FakeClock> m_clock;
    std::unique_ptr<ScriptedProvider> m_provider;
    std::unique_ptr<Daemon> m_daemon;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<TrayController> m_tray;
    std::unique_ptr<QSignalSpy> m_made;
    QProcess m_trayer; // a tray host started by the test
    qint64 m_account = 0;
};

void TestTrayHost::initTestCase()
{
    QCoreApplication::setApplicationName(QStringLiteral("vaulttray"));
    QVERIFY2(qEnvironmentVariable("QT_QPA_PLATFORM") == QLatin1String("xcb"), "run me through xsession.sh");
    m_notices = std::make_unique<NotificationMock>();
    const QString noticesError = m_notices->start();
    QVERIFY2(noticesError.isEmpty(), qPrintable(noticesError));
    m_panel = std::make_unique<SniPanel>(QStringLiteral(VAULTTRAY_SNIWATCHER));
    // Nothing here may ask Qt about the tray: that would fix its choice before the test does.
}

void TestTrayHost::init()
{
    m_clock = std::make_unique<FakeClock>();
    m_provider = std::make_unique<ScriptedProvider>();
    const QString folder = m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()));
    QVERIFY(QDir().mkpath(folder));
    m_settings = std::make_unique<QSettings>(folder + QStringLiteral("/settings.ini"), QSettings::IniFormat);
    Daemon::Dependencies deps;
    deps.clock = m_clock.get();
    deps.jobs = [this](const AccountRecord &a, ArchiveWriter &) { return m_provider->create(a); };
    deps.random = [] { return 0.5; };
    m_daemon = std::make_unique<Daemon>(folder + QStringLiteral("/archive.db"), deps);
    const QByteArray imap =
        R"({"host":"imap.example.org","port":993,"security":"imaps","user":"ann","auth":"password"})";
    QVERIFY(!m_daemon->openArchive());
    QVERIFY(!m_daemon->writer()->addAccount(
        AccountRecord{0, QStringLiteral("work"), QStringLiteral("imap"), QStringLiteral("ann"), imap, m_clock->now()},
        &m_account));
}

void TestTrayHost::cleanup()
{
    m_made.reset();
    m_tray.reset();
    m_daemon.reset();
    m_panel->stopWatcher();
    if (m_trayer.state() != QProcess::NotRunning) {
        m_trayer.kill();
        m_trayer.waitForFinished(kIoTimeoutMs);
    }
}

void TestTrayHost::makeTray(std::chrono::milliseconds limit)
{
    TrayController::Options options;
    options.settings = m_settings.get();
    options.openBrowser = [](const QUrl &) { return true; };
    options.trayHostWaitLimit = limit;
    m_tray = std::make_unique<TrayController>(*m_daemon,
                                              std::make_shared<FileSecretStore>(m_dir.path(), Consent::Given), options);
    m_made = std::make_unique<QSignalSpy>(m_tray.get(), &TrayController::iconMade);
    // main()'s order: the icon is asked for before the scheduler starts, and the daemon runs whatever the tray does.
    m_tray->show();
    m_daemon->startScheduling();
    m_tray->attach();
}

void TestTrayHost::startWatcher()
{
    const QString error = m_panel->startWatcher();
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestTrayHost::waitsForALateWatcher()
{
    makeTray(kTrayHostWaitLimit);
    QVERIFY(!m_tray->iconShown());
    QCOMPARE(m_made->size(), 0);

    // Notices do not need the icon: they go to the notification server meanwhile.
    m_tray->notifier().show({QStringLiteral("test"),
                             QStringLiteral("Before the icon"),
                             QStringLiteral("body"),
                             Notifier::Urgency::Normal,
                             {},
                             {}});
    QTRY_COMPARE_WITH_TIMEOUT(m_notices->notifies().size(), 1, kIoTimeoutMs);
    QCOMPARE(m_notices->notifies().first().summary, QStringLiteral("Before the icon"));
    // The balloon (the fallback where no server answers) keeps its notice until there is an icon to show it from.
    BalloonNotifier balloon;
    balloon.show(
        {QStringLiteral("test"), QStringLiteral("Balloon"), QStringLiteral("body"), Notifier::Urgency::Normal, {}, {}});

    // The panel comes up: the icon is made now, and Qt chooses its D-Bus tray.
    startWatcher();
    QVERIFY(m_made->wait(kIoTimeoutMs));
    QCOMPARE(m_made->first().first().value<Host>(), Host::StatusNotifier);
    QVERIFY(m_tray->iconShown());
    QVERIFY(QSystemTrayIcon::isSystemTrayAvailable()); // there is no X11 tray: only the D-Bus one answers yes
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->registeredItems().size(), 1, kIoTimeoutMs);
    const QString item = m_panel->registeredItems().first();

    // A click on the item in the panel syncs.
    const int before = m_provider->started(m_account);
    const QDBusMessage reply = m_panel->callItem(item, QStringLiteral("Activate"), {0, 0});
    QVERIFY2(reply.type() == QDBusMessage::ReplyMessage, qPrintable(reply.errorMessage()));
    QTRY_COMPARE_WITH_TIMEOUT(m_provider->started(m_account), before + 1, kIoTimeoutMs);

    // The balloon that waited is shown once it has the icon (as a Notify, in D-Bus tray mode).
    QCOMPARE(m_notices->notifies().size(), 1);
    balloon.setIcon(m_tray->trayIcon().systemTrayIcon());
    QTRY_COMPARE_WITH_TIMEOUT(m_notices->notifies().size(), 2, kIoTimeoutMs);
    QCOMPARE(m_notices->notifies().last().summary, QStringLiteral("Balloon"));
}

void TestTrayHost::withoutWaitingALateWatcherIsNeverUsed()
{
    makeTray(std::chrono::milliseconds::zero());
    QVERIFY(m_tray->iconShown());
    QCOMPARE(m_made->size(), 1);
    QCOMPARE(m_made->first().first().value<Host>(), Host::Unknown);

    startWatcher();
    QTRY_VERIFY_WITH_TIMEOUT(watcherSeen(), kIoTimeoutMs);
    // Qt chose XEmbed when the icon was made, and keeps to it: a host is on the bus, yet there is no tray for Qt.
    QVERIFY(!QSystemTrayIcon::isSystemTrayAvailable());
    QTest::qWait(kNoRegistrationWindowMs);
    QCOMPARE(m_panel->registeredItems(), QStringList());
}

void TestTrayHost::registersAtOnceWithAWatcher()
{
    startWatcher();
    makeTray(kTrayHostWaitLimit);
    // From inside show(): no waiting where the host is there.
    QVERIFY(m_tray->iconShown());
    QCOMPARE(m_made->size(), 1);
    QCOMPARE(m_made->first().first().value<Host>(), Host::StatusNotifier);
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->registeredItems().size(), 1, kIoTimeoutMs);
}

void TestTrayHost::makesTheIconAtTheLimit()
{
    makeTray(kShortLimit);
    QVERIFY(!m_tray->iconShown());
    QVERIFY(m_made->wait(kIoTimeoutMs));
    QCOMPARE(m_made->first().first().value<Host>(), Host::Unknown);
    QVERIFY(m_tray->iconShown());
    // Whatever Qt gives without a host: XEmbed, with nothing to dock into yet.
    QVERIFY(!QSystemTrayIcon::isSystemTrayAvailable());
}

void TestTrayHost::docksIntoALateXEmbedTray()
{
    makeTray(kTrayHostWaitLimit);
    QVERIFY(!m_tray->iconShown());

    // An XEmbed-only desktop whose panel comes up after the app (XFCE without the StatusNotifier plugin, trayer).
    m_trayer.start(QStringLiteral("trayer"),
                   {QStringLiteral("--edge"), QStringLiteral("top"), QStringLiteral("--align"), QStringLiteral("right"),
                    QStringLiteral("--SetDockType"), QStringLiteral("true")});
    QVERIFY2(m_trayer.waitForStarted(kIoTimeoutMs), qPrintable(m_trayer.errorString()));
    QVERIFY(m_made->wait(kIoTimeoutMs));
    QCOMPARE(m_made->first().first().value<Host>(), Host::XEmbed);
    QTRY_VERIFY_WITH_TIMEOUT(xdesktop::trayIcon().has_value(), kIoTimeoutMs);
    QVERIFY(QSystemTrayIcon::isSystemTrayAvailable());
}

void TestTrayHost::docksAtOnceIntoAnXEmbedTray()
{
    makeTray(kTrayHostWaitLimit);
    QVERIFY(m_tray->iconShown());
    QCOMPARE(m_made->size(), 1);
    QCOMPARE(m_made->first().first().value<Host>(), Host::XEmbed);
    QTRY_VERIFY_WITH_TIMEOUT(xdesktop::trayIcon().has_value(), kIoTimeoutMs);
    QVERIFY(QSystemTrayIcon::isSystemTrayAvailable());
}

QTEST_MAIN(TestTrayHost)
#include "tst_trayhost.moc"
