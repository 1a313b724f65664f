#include "platform/sleepmonitorfactory.h"

#include "platform/nullsleepmonitor.h"

#if defined(VAULTTRAY_SLEEP_LOGIND)
#include "platform/linux/logindsleepmonitor.h"
#elif defined(VAULTTRAY_SLEEP_MAC)
#include "platform/mac/sleepmonitor_mac.h"
#elif defined(VAULTTRAY_SLEEP_WIN)
#include "platform/win/sleepmonitor_win.h"
#endif

namespace vaulttray {

std::unique_ptr<SleepMonitor> createSleepMonitor(QObject *parent)
{
#if defined(VAULTTRAY_SLEEP_LOGIND)
    return std::make_unique<LogindSleepMonitor>(parent);
#elif defined(VAULTTRAY_SLEEP_MAC)
    return std::make_unique<MacSleepMonitor>(parent);
#elif defined(VAULTTRAY_SLEEP_WIN)
    return std::make_unique<WinSleepMonitor>(parent);
#else
    return std::make_unique<NullSleepMonitor>(parent);
#endif
}

} // namespace vaulttray
