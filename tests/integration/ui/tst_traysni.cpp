// The tray as KDE Plasma and GNOME (AppIndicator extension) show it: a StatusNotifierItem on the session bus, with
// its menu exported over com.canonical.dbusmenu. A StatusNotifierWatcher (sniwatcher.py) runs on the private session
// bus of xsession.sh before the tray is made, which is what makes Qt use its D-Bus tray instead of XEmbed; the test
// then is the panel: it finds the item through the watcher and reads and drives it over D-Bus only. The ui layer
// runs in this process against the real Daemon (archive, writer, scheduler) with a scripted provider and a fake
// clock; python-dbusmock's notification daemon stands for the desktop's notification server.
//
// The item's IconPixmap in each state goes to $VAULTTRAY_SCREENSHOTS as sni-STATE.png (a panel draws it; there is no
// window to take a screenshot of).
#include "daemon/daemon.h"
#include "fakes/fakeclock.h"
#include "fakes/scriptedprovider.h"
#include "integration/platform/dbustestbed.h"
#include "integration/platform/notificationmock.h"
#include "net/secrets/filesecretstore.h"
#include "snipanel.h"
#include "store/archivereader.h"
#include "ui/balloonnotifier.h"
#include "ui/signinagain.h"
#include "ui/traycontroller.h"
#include "ui/traytext.h"
#include "xdesktop.h"

#include <QApplication>
#include <QDBusObjectPath>
#include <QDBusVariant>
#include <QSettings>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QTest>

using namespace vaulttray;
using namespace vaulttray::test;

namespace {
// Real D-Bus round trips and process starts only.
constexpr int kIoTimeoutMs = 10000;
// The sizes Qt 6.4 renders an icon without fixed sizes (an SVG) at for IconPixmap.
constexpr int kSmallIcon = 22;
constexpr int kMediumIcon = 64;
// The urgency hint Qt puts on QSystemTrayIcon::showMessage's Notify (an int, not the byte of the specification).
constexpr int kQtCriticalUrgency = 2;
constexpr int kQtNormalUrgency = 1;

const QString kNeedsAttention = QStringLiteral("NeedsAttention");

// A hint's value, unwrapped from the D-Bus variant it may still be in.
QVariant hint(const NotifyCall &call, const QString &name)
{
    const QVariant value = call.hints.value(name);
    return value.canConvert<QDBusVariant>() ? value.value<QDBusVariant>().variant() : value;
}

QImage largest(const QList<QImage> &images)
{
    QImage best;
    for (const QImage &image : images) {
        if (image.width() > best.width())
            best = image;
    }
    return best;
}
} // namespace

class TestTraySni : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void itemRegistersWithTheWatcher();
    void iconAndToolTipFollowTheState();
    void activateSyncsNowOnce();
    void menuIsExportedAndActs();
    void signInAgainEntryOnlyWhenNeeded();
    void balloonGoesToTheNotificationServer();
    void itemComesBackAfterAPanelRestart();

private:
    Scheduler &scheduler() { return *m_daemon->scheduler(); }
    // Moves the fake clock to the account's due time and lets the scheduler's timer fire (every account due by then
    // starts).
    void runDue(qint64 account);
    void settle() { QCoreApplication::sendPostedEvents(); }
    QList<SyncRunRecord> runs(qint64 account);
    // The icon as the panel gets it now: its largest pixmap.
    QImage icon() { return largest(m_panel->iconPixmaps(m_item)); }
    // Waits until the tray shows `state` and the panel gets a picture other than `before`; keeps it as a PNG.
    QImage waitForIcon(TrayState state, const QImage &before);
    QStringList toolTipLines() { return m_panel->toolTip(m_item).title.split(QLatin1Char('\n')); }
    // The tool tip's line about `account` (it starts "NAME: "); empty when there is none.
    QString toolTipLine(const QString &account);
    int entryId(const QString &label);

    std::unique_ptr<NotificationMock> m_notices;
    std::unique_ptr<SniPanel> m_panel;

    QTemporaryDir m_dir;
    std::unique_ptr<FakeClock> m_clock;
    std::unique_ptr<ScriptedProvider> m_provider;
    std::shared_ptr<SecretStore> m_secrets;
    std::unique_ptr<Daemon> m_daemon;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<TrayController> m_tray;
    qint64 m_work = 0;
    qint64 m_home = 0;
    QString m_item; // "<bus name>/StatusNotifierItem", as the watcher lists it
};

