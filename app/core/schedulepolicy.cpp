#include "core/schedulepolicy.h"

#include <algorithm>
#include <cmath>

namespace vaulttray {

namespace {

using std::chrono::milliseconds;

double clampUnit(double u)
{
    if (!(u >= 0.0)) // also NaN
        return 0.0;
    return std::min(u, 1.0);
}

qint64 msOf(std::chrono::seconds s)
{
    return std::chrono::duration_cast<milliseconds>(s).count();
}

} // namespace

QDateTime nextRunAt(const QDateTime &lastSuccess, const QDateTime &now, const SchedulePolicy &policy)
{
    if (!now.isValid())
        return {};
    if (!lastSuccess.isValid())
        return now.addMSecs(msOf(policy.firstRunDelay));
    QDateTime due = lastSuccess.addMSecs(msOf(policy.interval));
    // A clock set back must not postpone the archive by the size of the jump.
    due = std::min(due, now.addMSecs(msOf(policy.interval)));
    return std::max(due, now);
}

milliseconds backoffDelay(int attempt, std::optional<std::chrono::seconds> retryAfter, const SchedulePolicy &policy,
                          double uniform01)
{
    const qint64 capMs = std::max<qint64>(msOf(policy.interval), 0);
    qint64 windowMs = std::min(std::max<qint64>(msOf(policy.backoffBase), 0), capMs);
    // Doubling stops at the cap, so neither a large attempt nor a large base can overflow.
    for (int i = 0; i < attempt && windowMs > 0 && windowMs < capMs; ++i)
        windowMs = std::min(windowMs * 2, capMs);

    qint64 delayMs = std::llround(clampUnit(uniform01) * static_cast<double>(windowMs));
    delayMs = std::max<qint64>(delayMs, kMinBackoffDelay.count());
    if (retryAfter) {
        const auto honoured = std::clamp(*retryAfter, std::chrono::seconds(0), policy.retryAfterCeiling);
        delayMs = std::max(delayMs, msOf(honoured));
    }
    return milliseconds(delayMs);
}

milliseconds timerArmDelay(const QDateTime &nextDue, const QDateTime &now, const SchedulePolicy &policy)
{
    const qint64 maxMs = std::max<qint64>(msOf(policy.maxTimerArm), 0);
    if (!nextDue.isValid() || !now.isValid())
        return milliseconds(maxMs);
    return milliseconds(std::clamp<qint64>(now.msecsTo(nextDue), 0, maxMs));
}

QDateTime wakeCatchUpAt(const QDateTime &now, const SchedulePolicy &policy, double uniform01)
{
    const qint64 spreadMs = std::max<qint64>(msOf(policy.wakeJitterMax), 0);
    return now.addMSecs(std::llround(clampUnit(uniform01) * static_cast<double>(spreadMs)));
}

bool inPostWakeGrace(const QDateTime &wokeAt, const QDateTime &now, const SchedulePolicy &policy)
{
    if (!wokeAt.isValid() || !now.isValid())
        return false;
    // Symmetric: NTP often steps the clock back a little right after a wake, which must not end the grace.
    const qint64 sinceWake = wokeAt.msecsTo(now);
    const qint64 graceMs = msOf(policy.postWakeGrace);
    return sinceWake < graceMs && sinceWake > -graceMs;
}

bool suspendSuspected(qint64 bootClockDeltaMs, qint64 monotonicDeltaMs, qint64 toleranceMs)
{
    return bootClockDeltaMs - monotonicDeltaMs > std::max<qint64>(toleranceMs, 0);
}

} // namespace vaulttray
