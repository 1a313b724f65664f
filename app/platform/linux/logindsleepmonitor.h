#pragma once

#include "platform/sleepmonitor.h"

#include <QDBusConnection>
#include <QTimer>

#include <chrono>

class QDBusPendingCallWatcher;
class QDBusServiceWatcher;

namespace vaulttray {

// Sleep and wake from systemd-logind (org.freedesktop.login1) on the system bus.
// While awake it holds a "delay" inhibitor, so logind waits for us after PrepareForSleep(true) until we close
// the lock: when the daemon calls releaseSleepLock(), or after the max delay if it never does. After
// PrepareForSleep(false) it takes a new lock and announces woke(). Without logind on the bus it stays quiet
// (isAvailable() false) and takes the lock if logind shows up later.
class LogindSleepMonitor final : public SleepMonitor
{
    Q_OBJECT

public:
    explicit LogindSleepMonitor(QObject *parent = nullptr);
    // For tests: another bus, and a shorter max delay than kMaxSleepDelay.
    LogindSleepMonitor(const QDBusConnection &bus, std::chrono::milliseconds maxDelay, QObject *parent = nullptr);
    ~LogindSleepMonitor() override;

    bool isAvailable() const override { return m_available; }
    void releaseSleepLock() override;
    bool holdsSleepLock() const override { return m_lockFd >= 0; }

private slots:
    // A D-Bus signal, hence a slot connected by name.
    void onPrepareForSleep(bool start);

private:
    void onServiceOwnerChanged(const QString &service, const QString &oldOwner, const QString &newOwner);
    void onLogindAppeared();
    void onLogindVanished();
    void takeSleepLock();
    void onInhibitFinished(QDBusPendingCallWatcher *watcher);
    void onMaxDelayExpired();
    void closeLock();

    QDBusConnection m_bus;
    QDBusServiceWatcher *m_watcher = nullptr;
    QTimer m_releaseTimer;
    int m_lockFd = -1;
    bool m_available = false;
    bool m_inhibitPending = false;
    // Between PrepareForSleep(true) and PrepareForSleep(false): no new lock may be taken then.
    bool m_preparingForSleep = false;
};

} // namespace vaulttray