void TestTraySni::initTestCase()
{
    QCoreApplication::setApplicationName(QStringLiteral("vaulttray"));
    QVERIFY2(qEnvironmentVariable("QT_QPA_PLATFORM") == QLatin1String("xcb"), "run me through xsession.sh");
    m_notices = std::make_unique<NotificationMock>();
    const QString noticesError = m_notices->start();
    QVERIFY2(noticesError.isEmpty(), qPrintable(noticesError));
    // The watcher first: Qt decides once per process, at the first tray question, between D-Bus and XEmbed.
    m_panel = std::make_unique<SniPanel>(QStringLiteral(VAULTTRAY_SNIWATCHER));
    const QString error = m_panel->startWatcher();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(QSystemTrayIcon::isSystemTrayAvailable());
}

void TestTraySni::init()
{
    m_clock = std::make_unique<FakeClock>();
    m_provider = std::make_unique<ScriptedProvider>();
    const QString folder = m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()));
    QVERIFY(QDir().mkpath(folder));
    m_secrets = std::make_shared<FileSecretStore>(folder, Consent::Given);
    m_settings = std::make_unique<QSettings>(folder + QStringLiteral("/settings.ini"), QSettings::IniFormat);
    Daemon::Dependencies deps;
    deps.clock = m_clock.get();
    deps.jobs = [this](const AccountRecord &a, ArchiveWriter &) { return m_provider->create(a); };
    deps.random = [] { return 0.5; };
    m_daemon = std::make_unique<Daemon>(folder + QStringLiteral("/archive.db"), deps);
    QVERIFY(!m_daemon->openArchive());
    const QByteArray imap =
        R"({"host":"imap.example.org","port":993,"security":"imaps","user":"ann","auth":"password"})";
    for (auto [name, id] : {std::pair{QStringLiteral("work"), &m_work}, std::pair{QStringLiteral("home"), &m_home}}) {
        QVERIFY(!m_daemon->writer()->addAccount(
            AccountRecord{0, name, QStringLiteral("imap"), QStringLiteral("ann"), imap, m_clock->now()}, id));
    }
    m_daemon->startScheduling();
    TrayController::Options options;
    options.settings = m_settings.get();
    options.openBrowser = [](const QUrl &) { return true; };
    m_tray = std::make_unique<TrayController>(*m_daemon, m_secrets, options);
    m_tray->show();
    m_tray->attach();
    // The panel learns of the item from the watcher, as Plasma's and GNOME's do.
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->registeredItems().size(), 1, kIoTimeoutMs);
    m_item = m_panel->registeredItems().first();
    m_notices->clearCalls();
}

void TestTraySni::cleanup()
{
    m_tray.reset();
    m_daemon.reset();
    // The item's bus name goes with the icon: the watcher drops it, and the panel with it.
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->registeredItems(), QStringList(), kIoTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->unregisteredSignals().contains(m_item), kIoTimeoutMs);
}

void TestTraySni::runDue(qint64 account)
{
    const QDateTime due = scheduler().status(account).nextDue;
    QVERIFY2(due.isValid(), "nothing is due");
    if (due > m_clock->now())
        m_clock->set(due);
    scheduler().onTimer();
    settle();
}

QList<SyncRunRecord> TestTraySni::runs(qint64 account)
{
    // The writer works its queue in order: an empty batch committed now returns after every batch before it.
    if (m_daemon->writer()->commit(WriteBatch{}).error)
        return {};
    ArchiveReader reader(m_daemon->archivePath());
    return reader.syncRuns(account, 1000);
}

