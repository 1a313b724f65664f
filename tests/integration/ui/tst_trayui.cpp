// The tray as a person meets it, on a real X server with a real tray host (xsession.sh: Xvfb + trayer), with
// python-dbusmock's notification daemon on the private session bus and its logind on a private system bus. The
// ui layer runs in this process against the real Daemon (archive, writer, scheduler) with a scripted provider and
// a fake clock: the six-hour outage is reached by moving the clock, never by waiting. What the test waits for is
// real I/O only: X events, D-Bus round trips, the archive's writer thread.
//
// Screenshots of the icon in each state and of each window go to $VAULTTRAY_SCREENSHOTS.
#include "daemon/daemon.h"
#include "fakes/criticalcounter.h"
#include "fakes/fakeclock.h"
#include "fakes/scriptedprovider.h"
#include "integration/platform/dbustestbed.h"
#include "integration/platform/notificationmock.h"
#include "net/secrets/filesecretstore.h"
#include "platform/linux/logindsleepmonitor.h"
#include "platform/notifier.h"
#include "store/archivereader.h"
#include "ui/searchwindow.h"
#include "ui/settingsdialog.h"
#include "ui/signinagain.h"
#include "ui/signinagaindialog.h"
#include "ui/statuswindow.h"
#include "ui/traycontroller.h"
#include "ui/traytext.h"
#include "xdesktop.h"

#include <QApplication>
#include <QDBusConnection>
#include <QLineEdit>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace vaulttray;
using namespace vaulttray::test;
using namespace std::chrono_literals;

namespace {
// Real X events and D-Bus round trips only.
constexpr int kIoTimeoutMs = 10000;
constexpr int kFaults = 20;
// python-dbusmock's urgency bytes.
constexpr int kLow = 0;
constexpr int kCritical = 2;

const QString kLogind = QStringLiteral("org.freedesktop.login1");
const QString kLogindPath = QStringLiteral("/org/freedesktop/login1");
const QString kLogindManager = QStringLiteral("org.freedesktop.login1.Manager");
const QString kDialogTitle = QStringLiteral("Sign in again to work");

// The network faults of the incident log, each classified transient.
const QList<Failure> kNetworkFaults{
    Failure::of(FailureKind::NetworkTransient,
                QStringLiteral("Host imap.example.org not found (Temporary failure in name resolution)")),
    Failure::of(FailureKind::NetworkTransient, QStringLiteral("Connection refused")),
    Failure::of(FailureKind::NetworkTransient, QStringLiteral("Socket operation timed out")),
};
} // namespace

class TestTrayUi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void clickOnTheIconSyncsNowOnce();
    void iconShowsEachState();
    void menuFollowsTheState();
    void credentialRejectionAsksOnceAndTheNoticeOpensThatDialog();
    void twentyNetworkFaultsAroundWakesStayQuiet();
    void naiveAlertingWouldBeCaught();
    void doNotDisturbHoldsGentleNotices();
    void statusWindowShowsProgressAndRuns();
    void menuOpensTheArchiveAndTheSettings();

private:
    Scheduler &scheduler() { return *m_daemon->scheduler(); }
    // Moves the fake clock to the account's due time and lets the scheduler's timer fire.
    void runDue();
    void settle() { QCoreApplication::sendPostedEvents(); }
    void prepareForSleep(bool start);
    QList<SyncRunRecord> runs();
    int visibleDialogs() { return int(xdesktop::visibleWindows(kDialogTitle).size()); }
    QImage iconPicture();
    // Waits until the icon on screen shows `state` and differs from `before`; keeps the picture.
    QImage waitForIcon(TrayState state, const QImage &before);
    QAction *menuEntry(const QString &text);

    std::unique_ptr<CriticalCounter> m_criticals;
    std::unique_ptr<NotificationMock> m_notices;
    PrivateSystemBus m_systemBus;
    std::unique_ptr<DBusMock> m_logind;
    std::unique_ptr<LogindSleepMonitor> m_sleep;

    QTemporaryDir m_dir;
    std::unique_ptr<FakeClock> m_clock;
    std::unique_ptr<ScriptedProvider> m_provider;
    std::shared_ptr<SecretStore> m_secrets;
    std::unique_ptr<Daemon> m_daemon;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<TrayController> m_tray;
    QStringList m_browserOpened;
    qint64 m_account = 0;
};

