#pragma once

#include <QObject>

namespace vaulttray {

// Whether the internet can be reached right now, as far as the OS knows.
class NetworkMonitor : public QObject
{
    Q_OBJECT

public:
    enum class Reachability { Unknown, Offline, LocalOnly, Online };
    Q_ENUM(Reachability)

    using QObject::QObject;
    ~NetworkMonitor() override = default;

    virtual Reachability reachability() const = 0;
    virtual bool isBehindCaptivePortal() const = 0;
    virtual bool isMetered() const = 0;
    // The name of the backend in use, or "none" (then reachability() is Unknown: assume online, rely on errors).
    virtual QString backendName() const = 0;

signals:
    void changed();
};

} // namespace vaulttray
