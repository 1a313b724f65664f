#pragma once

#include "platform/sleepmonitor.h"

namespace vaulttray {

// For platforms that cannot announce sleep: never emits. The SuspendDetector still notices a suspend after
// the fact, at the next timer.
class NullSleepMonitor final : public SleepMonitor
{
    Q_OBJECT

public:
    using SleepMonitor::SleepMonitor;

    bool isAvailable() const override { return false; }
    void releaseSleepLock() override {}
    bool holdsSleepLock() const override { return false; }
};

} // namespace vaulttray