void TestTrayUi::initTestCase()
{
    // The name the icon's window carries in the tray, as the app's does.
    QCoreApplication::setApplicationName(QStringLiteral("vaulttray"));
    // First: Qt's tray code connects to the system bus as soon as it is asked whether there is a tray.
    QVERIFY2(m_systemBus.start().isEmpty(), "private system bus");
    m_logind = std::make_unique<DBusMock>(kLogind, QStringLiteral("logind"));
    const QString logindError = m_logind->start();
    QVERIFY2(logindError.isEmpty(), qPrintable(logindError));
    m_sleep = std::make_unique<LogindSleepMonitor>(QDBusConnection::systemBus(), kMaxSleepDelay);
    QTRY_VERIFY_WITH_TIMEOUT(m_sleep->holdsSleepLock(), kIoTimeoutMs);

    m_criticals = std::make_unique<CriticalCounter>();
    QVERIFY2(qEnvironmentVariable("QT_QPA_PLATFORM") == QLatin1String("xcb"), "run me through xsession.sh");
    QVERIFY2(QSystemTrayIcon::isSystemTrayAvailable(), "trayer is the tray host");
    m_notices = std::make_unique<NotificationMock>();
    const QString error = m_notices->start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(m_notices->addInhibitedProperty(false));
}

void TestTrayUi::init()
{
    m_clock = std::make_unique<FakeClock>();
    m_provider = std::make_unique<ScriptedProvider>();
    const QString folder = m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()));
    QVERIFY(QDir().mkpath(folder));
    m_secrets = std::make_shared<FileSecretStore>(folder, Consent::Given);
    // The settings window writes here, never into the person's own settings.
    m_settings = std::make_unique<QSettings>(folder + QStringLiteral("/settings.ini"), QSettings::IniFormat);
    Daemon::Dependencies deps;
    deps.clock = m_clock.get();
    deps.jobs = [this](const AccountRecord &a, ArchiveWriter &) { return m_provider->create(a); };
    deps.random = [] { return 0.5; };
    deps.sleep = m_sleep.get();
    m_daemon = std::make_unique<Daemon>(folder + QStringLiteral("/archive.db"), deps);
    QVERIFY(!m_daemon->openArchive());
    const QByteArray imap =
        R"({"host":"imap.example.org","port":993,"security":"imaps","user":"ann","auth":"password"})";
    QVERIFY(!m_daemon->writer()->addAccount(
        AccountRecord{0, QStringLiteral("work"), QStringLiteral("imap"), QStringLiteral("ann"), imap, m_clock->now()},
        &m_account));
    m_daemon->startScheduling();
    TrayController::Options options;
    options.settings = m_settings.get();
    options.openBrowser = [this](const QUrl &url) {
        m_browserOpened << url.toString();
        return true;
    };
    m_tray = std::make_unique<TrayController>(*m_daemon, m_secrets, options);
    m_tray->show();
    m_tray->attach();
    QTRY_VERIFY_WITH_TIMEOUT(xdesktop::trayIcon().has_value(), kIoTimeoutMs);
    m_notices->clearCalls();
    m_criticals->reset();
}

void TestTrayUi::cleanup()
{
    m_tray.reset();
    m_daemon.reset();
    // Whatever a test did, nothing of it may stay on screen for the next.
    QTRY_COMPARE_WITH_TIMEOUT(xdesktop::trayIcon().has_value(), false, kIoTimeoutMs);
}

void TestTrayUi::runDue()
{
    const QDateTime due = scheduler().status(m_account).nextDue;
    QVERIFY2(due.isValid(), "nothing is due");
    if (due > m_clock->now())
        m_clock->set(due);
    scheduler().onTimer();
    settle();
}

