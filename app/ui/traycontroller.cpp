#include "ui/traycontroller.h"

#include "core/version.h"
#include "daemon/daemon.h"
#include "store/backgroundreader.h"
#include "ui/balloonnotifier.h"
#include "ui/signinagain.h"
#include "ui/statuswindow.h"

#ifdef Q_OS_LINUX
#include "platform/linux/freedesktopnotifier.h"
#endif

#include <QDesktopServices>
#include <QSystemTrayIcon>

namespace vaulttray {

TrayController::TrayController(Daemon &daemon, std::shared_ptr<SecretStore> secrets, Options options, QObject *parent)
    : QObject(parent), m_daemon(daemon), m_secrets(std::move(secrets)), m_options(std::move(options))
{
    if (!m_options.openBrowser)
        m_options.openBrowser = [](const QUrl &url) { return QDesktopServices::openUrl(url); };
    m_tray = std::make_unique<TrayIcon>(m_model, m_daemon.clock());
    m_balloon = std::make_unique<BalloonNotifier>(*m_tray->systemTrayIcon());
    m_desktopNotifier = createDesktopNotifier();
    m_notifier = m_desktopNotifier ? m_desktopNotifier.get() : static_cast<Notifier *>(m_balloon.get());
    connect(&m_daemon, &Daemon::archiveFailed, this,
            [this](const StoreError &error) { m_model.setArchiveFailed(error.message); });
    connect(m_tray.get(), &TrayIcon::quitRequested, this, &TrayController::quitRequested);
    connect(m_tray.get(), &TrayIcon::windowRequested, this, &TrayController::onWindowRequested);
}

TrayController::~TrayController()
{
    // Windows and dialogs first: they refer to the model, the reader and the notifier.
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
    m_tray->show();
}

void TrayController::attach()
{
    Scheduler *scheduler = m_daemon.scheduler();
    if (!scheduler || m_reader)
        return;
    m_reader = std::make_unique<BackgroundReader>(m_daemon.archivePath());
    m_model.follow(m_daemon, *m_reader);
    m_policy = std::make_unique<NotificationPolicy>(*m_notifier, m_options.notices);
    m_policy->follow(m_daemon, *m_reader);
    m_signIn = std::make_unique<SignInAgain>(*scheduler, m_secrets, m_daemon.clock(), m_options.openBrowser);
    m_tray->setWindowAvailable(TrayIcon::Window::Status, true);

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
}

void TrayController::bringForward()
{
    if (!openStatusWindow())
        m_tray->systemTrayIcon()->showMessage(tr("vaulttray"),
                                              tr("vaulttray is already running; its menu is in the system tray."));
}

StatusWindow *TrayController::openStatusWindow()
{
    if (!m_reader)
        return nullptr;
    if (!m_status)
        m_status = std::make_unique<StatusWindow>(m_model, *m_reader, m_daemon.clock());
    m_status->present();
    return m_status.get();
}

void TrayController::onWindowRequested(TrayIcon::Window window)
{
    if (window == TrayIcon::Window::Status)
        openStatusWindow();
}

} // namespace vaulttray
