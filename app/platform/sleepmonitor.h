#pragma once

#include <QObject>

#include <chrono>

namespace vaulttray {

// The longest a monitor holds back a sleep the OS announced, if the daemon never calls releaseSleepLock().
// It stays below logind's default InhibitDelayMaxSec so the release is ours, not logind's timeout
// (LogindSleepMonitor checks this at compile time).
inline constexpr std::chrono::milliseconds kMaxSleepDelay{4000};

// Tells the daemon that the machine is about to sleep or has woken.
// While awake the monitor holds a "delay" sleep lock where the OS offers one (logind), so the daemon
// gets a few seconds to cancel network I/O and commit what is complete; the daemon calls
// releaseSleepLock() when it is done (or the monitor releases it after kMaxSleepDelay by itself).
class SleepMonitor : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~SleepMonitor() override = default;

    // True when the OS can announce sleep to this monitor (logind reachable, etc.).
    virtual bool isAvailable() const = 0;
    // The daemon finished its pre-sleep work; let the machine sleep.
    virtual void releaseSleepLock() = 0;
    // Whether a sleep lock is held right now (for status and tests).
    virtual bool holdsSleepLock() const = 0;

signals:
    void aboutToSleep();
    void woke();
};

} // namespace vaulttray
