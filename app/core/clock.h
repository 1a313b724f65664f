#pragma once

#include <QDateTime>

namespace vaulttray {

// Wall-clock time, injected everywhere a decision depends on "now".
// Due times are wall-clock instants because the monotonic clock stops during suspend on Linux.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;
};

class SystemClock final : public Clock
{
public:
    QDateTime now() const override;
};

} // namespace vaulttray