QImage TestTraySni::waitForIcon(TrayState state, const QImage &before)
{
    QImage now;
    [&] { QTRY_COMPARE_WITH_TIMEOUT(m_tray->trayIcon().state(), state, kIoTimeoutMs); }();
    [&] { QTRY_VERIFY_WITH_TIMEOUT((now = icon(), !now.isNull() && now != before), kIoTimeoutMs); }();
    xdesktop::keep(now, QStringLiteral("sni-") + trayStateName(state));
    return now;
}

QString TestTraySni::toolTipLine(const QString &account)
{
    for (const QString &line : toolTipLines()) {
        if (line.startsWith(account + QStringLiteral(": ")))
            return line;
    }
    return {};
}

int TestTraySni::entryId(const QString &label)
{
    const MenuEntry *entry = findEntry(m_panel->menu(m_item), label);
    return entry ? entry->id : -1;
}

void TestTraySni::itemRegistersWithTheWatcher()
{
    QVERIFY2(m_item.startsWith(QLatin1Char(':')) && m_item.endsWith(QStringLiteral("/StatusNotifierItem")),
             qPrintable(m_item));
    QVERIFY(m_panel->registeredSignals().contains(m_item));
    // Nothing docked in the XEmbed tray next to it: the icon is the D-Bus one only.
    QVERIFY(!xdesktop::trayIcon().has_value());
    QCOMPARE(m_panel->property(m_item, QStringLiteral("Id")).toString(), QStringLiteral("vaulttray"));
    QCOMPARE(m_panel->property(m_item, QStringLiteral("Title")).toString(), QStringLiteral("vaulttray"));
    QCOMPARE(m_panel->property(m_item, QStringLiteral("Category")).toString(), QStringLiteral("ApplicationStatus"));
    QCOMPARE(m_panel->property(m_item, QStringLiteral("Status")).toString(), QStringLiteral("Active"));
    QCOMPARE(m_panel->property(m_item, QStringLiteral("ItemIsMenu")).toBool(), false);
    // A small and a medium picture: panels of 16–24 px and HiDPI panels both get one to scale from.
    const QList<QImage> pixmaps = m_panel->iconPixmaps(m_item);
    QList<int> widths;
    QStringList sizes;
    for (const QImage &p : pixmaps) {
        QVERIFY(!p.isNull());
        QCOMPARE(p.width(), p.height());
        widths << p.width();
        sizes << QString::number(p.width());
    }
    QVERIFY2(widths.contains(kSmallIcon) && widths.contains(kMediumIcon),
             qPrintable(QStringLiteral("sizes sent: ") + sizes.join(QLatin1Char(' '))));
    QVERIFY(xdesktop::colours(largest(pixmaps)) > 4);
}

