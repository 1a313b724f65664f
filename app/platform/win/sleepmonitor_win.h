#pragma once

#include "platform/sleepmonitor.h"

namespace vaulttray {

unsigned long __stdcall powerEventCallback(void *context, unsigned long type, void *setting);

// Sleep and wake from the power manager's suspend/resume callback (PBT_APMSUSPEND, PBT_APMRESUMEAUTOMATIC).
// A callback instead of WM_POWERBROADCAST: no window is needed, so it works headless too. Windows waits for the
// callback to return (about two seconds at most) before suspending, so the callback waits there until the
// daemon calls releaseSleepLock(), or until kSuspendGrace: that wait is this platform's delay lock.
class WinSleepMonitor final : public SleepMonitor
{
    Q_OBJECT

public:
    explicit WinSleepMonitor(QObject *parent = nullptr);
    ~WinSleepMonitor() override;

    bool isAvailable() const override { return m_registration != nullptr; }
    void releaseSleepLock() override;
    bool holdsSleepLock() const override;

private:
    friend unsigned long __stdcall powerEventCallback(void *context, unsigned long type, void *setting);
    // Runs on a system thread.
    void onPowerEvent(unsigned long type);

    // HPOWERNOTIFY and an event HANDLE, opaque here so that this header does not pull in windows.h.
    void *m_registration = nullptr;
    void *m_released = nullptr;
};

} // namespace vaulttray
