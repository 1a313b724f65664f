#pragma once

#include "platform/sleepmonitor.h"

namespace vaulttray {

// Sleep and wake from NSWorkspace's notifications. macOS offers no delay lock: the daemon gets what time the
// notification's delivery gives it, so releaseSleepLock() has nothing to release.
class MacSleepMonitor final : public SleepMonitor
{
    Q_OBJECT

public:
    explicit MacSleepMonitor(QObject *parent = nullptr);
    ~MacSleepMonitor() override;

    bool isAvailable() const override { return true; }
    void releaseSleepLock() override {}
    bool holdsSleepLock() const override { return false; }

private:
    // NSObject observers, opaque here so that C++ translation units can include this header.
    void *m_willSleepObserver = nullptr;
    void *m_didWakeObserver = nullptr;
};

} // namespace vaulttray