void TestTrayUi::prepareForSleep(bool start)
{
    const QDBusMessage reply = m_logind->emitSignal(kLogindPath, kLogindManager, QStringLiteral("PrepareForSleep"),
                                                    QStringLiteral("b"), {start});
    QVERIFY2(reply.type() == QDBusMessage::ReplyMessage, qPrintable(reply.errorMessage()));
}

QList<SyncRunRecord> TestTrayUi::runs()
{
    // The writer works its queue in order: an empty batch committed now returns after every batch before it.
    if (m_daemon->writer()->commit(WriteBatch{}).error)
        return {};
    ArchiveReader reader(m_daemon->archivePath());
    return reader.syncRuns(m_account, 1000);
}

QImage TestTrayUi::iconPicture()
{
    const std::optional<xdesktop::XWindow> icon = xdesktop::trayIcon();
    return icon ? xdesktop::grab(icon->rect) : QImage();
}

QImage TestTrayUi::waitForIcon(TrayState state, const QImage &before)
{
    QImage now;
    [&] { QTRY_COMPARE_WITH_TIMEOUT(m_tray->trayIcon().state(), state, kIoTimeoutMs); }();
    // The tray host repaints on its own time: the new picture is there once it differs from the last.
    [&] { QTRY_VERIFY_WITH_TIMEOUT((now = iconPicture(), !now.isNull() && now != before), kIoTimeoutMs); }();
    const std::optional<xdesktop::XWindow> panel = xdesktop::trayPanel();
    if (panel)
        xdesktop::keep(xdesktop::grab(panel->rect), QStringLiteral("tray-") + trayStateName(state));
    return now;
}

QAction *TestTrayUi::menuEntry(const QString &text)
{
    for (QAction *a : m_tray->trayIcon().menu()->actions()) {
        if (a->text() == text)
            return a;
    }
    return nullptr;
}

void TestTrayUi::clickOnTheIconSyncsNowOnce()
{
    runDue(); // the first run, which succeeds
    QTRY_COMPARE_WITH_TIMEOUT(runs().size(), 1, kIoTimeoutMs);
    QCOMPARE(runs().first().status, QStringLiteral("ok"));
    QVERIFY(scheduler().status(m_account).nextDue > m_clock->now()); // the next is 15 min away: only a click starts one

    m_provider->script(m_account, {std::nullopt}); // the next run stays in flight until the test ends it
    QSignalSpy activated(m_tray->trayIcon().systemTrayIcon(), &QSystemTrayIcon::activated);
    const std::optional<xdesktop::XWindow> icon = xdesktop::trayIcon();
    QVERIFY(icon);
    QVERIFY(xdesktop::click(*icon));
    QTRY_COMPARE_WITH_TIMEOUT(activated.size(), 1, kIoTimeoutMs);
    QCOMPARE(m_provider->started(m_account), 2);
    // In the archive, not only in a signal: a second run is recorded, and running.
    QTRY_COMPARE_WITH_TIMEOUT(runs().size(), 2, kIoTimeoutMs);
    QCOMPARE(runs().first().status, QStringLiteral("running"));

    // A second click while it runs starts nothing.
    QVERIFY(xdesktop::click(*icon));
    QTRY_COMPARE_WITH_TIMEOUT(activated.size(), 2, kIoTimeoutMs);
    settle();
    QCOMPARE(m_provider->started(m_account), 2);

    m_provider->running(m_account)->finishWith(Failure::none());
    QTRY_COMPARE_WITH_TIMEOUT(runs().first().status, QStringLiteral("ok"), kIoTimeoutMs);
    QCOMPARE(runs().size(), 2);
}

