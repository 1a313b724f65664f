#include "ui/traycontroller.h"

#include "core/version.h"
#include "daemon/appsettings.h"
#include "daemon/commandservice.h"
#include "daemon/daemon.h"
#include "platform/autostart.h"
#include "ui/accountsdialog.h"
#include "ui/balloonnotifier.h"
#include "ui/importlauncher.h"
#include "ui/searchwindow.h"
#include "ui/settingsdialog.h"
#include "ui/signinagain.h"
#include "ui/statuswindow.h"

#ifdef Q_OS_LINUX
#include "platform/linux/freedesktopnotifier.h"
#endif

#include <QCoreApplication>
#include <QDesktopServices>
#include <QSettings>
#include <QSystemTrayIcon>

namespace vaulttray {

namespace {
void present(QWidget *window)
{
    window->show();
    window->raise();
    window->activateWindow();
}
} // namespace

TrayController::TrayController(Daemon &daemon, std::shared_ptr<SecretStore> secrets, Options options, QObject *parent)
    : QObject(parent), m_daemon(daemon), m_secrets(std::move(secrets)), m_options(std::move(options))
{
    if (!m_options.openBrowser)
        m_options.openBrowser = [](const QUrl &url) { return QDesktopServices::openUrl(url); };
    if (!m_options.settings) {
        m_ownSettings = std::make_unique<QSettings>();
        m_options.settings = m_ownSettings.get();
    }
    m_tray = std::make_unique<TrayIcon>(m_model, m_daemon.clock());
    m_balloon = std::make_unique<BalloonNotifier>();
    m_desktopNotifier = createDesktopNotifier();
    m_notifier = m_desktopNotifier ? m_desktopNotifier.get() : static_cast<Notifier *>(m_balloon.get());
    connect(&m_daemon, &Daemon::archiveFailed, this,
            [this](const StoreError &error) { m_model.setArchiveFailed(error.message); });
    connect(m_tray.get(), &TrayIcon::quitRequested, this, &TrayController::quitRequested);
    connect(m_tray.get(), &TrayIcon::windowRequested, this, &TrayController::onWindowRequested);

    // Importing runs `vaulttray import` as a process of its own; the person hears how it ended, once.
    m_import = std::make_unique<ImportLauncher>(QCoreApplication::applicationFilePath(), m_daemon.archivePath());
    connect(m_tray.get(), &TrayIcon::importRequested, this, [this](bool maildir) {
        if (m_import->isRunning()) {
            m_notifier->show({QStringLiteral("import"), tr("An import is running"),
                              tr("Wait until it has finished, then start the next one."), Notifier::Urgency::Low, {}, {}});
            return;
        }
        m_import->choose(maildir ? ImportLauncher::Format::Maildir : ImportLauncher::Format::Mbox);
    });
    connect(m_import.get(), &ImportLauncher::finished, this, [this](bool ok, const QString &text) {
        m_notifier->show({QStringLiteral("import"), ok ? tr("Import finished") : tr("Import stopped"), text,
                          ok ? Notifier::Urgency::Low : Notifier::Urgency::Normal, {}, {}});
    });
}

TrayController::~TrayController()
{
    // Windows and dialogs first: they refer to the scheduler, the model and the notifier.
    delete m_settingsDialog.data();
    delete m_accountsDialog.data();
    m_search.reset();
    m_status.reset();
    m_signIn.reset();
    m_policy.reset();
}

std::unique_ptr<Notifier> TrayController::createDesktopNotifier()
{
#ifdef Q_OS_LINUX
    return std::make_unique<FreedesktopNotifier>(QDBusConnection::sessionBus(), QString::fromLatin1(kAppName),
                                                 QString::fromLatin1(kAppId), m_balloon.get());
#else
    return nullptr;
#endif
}

void TrayController::show()
{
    if (m_trayHost)
        return;
    m_trayHost = createTrayHostWatcher(m_options.trayHostWaitLimit);
    connect(m_trayHost.get(), &TrayHostWatcher::available, this, &TrayController::onTrayHostAvailable);
    m_trayHost->start();
}

void TrayController::onTrayHostAvailable(TrayHostWatcher::Host host)
{
    m_tray->show();
    m_balloon->setIcon(m_tray->systemTrayIcon());
    emit iconMade(host);
}

void TrayController::attach()
{
    Scheduler *scheduler = m_daemon.scheduler();
    if (!scheduler || m_policy)
        return;
    m_model.follow(m_daemon);
    m_policy = std::make_unique<NotificationPolicy>(*m_notifier, m_options.notices);
    m_policy->follow(m_daemon);
    m_signIn = std::make_unique<SignInAgain>(*scheduler, m_secrets, m_daemon.clock(), m_options.openBrowser);
    for (TrayIcon::Window w : {TrayIcon::Window::Search, TrayIcon::Window::Status, TrayIcon::Window::Accounts,
                               TrayIcon::Window::Settings})
        m_tray->setWindowAvailable(w, true);

    // A rejected credential opens the dialog once; the notice's action and the menu raise that same dialog.
    connect(scheduler, &Scheduler::signInRequired, m_signIn.get(), &SignInAgain::open);
    connect(m_policy.get(), &NotificationPolicy::signInRequested, m_signIn.get(), &SignInAgain::open);
    connect(m_tray.get(), &TrayIcon::signInRequested, m_signIn.get(), &SignInAgain::open);

    auto syncNow = [scheduler] { scheduler->syncNow(); };
    connect(m_tray.get(), &TrayIcon::syncNowRequested, scheduler, syncNow);
    connect(m_policy.get(), &NotificationPolicy::syncNowRequested, scheduler, syncNow);
    connect(m_policy.get(), &NotificationPolicy::detailsRequested, this, &TrayController::openStatusWindow);
    connect(m_tray.get(), &TrayIcon::pauseForRequested, scheduler,
            [this, scheduler](int seconds) { scheduler->pauseUntil(m_daemon.clock().now().addSecs(seconds)); });
    connect(m_tray.get(), &TrayIcon::pauseUntilResumedRequested, scheduler, [scheduler] { scheduler->pauseUntil({}); });
    connect(m_tray.get(), &TrayIcon::resumeRequested, scheduler, &Scheduler::resume);
    // The status window's runs: read again once a run's end is in the archive, not merely announced.
    connect(&m_daemon, &Daemon::runRecorded, this, [this] {
        if (m_status)
            m_status->reloadRuns();
    });
}

void TrayController::bringForward()
{
    if (!openStatusWindow() && m_tray->systemTrayIcon())
        m_tray->systemTrayIcon()->showMessage(tr("vaulttray"),
                                              tr("vaulttray is already running; its menu is in the system tray."));
}

StatusWindow *TrayController::openStatusWindow()
{
    Scheduler *scheduler = m_daemon.scheduler();
    if (!scheduler)
        return nullptr;
    if (!m_status)
        m_status = std::make_unique<StatusWindow>(*scheduler, m_daemon.archivePath());
    present(m_status.get());
    return m_status.get();
}

SearchWindow *TrayController::openSearchWindow()
{
    if (!m_daemon.scheduler())
        return nullptr;
    if (!m_search)
        m_search = std::make_unique<SearchWindow>(m_daemon.archivePath());
    present(m_search.get());
    return m_search.get();
}

SettingsDialog *TrayController::openSettings()
{
    Scheduler *scheduler = m_daemon.scheduler();
    if (!scheduler)
        return nullptr;
    if (!m_settingsDialog) {
        if (!m_autostart)
            m_autostart = createAutostart(QCoreApplication::applicationFilePath());
        m_settingsDialog = new SettingsDialog(*m_options.settings, *m_autostart, scheduler, m_daemon.archivePath());
        m_settingsDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_settingsDialog, &SettingsDialog::settingsApplied, this, [this](const AppSettings &applied) {
            m_options.notices.summaryAfterSync = applied.summaryAfterSync;
            if (m_policy)
                m_policy->setOptions(m_options.notices);
        });
    }
    present(m_settingsDialog);
    return m_settingsDialog;
}

AccountsDialog *TrayController::openAccounts()
{
    Scheduler *scheduler = m_daemon.scheduler();
    if (!scheduler)
        return nullptr;
    if (!m_accountsDialog) {
        if (!m_service)
            m_service = std::make_unique<CommandService>(m_daemon);
        m_accountsDialog =
            new AccountsDialog({m_service.get(), m_secrets, scheduler, &m_daemon.clock(), m_options.openBrowser});
        m_accountsDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    present(m_accountsDialog);
    return m_accountsDialog;
}

void TrayController::onWindowRequested(TrayIcon::Window window)
{
    switch (window) {
    case TrayIcon::Window::Status:
        openStatusWindow();
        return;
    case TrayIcon::Window::Search:
        openSearchWindow();
        return;
    case TrayIcon::Window::Settings:
        openSettings();
        return;
    case TrayIcon::Window::Accounts:
        openAccounts();
        return;
    }
}

} // namespace vaulttray
