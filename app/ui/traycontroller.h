#pragma once

#include "net/oauth/authorizationcodeflow.h"
#include "ui/notificationpolicy.h"
#include "ui/trayicon.h"
#include "ui/traymodel.h"

#include <QObject>

#include <memory>

namespace vaulttray {

class BackgroundReader;
class BalloonNotifier;
class Daemon;
class Notifier;
class SecretStore;
class SignInAgain;
class StatusWindow;

// The ui layer put together for a daemon: the tray icon and its menu, the notices (the desktop's notification
// server where there is one, the tray's balloon otherwise) and the policy that decides them, the sign-in-again
// dialogs and the status window. It renders what the daemon announces and turns the person's intents into calls
// on the scheduler. The archive is read only on a BackgroundReader's thread.
class TrayController : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        NotificationPolicy::Options notices;
        // How the Google sign-in opens the browser (the desktop's URL handler unless a test says otherwise).
        AuthorizationCodeFlow::BrowserOpener openBrowser;
    };

    TrayController(Daemon &daemon, std::shared_ptr<SecretStore> secrets, Options options, QObject *parent = nullptr);
    ~TrayController() override;

    // Puts the icon in the tray (before the archive is opened: it appears at once).
    void show();
    // Follows the daemon, after Daemon::startScheduling().
    void attach();
    // A second launch: the status window comes forward.
    void bringForward();

    TrayModel &model() { return m_model; }
    TrayIcon &trayIcon() { return *m_tray; }
    Notifier &notifier() { return *m_notifier; }
    SignInAgain *signInAgain() const { return m_signIn.get(); }
    StatusWindow *statusWindow() const { return m_status.get(); }
    // Opens (creating it the first time) and returns the status window; null before attach().
    StatusWindow *openStatusWindow();

signals:
    void quitRequested();

private:
    void onWindowRequested(TrayIcon::Window window);
    std::unique_ptr<Notifier> createDesktopNotifier();

    Daemon &m_daemon;
    std::shared_ptr<SecretStore> m_secrets;
    Options m_options;
    TrayModel m_model;
    std::unique_ptr<TrayIcon> m_tray;
    std::unique_ptr<BalloonNotifier> m_balloon;
    std::unique_ptr<Notifier> m_desktopNotifier;
    Notifier *m_notifier = nullptr;
    std::unique_ptr<BackgroundReader> m_reader;
    std::unique_ptr<NotificationPolicy> m_policy;
    std::unique_ptr<SignInAgain> m_signIn;
    std::unique_ptr<StatusWindow> m_status;
};

} // namespace vaulttray
