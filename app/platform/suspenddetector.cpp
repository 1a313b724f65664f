#include "platform/suspenddetector.h"

#include "core/schedulepolicy.h"
#include "platform/logging_platform.h"

namespace vaulttray {

namespace {
// Stateless and read-only, so sharing one between detectors is safe.
const SystemMonotonicClocks kSystemClocks;
} // namespace

SuspendDetector::SuspendDetector(std::chrono::milliseconds tolerance) : SuspendDetector(kSystemClocks, tolerance) {}

SuspendDetector::SuspendDetector(const MonotonicClocks &clocks, std::chrono::milliseconds tolerance)
    : m_clocks(clocks), m_tolerance(tolerance)
{
    reset();
}

bool SuspendDetector::check()
{
    const qint64 boot = m_clocks.bootMs();
    const qint64 monotonic = m_clocks.monotonicMs();
    const qint64 bootDelta = boot - m_bootMs;
    const qint64 monotonicDelta = monotonic - m_monotonicMs;
    m_bootMs = boot;
    m_monotonicMs = monotonic;
    if (!suspendSuspected(bootDelta, monotonicDelta, m_tolerance.count()))
        return false;
    m_lastSuspend = std::chrono::milliseconds(bootDelta - monotonicDelta);
    qCInfo(lcPlatform) << "the machine slept for about" << m_lastSuspend.count() << "ms (seen from the clocks)";
    return true;
}

void SuspendDetector::reset()
{
    m_bootMs = m_clocks.bootMs();
    m_monotonicMs = m_clocks.monotonicMs();
}

} // namespace vaulttray