void TestTraySni::iconAndToolTipFollowTheState()
{
    runDue(m_work); // both accounts are due at once
    QTRY_COMPARE_WITH_TIMEOUT(runs(m_work).size(), 1, kIoTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(runs(m_home).size(), 1, kIoTimeoutMs);
    QCOMPARE(m_tray->trayIcon().state(), TrayState::Idle);
    const QImage idle = icon();
    QVERIFY(xdesktop::colours(idle) > 4);
    xdesktop::keep(idle, QStringLiteral("sni-idle"));
    // The name, then one line per account, as the menu's status lines say it.
    QTRY_COMPARE_WITH_TIMEOUT(toolTipLines().size(), 3, kIoTimeoutMs);
    QCOMPARE(toolTipLines().at(0), QStringLiteral("vaulttray"));
    QTRY_VERIFY_WITH_TIMEOUT(
        toolTipLine(QStringLiteral("work")).startsWith(QStringLiteral("work: up to date · 0 message")), kIoTimeoutMs);
    QVERIFY(toolTipLine(QStringLiteral("home")).startsWith(QStringLiteral("home: up to date · 0 message")));

    // Syncing: only work is in flight; its line says so, home's does not. The panel is told (NewIcon, NewToolTip).
    const int newIcons = m_panel->signalCount(QStringLiteral("NewIcon"));
    const int newToolTips = m_panel->signalCount(QStringLiteral("NewToolTip"));
    m_provider->script(m_work, {std::nullopt});
    scheduler().syncNow();
    const QImage syncing = waitForIcon(TrayState::Syncing, idle);
    QTRY_COMPARE_WITH_TIMEOUT(toolTipLine(QStringLiteral("work")), QStringLiteral("work: archiving…"), kIoTimeoutMs);
    QVERIFY(toolTipLine(QStringLiteral("home")).startsWith(QStringLiteral("home: up to date")));
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->signalCount(QStringLiteral("NewIcon")) > newIcons, kIoTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->signalCount(QStringLiteral("NewToolTip")) > newToolTips, kIoTimeoutMs);
    // Up to date again: the same picture as before the sync.
    m_provider->running(m_work)->finishWith(Failure::none());
    QTRY_COMPARE_WITH_TIMEOUT(m_tray->trayIcon().state(), TrayState::Idle, kIoTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(icon(), idle, kIoTimeoutMs);

    scheduler().pauseUntil({});
    const QImage paused = waitForIcon(TrayState::Paused, syncing);
    QTRY_COMPARE_WITH_TIMEOUT(toolTipLines().at(1), QStringLiteral("Paused until you resume"), kIoTimeoutMs);
    scheduler().resume();
    QTRY_COMPARE_WITH_TIMEOUT(m_tray->trayIcon().state(), TrayState::Idle, kIoTimeoutMs);

    scheduler().setReachability(false, false, false);
    const QImage offline = waitForIcon(TrayState::Offline, paused);
    QTRY_COMPARE_WITH_TIMEOUT(toolTipLine(QStringLiteral("work")), QStringLiteral("work: waiting for the network"),
                              kIoTimeoutMs);
    scheduler().setReachability(true, false, false);

    m_provider->script(m_work, {Failure::of(FailureKind::CredentialRejected, QStringLiteral("AUTHENTICATIONFAILED"))});
    scheduler().syncNow();
    const QImage attention = waitForIcon(TrayState::Attention, offline);
    QTRY_COMPARE_WITH_TIMEOUT(toolTipLine(QStringLiteral("work")), QStringLiteral("work: needs you to sign in again"),
                              kIoTimeoutMs);
    QVERIFY(toolTipLine(QStringLiteral("home")).startsWith(QStringLiteral("home: up to date")));

    // Five different pictures, none of them blank.
    const QList<QImage> all{idle, syncing, paused, offline, attention};
    for (int i = 0; i < all.size(); ++i) {
        QVERIFY2(xdesktop::colours(all[i]) > 4, qPrintable(QStringLiteral("picture %1 is blank").arg(i)));
        for (int j = i + 1; j < all.size(); ++j)
            QVERIFY2(all[i] != all[j], qPrintable(QStringLiteral("pictures %1 and %2 are the same").arg(i).arg(j)));
    }
}

void TestTraySni::activateSyncsNowOnce()
{
    runDue(m_work); // both accounts are due at once
    QTRY_COMPARE_WITH_TIMEOUT(runs(m_work).size(), 1, kIoTimeoutMs);
    QVERIFY(scheduler().status(m_work).nextDue > m_clock->now()); // only an activation starts the next one

    m_provider->script(m_work, {std::nullopt}); // stays in flight until the test ends it
    m_provider->script(m_home, {std::nullopt});
    QSignalSpy activated(m_tray->trayIcon().systemTrayIcon(), &QSystemTrayIcon::activated);
    // A left click on the item in the panel.
    QDBusMessage reply = m_panel->callItem(m_item, QStringLiteral("Activate"), {0, 0});
    QVERIFY2(reply.type() == QDBusMessage::ReplyMessage, qPrintable(reply.errorMessage()));
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.at(0).at(0).value<QSystemTrayIcon::ActivationReason>(), QSystemTrayIcon::Trigger);
    QCOMPARE(m_provider->started(m_work), 2);
    QTRY_COMPARE_WITH_TIMEOUT(runs(m_work).size(), 2, kIoTimeoutMs);
    QCOMPARE(runs(m_work).first().status, QStringLiteral("running"));

    // A second click while it runs starts nothing.
    reply = m_panel->callItem(m_item, QStringLiteral("Activate"), {0, 0});
    QVERIFY2(reply.type() == QDBusMessage::ReplyMessage, qPrintable(reply.errorMessage()));
    QCOMPARE(activated.size(), 2);
    settle();
    QCOMPARE(m_provider->started(m_work), 2);
    // The right click (ContextMenu) is not a sync: the panel shows the exported menu instead.
    reply = m_panel->callItem(m_item, QStringLiteral("ContextMenu"), {0, 0});
    QVERIFY2(reply.type() == QDBusMessage::ReplyMessage, qPrintable(reply.errorMessage()));
    QCOMPARE(activated.size(), 3);
    QCOMPARE(m_provider->started(m_work), 2);

    m_provider->running(m_work)->finishWith(Failure::none());
    m_provider->running(m_home)->finishWith(Failure::none());
    QTRY_COMPARE_WITH_TIMEOUT(runs(m_work).first().status, QStringLiteral("ok"), kIoTimeoutMs);
    QCOMPARE(runs(m_work).size(), 2);
}

