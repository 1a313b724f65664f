#pragma once

#include "platform/networkmonitor.h"

class QNetworkInformation;

namespace vaulttray {

// Reachability from QNetworkInformation: the platform's default backend (NetworkManager on Linux, the
// Network List Manager on Windows, Network.framework on macOS), else GLib's GNetworkMonitor ("glib":
// reachability and captive portal only), else none: reachability() Unknown, assume online and rely on errors.
//
// QNetworkInformation is a process-wide singleton that cannot be unloaded or switched; this class is the only
// place that touches it. Several monitors share the one backend loaded first.
//
// Known limit (measured with Qt 6.4.2): if NetworkManager leaves the system bus and comes back, Qt keeps the
// last state it saw until NetworkManager reports the next change; nothing here can refresh it. Errors from
// real connections stay the ground truth.
class QtNetworkMonitor final : public NetworkMonitor
{
    Q_OBJECT

public:
    explicit QtNetworkMonitor(QObject *parent = nullptr);
    ~QtNetworkMonitor() override;

    Reachability reachability() const override { return m_reachability; }
    bool isBehindCaptivePortal() const override { return m_captivePortal; }
    bool isMetered() const override { return m_metered; }
    QString backendName() const override;

private:
    // Emits changed() once per change of what this interface shows, however many Qt signals announced it.
    void onInformationChanged();

    QNetworkInformation *m_information = nullptr; // the singleton; not ours
    Reachability m_reachability = Reachability::Unknown;
    bool m_captivePortal = false;
    bool m_metered = false;
};

} // namespace vaulttray
