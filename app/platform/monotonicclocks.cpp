#include "platform/monotonicclocks.h"

#include <QtGlobal>

#if defined(Q_OS_MACOS)
#include <mach/mach_time.h>
#elif defined(Q_OS_WIN)
#include <windows.h>
#else
#include <time.h>
#endif

namespace vaulttray {

namespace {

#if defined(Q_OS_MACOS)
constexpr quint64 kNsPerMs = 1000 * 1000;

qint64 machTicksToMs(quint64 ticks)
{
    static const mach_timebase_info_data_t timebase = [] {
        mach_timebase_info_data_t info = {};
        mach_timebase_info(&info);
        return info;
    }();
    // Split before multiplying so that ticks * numer cannot overflow, however long the uptime.
    const quint64 ns =
        ticks / timebase.denom * timebase.numer + ticks % timebase.denom * timebase.numer / timebase.denom;
    return static_cast<qint64>(ns / kNsPerMs);
}
#elif defined(Q_OS_WIN)
// QueryUnbiasedInterruptTime counts in units of 100 ns.
constexpr qint64 kInterruptTicksPerMs = 10 * 1000;
#else
constexpr qint64 kMsPerSecond = 1000;
constexpr qint64 kNsPerMs = 1000 * 1000;

qint64 readMs(clockid_t id)
{
    timespec ts = {};
    ::clock_gettime(id, &ts);
    return qint64(ts.tv_sec) * kMsPerSecond + ts.tv_nsec / kNsPerMs;
}
#endif

} // namespace

qint64 SystemMonotonicClocks::bootMs() const
{
#if defined(Q_OS_MACOS)
    return machTicksToMs(mach_continuous_time());
#elif defined(Q_OS_WIN)
    return static_cast<qint64>(::GetTickCount64());
#elif defined(CLOCK_BOOTTIME)
    return readMs(CLOCK_BOOTTIME);
#else
    return readMs(CLOCK_MONOTONIC);
#endif
}

qint64 SystemMonotonicClocks::monotonicMs() const
{
#if defined(Q_OS_MACOS)
    return machTicksToMs(mach_absolute_time());
#elif defined(Q_OS_WIN)
    ULONGLONG ticks = 0;
    ::QueryUnbiasedInterruptTime(&ticks);
    return static_cast<qint64>(ticks) / kInterruptTicksPerMs;
#else
    return readMs(CLOCK_MONOTONIC);
#endif
}

} // namespace vaulttray