void TestTraySni::menuIsExportedAndActs()
{
    runDue(m_work); // both accounts are due at once
    QTRY_COMPARE_WITH_TIMEOUT(runs(m_home).size(), 1, kIoTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_tray->model().account(m_work)->messages, qint64(0), kIoTimeoutMs);
    QCOMPARE(m_panel->property(m_item, QStringLiteral("Menu")).value<QDBusObjectPath>().path(),
             QStringLiteral("/MenuBar"));
    QList<MenuEntry> menu = m_panel->menu(m_item);
    QStringList labels = visibleLabels(menu);
    QCOMPARE(labels.size(), 11);
    // The accounts' status lines first, by name.
    QVERIFY2(labels.at(0).startsWith(QStringLiteral("home: up to date · 0 message")), qPrintable(labels.at(0)));
    QVERIFY2(labels.at(1).startsWith(QStringLiteral("work: up to date · 0 message")), qPrintable(labels.at(1)));
    QCOMPARE(labels.mid(2),
             (QStringList{QStringLiteral("Sync now"), QStringLiteral("Pause for 1 hour"),
                          QStringLiteral("Pause until resumed"), QStringLiteral("Open archive…"),
                          QStringLiteral("Status…"), QStringLiteral("Accounts…"), QStringLiteral("Settings…"),
                          QStringLiteral("Import mail"), QStringLiteral("Quit")}));
    QVERIFY(!findEntry(menu, labels.at(0))->enabled); // status lines are text, not entries to pick
    QVERIFY(findEntry(menu, QStringLiteral("Accounts…"))->enabled);
    QVERIFY(findEntry(menu, QStringLiteral("Sync now"))->enabled);
    QCOMPARE(findEntry(menu, QStringLiteral("Import mail"))->children.size(), 2);

    // "Sync now" from the panel's menu: one run per account, in the archive.
    m_provider->script(m_work, {std::nullopt});
    QVERIFY(m_panel->click(m_item, entryId(QStringLiteral("Sync now"))));
    settle(); // Qt triggers the menu's action through a queued call
    QCOMPARE(m_provider->started(m_work), 2);
    QTRY_COMPARE_WITH_TIMEOUT(runs(m_work).size(), 2, kIoTimeoutMs);
    QCOMPARE(runs(m_work).first().status, QStringLiteral("running"));
    m_provider->running(m_work)->finishWith(Failure::none());
    QTRY_COMPARE_WITH_TIMEOUT(runs(m_work).first().status, QStringLiteral("ok"), kIoTimeoutMs);

    // "Pause for 1 hour": an hour on the scheduler's clock; the panel is told the layout changed, and shows Resume.
    const int updates = m_panel->signalCount(QStringLiteral("LayoutUpdated")) +
                        m_panel->signalCount(QStringLiteral("ItemsPropertiesUpdated"));
    QVERIFY(m_panel->click(m_item, entryId(QStringLiteral("Pause for 1 hour"))));
    settle();
    QVERIFY(scheduler().isPaused());
    QCOMPARE(scheduler().pausedUntil(), m_clock->now().addSecs(3600));
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->signalCount(QStringLiteral("LayoutUpdated")) +
                                     m_panel->signalCount(QStringLiteral("ItemsPropertiesUpdated")) >
                                 updates,
                             kIoTimeoutMs);
    menu = m_panel->menu(m_item);
    QVERIFY(findEntry(menu, QStringLiteral("Resume")));
    QVERIFY(!findEntry(menu, QStringLiteral("Pause for 1 hour")));
    const QString until = QStringLiteral("Paused until ") + traytext::when(scheduler().pausedUntil(), m_clock->now());
    QTRY_COMPARE_WITH_TIMEOUT(toolTipLines().at(1), until, kIoTimeoutMs);
    // Resume from the menu ends the pause.
    QVERIFY(m_panel->click(m_item, entryId(QStringLiteral("Resume"))));
    settle();
    QVERIFY(!scheduler().isPaused());
    QTRY_VERIFY_WITH_TIMEOUT(findEntry(m_panel->menu(m_item), QStringLiteral("Pause for 1 hour")), kIoTimeoutMs);

    // "Settings…" opens the settings window.
    QVERIFY(m_panel->click(m_item, entryId(QStringLiteral("Settings…"))));
    settle();
    QVERIFY(m_tray->settingsDialog() && m_tray->settingsDialog()->isVisible());
    // "Quit" asks the app to quit (main.cpp ends the event loop on it).
    QSignalSpy quit(m_tray.get(), &TrayController::quitRequested);
    QVERIFY(m_panel->click(m_item, entryId(QStringLiteral("Quit"))));
    settle();
    QCOMPARE(quit.size(), 1);
}

