#pragma once

#include <QDateTime>

#include <chrono>
#include <optional>

// When to sync, as pure functions of injected times and injected randomness (DESIGN.md, "Event-driven,
// suspend-aware time"). Due times are wall-clock instants; a QTimer only ever arms the next wake-up.

namespace vaulttray {

struct SchedulePolicy
{
    // How often an account syncs when all is well; also the cap of the exponential backoff.
    std::chrono::seconds interval{std::chrono::minutes(15)};
    // A first sync soon after the account appears (or the app starts for an account that never synced),
    // but not inside start-up itself.
    std::chrono::seconds firstRunDelay{10};
    // The first retry window of the backoff; it doubles per attempt.
    std::chrono::seconds backoffBase{30};
    // The longest a single-shot QTimer is armed for: the monotonic clock stops during suspend on Linux, so a
    // long timer could fire hours late; re-arming often keeps the wall-clock due time honest.
    std::chrono::seconds maxTimerArm{std::chrono::minutes(5)};
    // After a wake, network failures are expected for this long and are never shown.
    std::chrono::seconds postWakeGrace{60};
    // After a wake, accounts catch up within this spread so they do not all hit the network at once.
    std::chrono::seconds wakeJitterMax{20};
    // A Retry-After is honoured up to this long; beyond it, the server is re-asked anyway.
    std::chrono::seconds retryAfterCeiling{std::chrono::hours(24)};
};

// A coarse QTimer may fire up to 5% early (and rounds to whole seconds past 20 s): a due time this close
// counts as reached when the timer fires, so an early fire starts the sync instead of costing another wake-up.
inline constexpr std::chrono::milliseconds kDueSlack{1000};

// A backoff never retries sooner than this, even when the jitter draws zero: no hot retry loops.
inline constexpr std::chrono::milliseconds kMinBackoffDelay{1000};

// When the next regular sync is due. Never synced (lastSuccess invalid) → now + firstRunDelay. Overdue (say,
// after a suspend) → now: the missed runs collapse into one. A lastSuccess in the future (the clock was set
// back) delays the next run by at most one interval from now.
QDateTime nextRunAt(const QDateTime &lastSuccess, const QDateTime &now, const SchedulePolicy &policy);

// How long to wait before retry number `attempt` (0 for the first retry) of a transient failure.
// Full jitter: uniform01 * min(interval, backoffBase * 2^attempt), at least kMinBackoffDelay.
// A Retry-After wins when it is longer, even beyond the interval (asking earlier only prolongs throttling),
// but only up to retryAfterCeiling. uniform01 is clamped to [0, 1]; NaN counts as 0.
std::chrono::milliseconds backoffDelay(int attempt, std::optional<std::chrono::seconds> retryAfter,
                                       const SchedulePolicy &policy, double uniform01);

// How long to arm the single-shot timer: min(nextDue - now, maxTimerArm), never negative. With nothing due
// (nextDue invalid), maxTimerArm: wake up and look again.
std::chrono::milliseconds timerArmDelay(const QDateTime &nextDue, const QDateTime &now, const SchedulePolicy &policy);

// When to catch up after a wake: now plus a jitter of up to wakeJitterMax.
QDateTime wakeCatchUpAt(const QDateTime &now, const SchedulePolicy &policy, double uniform01);

// Whether `now` is still inside the post-wake grace window that started at wokeAt (invalid if never woke).
bool inPostWakeGrace(const QDateTime &wokeAt, const QDateTime &now, const SchedulePolicy &policy);

// The portable suspend detector: across a suspend, CLOCK_BOOTTIME (mach_continuous_time,
// QueryInterruptTime) advances while CLOCK_MONOTONIC (mach_absolute_time, QueryUnbiasedInterruptTime) does
// not. Given both clocks' progress since the last look, true when the boot clock ran ahead by more than
// toleranceMs. A negative tolerance counts as zero.
bool suspendSuspected(qint64 bootClockDeltaMs, qint64 monotonicDeltaMs, qint64 toleranceMs);

} // namespace vaulttray
