#include "platform/immediatetrayhostwatcher.h"
#include "platform/trayhostwatcher.h"

#if defined(VAULTTRAY_TRAYHOST_LINUX)
#include "platform/linux/linuxtrayhostwatcher.h"

#include <QDBusConnection>
#endif

namespace vaulttray {

std::unique_ptr<TrayHostWatcher> createTrayHostWatcher(std::chrono::milliseconds limit)
{
    if (limit <= std::chrono::milliseconds::zero())
        return std::make_unique<ImmediateTrayHostWatcher>(TrayHostWatcher::Host::Unknown);
#if defined(VAULTTRAY_TRAYHOST_LINUX)
    return std::make_unique<LinuxTrayHostWatcher>(QDBusConnection::sessionBus(), limit);
#else
    return std::make_unique<ImmediateTrayHostWatcher>(TrayHostWatcher::Host::Platform);
#endif
}

} // namespace vaulttray