void TestTraySni::signInAgainEntryOnlyWhenNeeded()
{
    const QString entry = QStringLiteral("Sign in again to work…");
    QVERIFY(!findEntry(m_panel->menu(m_item), entry));
    const int layouts = m_panel->signalCount(QStringLiteral("LayoutUpdated"));
    QSignalSpy opened(m_tray->signInAgain(), &SignInAgain::dialogOpened);
    m_provider->script(m_work,
                       {Failure::of(FailureKind::CredentialRejected, QStringLiteral("[AUTHENTICATIONFAILED]"))});
    runDue(m_work); // both accounts are due at once
    // The panel is told to read the layout again (it caches it), and then finds the entry.
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->signalCount(QStringLiteral("LayoutUpdated")) > layouts, kIoTimeoutMs);
    QVERIFY(findEntry(m_panel->menu(m_item), entry));
    QVERIFY(!findEntry(m_panel->menu(m_item), QStringLiteral("Sign in again to home…")));
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, kIoTimeoutMs); // the rejection itself opens the dialog once
    SignInAgainDialog *dialog = m_tray->signInAgain()->dialog(m_work);
    QVERIFY(dialog);
    // Picking the entry brings that same dialog forward; a second one is never made.
    QVERIFY(m_panel->click(m_item, entryId(entry)));
    settle();
    QCOMPARE(m_tray->signInAgain()->dialog(m_work), dialog);
    QCOMPARE(opened.size(), 1);
}

