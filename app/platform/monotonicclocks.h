#pragma once

#include <QtGlobal>

namespace vaulttray {

// Two steady clocks that differ in one thing: whether they count time the machine spent asleep.
// Injected into SuspendDetector so that a test can simulate a suspend without one.
class MonotonicClocks
{
public:
    virtual ~MonotonicClocks() = default;
    // Keeps counting while the machine sleeps (CLOCK_BOOTTIME, mach_continuous_time, GetTickCount64).
    virtual qint64 bootMs() const = 0;
    // Stops while the machine sleeps (CLOCK_MONOTONIC, mach_absolute_time, QueryUnbiasedInterruptTime).
    virtual qint64 monotonicMs() const = 0;
};

// The operating system's clocks. Where no pair is known, both read the same clock and no suspend is ever seen.
class SystemMonotonicClocks final : public MonotonicClocks
{
public:
    qint64 bootMs() const override;
    qint64 monotonicMs() const override;
};

} // namespace vaulttray