void TestTrayUi::iconShowsEachState()
{
    QImage idle = iconPicture();
    runDue();
    QTRY_COMPARE_WITH_TIMEOUT(runs().size(), 1, kIoTimeoutMs);
    QCOMPARE(m_tray->trayIcon().state(), TrayState::Idle);
    QTRY_VERIFY_WITH_TIMEOUT((idle = iconPicture(), xdesktop::colours(idle) > 4), kIoTimeoutMs);
    if (const auto panel = xdesktop::trayPanel())
        xdesktop::keep(xdesktop::grab(panel->rect), QStringLiteral("tray-idle"));

    m_provider->script(m_account, {std::nullopt});
    scheduler().syncNow();
    const QImage syncing = waitForIcon(TrayState::Syncing, idle);
    m_provider->running(m_account)->finishWith(Failure::none());

    // The menu is what a person would use: its entry pauses.
    QAction *pause = menuEntry(QStringLiteral("Pause until resumed"));
    QVERIFY(pause);
    pause->trigger();
    const QImage paused = waitForIcon(TrayState::Paused, syncing);
    QAction *resume = menuEntry(QStringLiteral("Resume"));
    QVERIFY(resume && resume->isVisible());
    resume->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(m_tray->trayIcon().state(), TrayState::Idle, kIoTimeoutMs);

    scheduler().setReachability(false, false, false);
    const QImage offline = waitForIcon(TrayState::Offline, paused);
    scheduler().setReachability(true, false, false);

    m_provider->script(m_account,
                       {Failure::of(FailureKind::CredentialRejected, QStringLiteral("AUTHENTICATIONFAILED"))});
    scheduler().syncNow();
    const QImage attention = waitForIcon(TrayState::Attention, offline);

    // Five different pictures, none of them blank.
    const QList<QImage> all{idle, syncing, paused, offline, attention};
    for (int i = 0; i < all.size(); ++i) {
        QVERIFY2(xdesktop::colours(all[i]) > 4, qPrintable(QStringLiteral("picture %1 is blank").arg(i)));
        for (int j = i + 1; j < all.size(); ++j)
            QVERIFY2(all[i] != all[j], qPrintable(QStringLiteral("pictures %1 and %2 are the same").arg(i).arg(j)));
    }
}

void TestTrayUi::menuFollowsTheState()
{
    runDue();
    QTRY_COMPARE_WITH_TIMEOUT(runs().size(), 1, kIoTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_tray->model().account(m_account)->messages, qint64(0), kIoTimeoutMs);
    QMenu *menu = m_tray->trayIcon().menu();
    const std::optional<xdesktop::XWindow> icon = xdesktop::trayIcon();
    QVERIFY(icon);
    QVERIFY(xdesktop::click(*icon, 3)); // a right click opens the menu
    QTRY_VERIFY_WITH_TIMEOUT(menu->isVisible(), kIoTimeoutMs);
    QStringList texts;
    for (QAction *a : menu->actions()) {
        if (a->isVisible() && !a->isSeparator())
            texts << a->text();
    }
    QVERIFY2(texts.value(0).startsWith(QStringLiteral("work: up to date · 0 message")), qPrintable(texts.value(0)));
    QCOMPARE(texts.mid(1), (QStringList{QStringLiteral("Sync now"), QStringLiteral("Pause for 1 hour"),
                                        QStringLiteral("Pause until resumed"), QStringLiteral("Open archive…"),
                                        QStringLiteral("Status…"), QStringLiteral("Accounts…"),
                                        QStringLiteral("Settings…"), QStringLiteral("Import mail"),
                                        QStringLiteral("Quit")}));
    QVERIFY(menuEntry(QStringLiteral("Open archive…"))->isEnabled());
    QVERIFY(menuEntry(QStringLiteral("Status…"))->isEnabled());
    QVERIFY(menuEntry(QStringLiteral("Accounts…"))->isEnabled());
    // One picture of the menu and the icon, once the menu is drawn (its part below the panel has text in it).
    const QRect area = menu->geometry().united(icon->rect).adjusted(-8, 0, 8, 8);
    QRect belowPanel = menu->geometry().translated(-area.topLeft());
    belowPanel.setTop(std::max(belowPanel.top(), icon->rect.bottom() + 1 - area.top()));
    QImage picture;
    QTRY_VERIFY_WITH_TIMEOUT((picture = xdesktop::grab(area), xdesktop::colours(picture.copy(belowPanel)) > 4),
                             kIoTimeoutMs);
    xdesktop::keep(picture, QStringLiteral("tray-menu"));

    // Pause for an hour from the menu: an hour on the scheduler's clock, and the menu offers Resume instead.
    menuEntry(QStringLiteral("Pause for 1 hour"))->trigger();
    QVERIFY(scheduler().isPaused());
    QCOMPARE(scheduler().pausedUntil(), m_clock->now().addSecs(3600));
    QVERIFY(menuEntry(QStringLiteral("Resume"))->isVisible());
    QVERIFY(!menuEntry(QStringLiteral("Pause for 1 hour"))->isVisible());
    const QString tip = m_tray->trayIcon().systemTrayIcon()->toolTip();
    QVERIFY2(tip.contains(QStringLiteral("Paused until ") + traytext::when(scheduler().pausedUntil(), m_clock->now())),
             qPrintable(tip));
    // The hour runs out on the clock: the pause ends by itself.
    m_clock->advance(1h);
    scheduler().onTimer();
    settle();
    QVERIFY(!scheduler().isPaused());
    QTRY_VERIFY_WITH_TIMEOUT(menuEntry(QStringLiteral("Pause for 1 hour"))->isVisible(), kIoTimeoutMs);
    menu->hide();
}

