#pragma once

#include <QObject>

#include <chrono>
#include <memory>

namespace vaulttray {

// Tells when the desktop can show a tray icon. Qt 6.4 chooses between its D-Bus tray (StatusNotifierItem) and
// XEmbed once per process, at the first QSystemTrayIcon or QSystemTrayIcon::isSystemTrayAvailable() (the answer of
// QGenericUnixTheme's isDBusTrayAvailable() is kept in statics). Started at login before the panel's
// StatusNotifierWatcher, the app would be given XEmbed for good, which Wayland panels and GNOME's AppIndicator
// extension do not show. So the tray asks nothing of Qt until a watcher announces `available`.
class TrayHostWatcher : public QObject
{
    Q_OBJECT

public:
    enum class Host {
        StatusNotifier, // a StatusNotifierWatcher with a host: Qt will use its D-Bus tray
        XEmbed,         // an X11 system tray manager and no watcher: Qt will dock into it
        Platform,       // macOS and Windows: the system's own tray is always there
        Unknown,        // not waited for, or the time limit passed without a host
    };
    Q_ENUM(Host)

    using QObject::QObject;

    // Starts looking. `available` follows exactly once; from inside start() when a host is there already.
    virtual void start() = 0;

signals:
    void available(vaulttray::TrayHostWatcher::Host host);
};

// How long the tray waits for a host at most; then the icon is made anyway (XEmbed, as without waiting).
inline constexpr std::chrono::milliseconds kTrayHostWaitLimit{60000};

// This platform's watcher. A `limit` of zero does not wait: `available(Unknown)` at start().
std::unique_ptr<TrayHostWatcher> createTrayHostWatcher(std::chrono::milliseconds limit);

} // namespace vaulttray
