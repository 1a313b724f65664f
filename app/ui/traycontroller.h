#pragma once

#include "net/oauth/authorizationcodeflow.h"
#include "platform/trayhostwatcher.h"
#include "ui/accountsdialog.h"
#include "ui/notificationpolicy.h"
#include "ui/settingsdialog.h"
#include "ui/trayicon.h"
#include "ui/traymodel.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QSettings;

namespace vaulttray {

class CommandService;
class ImportLauncher;

class Autostart;
class BalloonNotifier;
class Daemon;
class Notifier;
class SearchWindow;
class SecretStore;
class SignInAgain;
class StatusWindow;

// The ui layer put together for a daemon: the tray icon and its menu, the notices (the desktop's notification
// server where there is one, the tray's balloon otherwise) and the policy that decides them, the sign-in-again
// dialogs, and the windows the menu opens (archive search, status, settings). It renders what the daemon announces
// and turns the person's intents into calls on the scheduler; the archive is read only on worker threads.
class TrayController : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        NotificationPolicy::Options notices;
        // How the Google sign-in opens the browser (the desktop's URL handler unless a test says otherwise).
        AuthorizationCodeFlow::BrowserOpener openBrowser;
        // Where the settings window keeps the person's choices; the app's own QSettings when null.
        QSettings *settings = nullptr;
        // How long the icon waits for a tray host (see TrayHostWatcher); zero makes it at once.
        std::chrono::milliseconds trayHostWaitLimit = kTrayHostWaitLimit;
    };

    TrayController(Daemon &daemon, std::shared_ptr<SecretStore> secrets, Options options, QObject *parent = nullptr);
    ~TrayController() override;

    // Puts the icon in the tray as soon as there is a tray host (at once where there is one: call it before the
    // archive is opened). Until then the daemon runs without an icon and notices go to the notification server.
    void show();
    // Follows the daemon, after Daemon::startScheduling().
    void attach();
    // A second launch: the status window comes forward.
    void bringForward();

    TrayModel &model() { return m_model; }
    TrayIcon &trayIcon() { return *m_tray; }
    // Whether the QSystemTrayIcon has been made (a tray host was found, or the wait ended).
    bool iconShown() const { return m_tray->systemTrayIcon() != nullptr; }
    Notifier &notifier() { return *m_notifier; }
    SignInAgain *signInAgain() const { return m_signIn.get(); }
    StatusWindow *statusWindow() const { return m_status.get(); }
    SearchWindow *searchWindow() const { return m_search.get(); }
    SettingsDialog *settingsDialog() const { return m_settingsDialog; }
    AccountsDialog *accountsDialog() const { return m_accountsDialog; }
    ImportLauncher &importLauncher() { return *m_import; }
    // Opens (making it the first time) and returns a window; null before attach().
    StatusWindow *openStatusWindow();
    SearchWindow *openSearchWindow();
    SettingsDialog *openSettings();
    AccountsDialog *openAccounts();

signals:
    void quitRequested();
    // The icon was made, for `host`.
    void iconMade(vaulttray::TrayHostWatcher::Host host);

private:
    void onTrayHostAvailable(TrayHostWatcher::Host host);
    void onWindowRequested(TrayIcon::Window window);
    std::unique_ptr<Notifier> createDesktopNotifier();

    Daemon &m_daemon;
    std::shared_ptr<SecretStore> m_secrets;
    Options m_options;
    std::unique_ptr<QSettings> m_ownSettings;
    std::unique_ptr<Autostart> m_autostart;
    TrayModel m_model;
    std::unique_ptr<TrayIcon> m_tray;
    std::unique_ptr<TrayHostWatcher> m_trayHost;
    std::unique_ptr<ImportLauncher> m_import;
    std::unique_ptr<BalloonNotifier> m_balloon;
    std::unique_ptr<Notifier> m_desktopNotifier;
    Notifier *m_notifier = nullptr;
    std::unique_ptr<NotificationPolicy> m_policy;
    std::unique_ptr<SignInAgain> m_signIn;
    std::unique_ptr<StatusWindow> m_status;
    std::unique_ptr<SearchWindow> m_search;
    QPointer<SettingsDialog> m_settingsDialog; // deletes itself when closed
    // The accounts dialog changes accounts as the command line does, through a CommandService of its own.
    std::unique_ptr<CommandService> m_service;
    QPointer<AccountsDialog> m_accountsDialog; // deletes itself when closed
};

} // namespace vaulttray
