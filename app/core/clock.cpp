#include "core/clock.h"

namespace vaulttray {

QDateTime SystemClock::now() const
{
    return QDateTime::currentDateTimeUtc();
}

} // namespace vaulttray
