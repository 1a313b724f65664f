#include "platform/win/sleepmonitor_win.h"

#include "platform/logging_platform.h"

#include <QMetaObject>

#include <chrono>

#include <windows.h>
// windows.h first: powrprof.h relies on its types.
#include <powrprof.h>

namespace vaulttray {

namespace {
// Windows allows about two seconds for all suspend callbacks together; leave some for everyone else.
constexpr std::chrono::milliseconds kSuspendGrace{1500};
static_assert(kSuspendGrace <= kMaxSleepDelay);
} // namespace

unsigned long __stdcall powerEventCallback(void *context, unsigned long type, void *)
{
    static_cast<WinSleepMonitor *>(context)->onPowerEvent(type);
    return ERROR_SUCCESS;
}

WinSleepMonitor::WinSleepMonitor(QObject *parent) : SleepMonitor(parent)
{
    // Manual reset, initially set: "nothing to wait for".
    m_released = ::CreateEventW(nullptr, TRUE, TRUE, nullptr);
    DEVICE_NOTIFY_SUBSCRIBE_PARAMETERS parameters = {};
    parameters.Callback = powerEventCallback;
    parameters.Context = this;
    HPOWERNOTIFY registration = nullptr;
    if (::PowerRegisterSuspendResumeNotification(DEVICE_NOTIFY_CALLBACK, &parameters, &registration) == ERROR_SUCCESS) {
        m_registration = registration;
    } else {
        qCWarning(lcPlatform) << "could not register for suspend/resume notifications";
    }
}

WinSleepMonitor::~WinSleepMonitor()
{
    // Unregister first: afterwards no callback can run on a half-destroyed monitor.
    if (m_registration)
        ::PowerUnregisterSuspendResumeNotification(static_cast<HPOWERNOTIFY>(m_registration));
    if (m_released) {
        ::SetEvent(m_released);
        ::CloseHandle(m_released);
    }
}

void WinSleepMonitor::releaseSleepLock()
{
    if (m_released)
        ::SetEvent(m_released);
}

bool WinSleepMonitor::holdsSleepLock() const
{
    return m_released && ::WaitForSingleObject(m_released, 0) == WAIT_TIMEOUT;
}

void WinSleepMonitor::onPowerEvent(unsigned long type)
{
    if (type == PBT_APMSUSPEND) {
        ::ResetEvent(m_released);
        QMetaObject::invokeMethod(
            this,
            [this] {
                qCInfo(lcPlatform) << "the system is about to sleep";
                emit aboutToSleep();
            },
            Qt::QueuedConnection);
        // Returning lets the suspend proceed: wait (on this system thread) for the daemon to finish.
        if (::WaitForSingleObject(m_released, static_cast<DWORD>(kSuspendGrace.count())) == WAIT_TIMEOUT)
            qCWarning(lcPlatform) << "pre-sleep work not finished in time; letting the system sleep anyway";
        ::SetEvent(m_released);
    } else if (type == PBT_APMRESUMEAUTOMATIC) {
        // Sent on every resume, whether or not a person caused it (PBT_APMRESUMESUSPEND only comes for people).
        QMetaObject::invokeMethod(
            this,
            [this] {
                qCInfo(lcPlatform) << "the system woke";
                emit woke();
            },
            Qt::QueuedConnection);
    }
}

} // namespace vaulttray
