#pragma once

#include "platform/trayhostwatcher.h"

#include <QDBusConnection>
#include <QDBusServiceWatcher>
#include <QTimer>

namespace vaulttray {

// Linux desktops: a StatusNotifierWatcher on the session bus that says a host is registered (KDE Plasma, GNOME with
// the AppIndicator extension, most Wayland panels), or on X11 a system tray manager (the _NET_SYSTEM_TRAY_S<screen>
// selection has an owner: XFCE, trayer, ...). Either is what Qt would choose itself, so it is announced at once.
// With neither, it waits for the watcher's name on the bus and its StatusNotifierHostRegistered signal, looks for
// an X11 tray manager now and then, and gives up at `limit`.
class LinuxTrayHostWatcher final : public TrayHostWatcher
{
    Q_OBJECT

public:
    LinuxTrayHostWatcher(QDBusConnection bus, std::chrono::milliseconds limit, QObject *parent = nullptr);

    void start() override;

private slots:
    // The watcher's D-Bus signal, hence a slot connected by name.
    void onHostRegistered();

private:
    void check();
    bool statusNotifierHost();
    static bool xembedTray();
    void finish(Host host);

    QDBusConnection m_bus;
    std::chrono::milliseconds m_limit;
    QDBusServiceWatcher m_watcher;
    QTimer m_limitTimer;
    QTimer m_xembedPoll;
    bool m_started = false;
    bool m_done = false;
};

} // namespace vaulttray