// QSystemTrayIcon::showMessage — the balloon, which the tray falls back to where no notification server answered —
// is a desktop notification in StatusNotifierItem mode, and the item asks for attention meanwhile. A critical notice
// must reach the server as critical, with the default action, or a click on it does nothing.
void TestTraySni::balloonGoesToTheNotificationServer()
{
    BalloonNotifier balloon(m_tray->trayIcon().systemTrayIcon());
    QSignalSpy actions(&balloon, &Notifier::actionInvoked);
    balloon.show({QStringLiteral("signin:1"),
                  QStringLiteral("Sign in again to work"),
                  QStringLiteral("The server no longer accepts the password."),
                  Notifier::Urgency::Critical,
                  {},
                  QStringLiteral("signin")});
    QTRY_COMPARE_WITH_TIMEOUT(m_notices->notifies().size(), 1, kIoTimeoutMs);
    const NotifyCall notice = m_notices->notifies().first();
    QCOMPARE(notice.appName, QStringLiteral("vaulttray"));
    QCOMPARE(notice.summary, QStringLiteral("Sign in again to work"));
    QCOMPARE(notice.body, QStringLiteral("The server no longer accepts the password."));
    QCOMPARE(hint(notice, QStringLiteral("urgency")).toInt(), kQtCriticalUrgency);
    QVERIFY2(notice.actions.contains(QStringLiteral("default")), qPrintable(notice.actions.join(QLatin1Char(','))));
    // Meanwhile the item asks for attention and its tool tip is the notice.
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->property(m_item, QStringLiteral("Status")).toString(), kNeedsAttention,
                              kIoTimeoutMs);
    const SniToolTip tip = m_panel->toolTip(m_item);
    QCOMPARE(tip.title, QStringLiteral("Sign in again to work"));
    QCOMPARE(tip.subTitle, QStringLiteral("The server no longer accepts the password."));
    // A click on the notice is the notice's default action.
    QVERIFY(m_notices->invokeAction(notice.id, QStringLiteral("default")));
    QTRY_COMPARE_WITH_TIMEOUT(actions.size(), 1, kIoTimeoutMs);
    QCOMPARE(actions.at(0), (QVariantList{QStringLiteral("signin:1"), QStringLiteral("signin")}));

    // The control: a Warning balloon (what a critical notice once was) reaches the server as a normal notice
    // without the default action, which the checks above would have caught.
    m_notices->clearCalls();
    m_tray->trayIcon().systemTrayIcon()->showMessage(QStringLiteral("t"), QStringLiteral("b"),
                                                     QSystemTrayIcon::Warning);
    QTRY_COMPARE_WITH_TIMEOUT(m_notices->notifies().size(), 1, kIoTimeoutMs);
    QCOMPARE(hint(m_notices->notifies().first(), QStringLiteral("urgency")).toInt(), kQtNormalUrgency);
    QVERIFY(!m_notices->notifies().first().actions.contains(QStringLiteral("default")));
}

// A panel restart (plasmashell crashing, GNOME Shell reloading): the watcher leaves the bus and a new one comes.
// The item registers again by itself, under the same name, and shows the state of now.
void TestTraySni::itemComesBackAfterAPanelRestart()
{
    const int registrations = int(m_panel->registeredSignals().count(m_item));
    m_panel->stopWatcher();
    QCOMPARE(m_panel->registeredItems(), QStringList());
    scheduler().pauseUntil({}); // the state changes while no panel is there
    QTRY_COMPARE_WITH_TIMEOUT(m_tray->trayIcon().state(), TrayState::Paused, kIoTimeoutMs);

    const QString error = m_panel->startWatcher();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->registeredItems(), QStringList{m_item}, kIoTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(int(m_panel->registeredSignals().count(m_item)), registrations + 1, kIoTimeoutMs);
    QCOMPARE(toolTipLines().at(1), QStringLiteral("Paused until you resume"));
    xdesktop::keep(icon(), QStringLiteral("sni-after-panel-restart"));
    QVERIFY(findEntry(m_panel->menu(m_item), QStringLiteral("Resume")));
    // And it still acts: Resume from the new panel's menu.
    QVERIFY(m_panel->click(m_item, entryId(QStringLiteral("Resume"))));
    settle();
    QVERIFY(!scheduler().isPaused());
}

QTEST_MAIN(TestTraySni)
#include "tst_traysni.moc"
