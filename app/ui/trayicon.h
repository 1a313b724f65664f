#pragma once

#include "store/storeerror.h"

#include <QHash>
#include <QObject>

#include <memory>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace vaulttray {

class Daemon;
class SecretStore;

// The face of the daemon in the system tray: renders its state, forwards the person's intents.
class TrayIcon : public QObject
{
    Q_OBJECT

public:
    TrayIcon(Daemon &daemon, std::shared_ptr<SecretStore> secrets, QObject *parent = nullptr);
    ~TrayIcon() override;

    void show();
    // A second launch asked the running instance to come forward.
    void bringForward();
    // The provider rejected an account's credential: offer "Sign in again" in the menu (once per account).
    void onSignInRequired(qint64 accountId);

private:
    void onArchiveFailed(const StoreError &error);
    void signInAgain(qint64 accountId);
    void signedIn(qint64 accountId);

    Daemon &m_daemon;
    QSystemTrayIcon *m_icon = nullptr;
    QMenu *m_menu = nullptr;
    QAction *m_status = nullptr;
    QAction *m_quit = nullptr;
    std::shared_ptr<SecretStore> m_secrets;
    QHash<qint64, QAction *> m_signInActions;
};

} // namespace vaulttray
