#pragma once

#include "store/storeerror.h"

#include <QObject>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace vaulttray {

class Daemon;

// The face of the daemon in the system tray: renders its state, forwards the person's intents.
class TrayIcon : public QObject
{
    Q_OBJECT

public:
    explicit TrayIcon(Daemon &daemon, QObject *parent = nullptr);
    ~TrayIcon() override;

    void show();
    // A second launch asked the running instance to come forward.
    void bringForward();

private:
    void onArchiveFailed(const StoreError &error);

    Daemon &m_daemon;
    QSystemTrayIcon *m_icon = nullptr;
    QMenu *m_menu = nullptr;
    QAction *m_status = nullptr;
};

} // namespace vaulttray