void TestTrayUi::credentialRejectionAsksOnceAndTheNoticeOpensThatDialog()
{
    QSignalSpy opened(m_tray->signInAgain(), &SignInAgain::dialogOpened);
    m_provider->script(m_account,
                       {Failure::of(FailureKind::CredentialRejected, QStringLiteral("[AUTHENTICATIONFAILED]"))});
    runDue();
    QTRY_COMPARE_WITH_TIMEOUT(m_notices->notifies().size(), 1, kIoTimeoutMs);
    const NotifyCall notice = m_notices->notifies().first();
    QCOMPARE(notice.urgency, kCritical);
    QCOMPARE(notice.summary, QStringLiteral("Sign in again to work"));
    QVERIFY(notice.actions.contains(QStringLiteral("signin")));
    QTRY_COMPARE_WITH_TIMEOUT(visibleDialogs(), 1, kIoTimeoutMs);
    QCOMPARE(opened.size(), 1);
    SignInAgainDialog *dialog = m_tray->signInAgain()->dialog(m_account);
    QVERIFY(dialog);
    QVERIFY(menuEntry(QStringLiteral("Sign in again to work…")));
    QCOMPARE(m_tray->trayIcon().state(), TrayState::Attention);
    const QList<xdesktop::XWindow> shown = xdesktop::visibleWindows(kDialogTitle);
    QTRY_VERIFY_WITH_TIMEOUT(xdesktop::colours(xdesktop::grab(shown.first().rect)) > 4, kIoTimeoutMs);
    xdesktop::keep(xdesktop::grab(shown.first().rect), QStringLiteral("window-sign-in-again"));

    // The notice's "Sign in again" brings the same dialog forward; a second one is never made.
    QSignalSpy actions(&m_tray->notifier(), &Notifier::actionInvoked);
    QVERIFY(m_notices->invokeAction(notice.id, QStringLiteral("signin")));
    QTRY_COMPARE_WITH_TIMEOUT(actions.size(), 1, kIoTimeoutMs);
    QCOMPARE(m_tray->signInAgain()->dialog(m_account), dialog);
    QCOMPARE(opened.size(), 1);
    QCOMPARE(visibleDialogs(), 1);

    // Cancel: nothing changes. The account still needs a sign-in, the menu still offers it, the notice stays.
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_COMPARE_WITH_TIMEOUT(visibleDialogs(), 0, kIoTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!m_tray->signInAgain()->dialog(m_account), kIoTimeoutMs);
    QCOMPARE(scheduler().status(m_account).state, AccountState::NeedsSignIn);
    QVERIFY(menuEntry(QStringLiteral("Sign in again to work…")));
    QCOMPARE(m_notices->closed(), QList<uint>());

    // The notice's action after a cancel opens it again — one.
    QVERIFY(m_notices->invokeAction(notice.id, QStringLiteral("signin")));
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 2, kIoTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(visibleDialogs(), 1, kIoTimeoutMs);
    dialog = m_tray->signInAgain()->dialog(m_account);
    // And from the menu: the same dialog.
    menuEntry(QStringLiteral("Sign in again to work…"))->trigger();
    QCOMPARE(m_tray->signInAgain()->dialog(m_account), dialog);
    QCOMPARE(opened.size(), 2);

    // The new password goes to the secret store; the account syncs again; the notice and the menu entry go.
    auto *password = dialog->findChild<QLineEdit *>(QStringLiteral("password"));
    QVERIFY(password);
    QTest::keyClicks(password, QStringLiteral("n3w-secret"));
    auto *signIn = dialog->findChild<QPushButton *>(QStringLiteral("signIn"));
    QVERIFY(signIn);
    signIn->click();
    QTRY_COMPARE_WITH_TIMEOUT(scheduler().status(m_account).state, AccountState::Idle, kIoTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_notices->closed(), QList<uint>{notice.id}, kIoTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(visibleDialogs(), 0, kIoTimeoutMs);
    QVERIFY(!menuEntry(QStringLiteral("Sign in again to work…")));
    SecretJob *read = m_secrets->read(secretKey(QStringLiteral("work"), SecretKind::Password));
    QSignalSpy readDone(read, &SecretJob::finished);
    QVERIFY(readDone.wait(kIoTimeoutMs));
    QCOMPARE(readDone.at(0).at(0).value<SecretResult>().secret, QByteArray("n3w-secret"));
    // Exactly one critical notice in all of this, and nothing at error level but the rejection itself.
    QCOMPARE(m_notices->countWithUrgency(kCritical), 1);
    QCOMPARE(m_notices->notifies().size(), 1);
    QCOMPARE(m_criticals->count(), 1);
}

// Twenty network faults over more than six hours of outage, two of them right after a wake: no dialog, no critical
// notice, one gentle notice once the outage has lasted — never during a grace window — withdrawn when the account
// recovers. A second outage gets its own one notice.
void TestTrayUi::twentyNetworkFaultsAroundWakesStayQuiet()
{
    QList<std::optional<Failure>> script;
    for (int i = 0; i < kFaults; ++i)
        script << kNetworkFaults[i % kNetworkFaults.size()];
    m_provider->script(m_account, script);
    const QDateTime outageStart = m_clock->now();
    int gentleBefore = 0;
    int inGraceFaults = 0;
    for (int fault = 1; fault <= kFaults; ++fault) {
        if (fault == 7 || fault == 14) {
            prepareForSleep(true);
            QTRY_COMPARE_WITH_TIMEOUT(scheduler().status(m_account).waitReason, WaitReason::Asleep, kIoTimeoutMs);
            m_clock->advance(fault == 7 ? 3h : 2h);
            prepareForSleep(false);
            QTRY_VERIFY_WITH_TIMEOUT(scheduler().inGraceWindow(), kIoTimeoutMs);
        }
        const int started = m_provider->started(m_account);
        runDue();
        QCOMPARE(m_provider->started(m_account), started + 1);
        const bool grace = scheduler().inGraceWindow();
        inGraceFaults += grace ? 1 : 0;
        // A round trip to the server: every notice asked for so far has reached it.
        const int gentle = m_notices->countWithUrgency(kLow);
        if (grace)
            QCOMPARE(gentle, gentleBefore); // nothing during the grace window
        gentleBefore = gentle;
        QCOMPARE(m_notices->countWithUrgency(kCritical), 0);
        QVERIFY(!m_tray->signInAgain()->dialog(m_account));
    }
    QCOMPARE(inGraceFaults, 2);
    QVERIFY(outageStart.secsTo(m_clock->now()) > 6 * 3600);
    QTRY_COMPARE_WITH_TIMEOUT(m_notices->notifies().size(), 1, kIoTimeoutMs);
    const NotifyCall outage = m_notices->notifies().first();
    QCOMPARE(outage.urgency, kLow);
    QCOMPARE(outage.replacesId, 0u);
    QVERIFY(outage.actions.contains(QStringLiteral("syncnow")));
    QCOMPARE(visibleDialogs(), 0);
    QCOMPARE(m_criticals->count(), 0);
    const QImage during = waitForIcon(TrayState::Offline, QImage());

    // Recovery withdraws it.
    runDue();
    QCOMPARE(scheduler().status(m_account).state, AccountState::Idle);
    QTRY_COMPARE_WITH_TIMEOUT(m_notices->closed(), QList<uint>{outage.id}, kIoTimeoutMs);
    waitForIcon(TrayState::Idle, during);

    // A second outage, seven hours long: its own single notice, withdrawn again.
    m_provider->scriptForever(m_account, kNetworkFaults[0]);
    const QDateTime second = m_clock->now();
    while (second.secsTo(m_clock->now()) < 7 * 3600)
        runDue();
    m_provider->scriptForever(m_account, Failure::none());
    runDue();
    QTRY_COMPARE_WITH_TIMEOUT(m_notices->closed().size(), 2, kIoTimeoutMs);
    const QList<NotifyCall> all = m_notices->notifies();
    QCOMPARE(all.size(), 2);
    QCOMPARE(m_notices->countWithUrgency(kLow), 2);
    QCOMPARE(m_notices->closed(), (QList<uint>{all[0].id, all[1].id}));
    QCOMPARE(visibleDialogs(), 0);
    QCOMPARE(m_criticals->count(), 0);
}

// The control for the test above: a tray that alerts on every failure (the incident's behaviour) fails every check
// it makes — so those checks can see what they guard against.
void TestTrayUi::naiveAlertingWouldBeCaught()
{
    connect(&scheduler(), &Scheduler::syncFinished, m_tray.get(), [this](qint64 accountId, const Failure &result) {
        if (result.ok())
            return;
        m_tray->notifier().show({QStringLiteral("naive:%1").arg(m_provider->started(accountId)),
                                 QStringLiteral("Token may be expired"),
                                 result.detail,
                                 Notifier::Urgency::Critical,
                                 {},
                                 {}});
    });
    QList<std::optional<Failure>> script;
    for (int i = 0; i < kFaults; ++i)
        script << kNetworkFaults[i % kNetworkFaults.size()];
    m_provider->script(m_account, script);
    for (int fault = 1; fault <= kFaults; ++fault)
        runDue();
    QTRY_COMPARE_WITH_TIMEOUT(m_notices->countWithUrgency(kCritical), kFaults, kIoTimeoutMs);
}

// "Do not disturb" (the server's Inhibited property) holds the gentle notice until it ends; a critical one goes out.
void TestTrayUi::doNotDisturbHoldsGentleNotices()
{
    QVERIFY(m_notices->setInhibited(true));
    QTRY_VERIFY_WITH_TIMEOUT(m_tray->notifier().isInhibited(), kIoTimeoutMs);
    m_provider->scriptForever(m_account, kNetworkFaults[1]);
    const QDateTime start = m_clock->now();
    while (start.secsTo(m_clock->now()) < 7 * 3600)
        runDue();
    QVERIFY(scheduler().status(m_account).outageAnnounced);
    // A critical notice is the server's to hold or show: it is sent. A round trip, so the gentle one had its chance.
    m_tray->notifier().show(
        {QStringLiteral("barrier"), QStringLiteral("barrier"), {}, Notifier::Urgency::Critical, {}, {}});
    QTRY_COMPARE_WITH_TIMEOUT(m_notices->notifies().size(), 1, kIoTimeoutMs);
    QCOMPARE(m_notices->countWithUrgency(kLow), 0);
    QVERIFY(m_notices->setInhibited(false));
    QTRY_COMPARE_WITH_TIMEOUT(m_notices->countWithUrgency(kLow), 1, kIoTimeoutMs);
}

void TestTrayUi::statusWindowShowsProgressAndRuns()
{
    m_provider->script(m_account, {Failure::none(), kNetworkFaults[0], std::nullopt});
    runDue();
    runDue(); // the next is 15 min later; this one fails
    runDue(); // the retry, in flight
    QCOMPARE(scheduler().status(m_account).state, AccountState::Syncing);
    emit m_provider->running(m_account)->progressed(SyncProgress{40, 100});
    QCOMPARE(runs().size(), 3); // all three are in the archive before the window first reads it

    QAction *status = menuEntry(QStringLiteral("Status…"));
    QVERIFY(status && status->isEnabled());
    status->trigger();
    StatusWindow *window = m_tray->statusWindow();
    QVERIFY(window);
    const QString title = QStringLiteral("vaulttray — Status");
    QTRY_COMPARE_WITH_TIMEOUT(xdesktop::visibleWindows(title).size(), 1, kIoTimeoutMs);
    QProgressBar *bar = window->progressBar(m_account);
    QVERIFY(bar && bar->isVisible());
    QCOMPARE(bar->value(), 40);
    QCOMPARE(bar->maximum(), 100);
    QTreeWidget *tree = window->runs();
    QTRY_COMPARE_WITH_TIMEOUT(tree->topLevelItemCount(), 3, kIoTimeoutMs);
    QCOMPARE(tree->topLevelItem(0)->text(3), QStringLiteral("Running"));
    QCOMPARE(tree->topLevelItem(1)->text(3), QStringLiteral("Failed"));
    QVERIFY(!tree->topLevelItem(1)->text(4).isEmpty()); // the problem, in plain words
    QVERIFY(tree->topLevelItem(2)->text(3).startsWith(QStringLiteral("0 new message")));
    const xdesktop::XWindow shown = xdesktop::visibleWindows(title).first();
    QTRY_VERIFY_WITH_TIMEOUT(xdesktop::colours(xdesktop::grab(shown.rect)) > 4, kIoTimeoutMs);
    xdesktop::keep(xdesktop::grab(shown.rect), QStringLiteral("window-status"));

    // The run ends: once its end is in the archive, the window reads the runs again and the bar goes.
    m_provider->running(m_account)->finishWith(Failure::none());
    QTRY_VERIFY_WITH_TIMEOUT(tree->topLevelItem(0)->text(3).startsWith(QStringLiteral("0 new message")), kIoTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!bar->isVisible(), kIoTimeoutMs);
}

// The menu's other windows: the archive search and the settings, one each however often they are asked for.
void TestTrayUi::menuOpensTheArchiveAndTheSettings()
{
    for (int i = 0; i < 2; ++i)
        menuEntry(QStringLiteral("Open archive…"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(xdesktop::visibleWindows(QStringLiteral("vaulttray — Archive")).size(), 1, kIoTimeoutMs);
    QVERIFY(m_tray->searchWindow());
    for (int i = 0; i < 2; ++i)
        menuEntry(QStringLiteral("Settings…"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(xdesktop::visibleWindows(QStringLiteral("vaulttray — Settings")).size(), 1, kIoTimeoutMs);
    QVERIFY(m_tray->settingsDialog());
    for (int i = 0; i < 2; ++i)
        menuEntry(QStringLiteral("Accounts…"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(xdesktop::visibleWindows(QStringLiteral("vaulttray — Accounts")).size(), 1, kIoTimeoutMs);
    QVERIFY(m_tray->accountsDialog());
}

QTEST_MAIN(TestTrayUi)
#include "tst_trayui.moc"
