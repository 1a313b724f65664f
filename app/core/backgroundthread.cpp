#include "core/backgroundthread.h"

#include "core/logging.h"

#include <QThread>

#if defined(Q_OS_LINUX)
#include <cerrno>
#include <cstring>
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace vaulttray {

void makeCurrentThreadBackground()
{
#if defined(Q_OS_LINUX)
    // PRIO_PROCESS with a thread id sets that thread's nice value alone (Linux's threads are tasks).
    if (setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), kBackgroundNice) != 0)
        qCDebug(lcStore) << "background priority not set:" << std::strerror(errno);
#else
    QThread::currentThread()->setPriority(QThread::LowPriority);
#endif
}

} // namespace vaulttray
