#pragma once

#include "platform/monotonicclocks.h"

#include <chrono>

namespace vaulttray {

// A boot-clock lead below this is noise (scheduling, a busy machine, clock granularity), not a suspend.
inline constexpr std::chrono::milliseconds kSuspendTolerance{5000};

// Notices a suspend that nobody announced (no logind, a missed signal, a platform without a monitor):
// across a suspend the boot clock keeps counting and the monotonic clock does not. check() compares how far
// each advanced since the last look. Called whenever a timer fires anyway, so it costs no extra wake-ups.
// Suspends shorter than the tolerance go unnoticed; several suspends between two looks count as one.
class SuspendDetector
{
public:
    // The system's clocks.
    explicit SuspendDetector(std::chrono::milliseconds tolerance = kSuspendTolerance);
    // clocks must outlive the detector.
    explicit SuspendDetector(const MonotonicClocks &clocks, std::chrono::milliseconds tolerance = kSuspendTolerance);

    // True once per suspend: whether the machine slept since the previous check() or reset().
    bool check();
    // Forgets the time since the last look, e.g. after an announced wake, so that the same suspend is not
    // reported a second time.
    void reset();
    // How long the machine slept in the suspend check() last reported (zero before any).
    std::chrono::milliseconds lastSuspendDuration() const { return m_lastSuspend; }

private:
    const MonotonicClocks &m_clocks;
    std::chrono::milliseconds m_tolerance;
    qint64 m_bootMs = 0;
    qint64 m_monotonicMs = 0;
    std::chrono::milliseconds m_lastSuspend{0};
};

} // namespace vaulttray
