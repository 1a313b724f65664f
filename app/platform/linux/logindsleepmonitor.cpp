#include "platform/linux/logindsleepmonitor.h"

#include "platform/logging_platform.h"

#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusServiceWatcher>
#include <QDBusUnixFileDescriptor>

#include <unistd.h>

namespace vaulttray {

namespace {

const QString kService = QStringLiteral("org.freedesktop.login1");
const QString kPath = QStringLiteral("/org/freedesktop/login1");
const QString kManagerInterface = QStringLiteral("org.freedesktop.login1.Manager");

// logind.conf's InhibitDelayMaxSec default: after it, logind sleeps anyway and logs that we were too slow.
constexpr std::chrono::milliseconds kLogindDefaultInhibitDelayMax{5000};
static_assert(kMaxSleepDelay < kLogindDefaultInhibitDelayMax, "release before logind stops waiting for us");

} // namespace

LogindSleepMonitor::LogindSleepMonitor(QObject *parent)
    : LogindSleepMonitor(QDBusConnection::systemBus(), kMaxSleepDelay, parent)
{
}

LogindSleepMonitor::LogindSleepMonitor(const QDBusConnection &bus, std::chrono::milliseconds maxDelay, QObject *parent)
    : SleepMonitor(parent), m_bus(bus)
{
    m_releaseTimer.setSingleShot(true);
    m_releaseTimer.setTimerType(Qt::PreciseTimer);
    m_releaseTimer.setInterval(maxDelay);
    connect(&m_releaseTimer, &QTimer::timeout, this, &LogindSleepMonitor::onMaxDelayExpired);

    if (!m_bus.isConnected()) {
        qCInfo(lcPlatform) << "no system bus; sleep and wake will not be announced:" << m_bus.lastError().message();
        return;
    }
    // Subscribing by service name keeps working when logind (re)starts: QtDBus follows the name's owner.
    if (!m_bus.connect(kService, kPath, kManagerInterface, QStringLiteral("PrepareForSleep"), this,
                       SLOT(onPrepareForSleep(bool))))
        qCWarning(lcPlatform) << "cannot subscribe to logind's PrepareForSleep:" << m_bus.lastError().message();
    m_watcher = new QDBusServiceWatcher(kService, m_bus, QDBusServiceWatcher::WatchForOwnerChange, this);
    connect(m_watcher, &QDBusServiceWatcher::serviceOwnerChanged, this, &LogindSleepMonitor::onServiceOwnerChanged);

    if (m_bus.interface()->isServiceRegistered(kService))
        onLogindAppeared();
    else
        qCInfo(lcPlatform) << "logind is not on the system bus; waiting for it";
}

LogindSleepMonitor::~LogindSleepMonitor()
{
    closeLock();
}

void LogindSleepMonitor::releaseSleepLock()
{
    // Only a sleep in progress may be let go; dropping the lock while awake would leave the next sleep unguarded.
    if (!m_preparingForSleep)
        return;
    m_releaseTimer.stop();
    if (holdsSleepLock())
        qCDebug(lcPlatform) << "pre-sleep work done; releasing the sleep lock";
    closeLock();
}

void LogindSleepMonitor::onPrepareForSleep(bool start)
{
    if (start) {
        if (m_preparingForSleep)
            return;
        m_preparingForSleep = true;
        qCInfo(lcPlatform) << "the system is about to sleep";
        // Armed before the emit: a daemon with nothing to finish releases from inside the signal.
        if (holdsSleepLock())
            m_releaseTimer.start();
        emit aboutToSleep();
        return;
    }
    m_preparingForSleep = false;
    m_releaseTimer.stop();
    qCInfo(lcPlatform) << "the system woke";
    takeSleepLock();
    emit woke();
}

void LogindSleepMonitor::onServiceOwnerChanged(const QString &, const QString &oldOwner, const QString &newOwner)
{
    if (!oldOwner.isEmpty())
        onLogindVanished();
    if (!newOwner.isEmpty())
        onLogindAppeared();
}

void LogindSleepMonitor::onLogindAppeared()
{
    m_available = true;
    qCInfo(lcPlatform) << "logind is on the system bus";
    if (m_preparingForSleep) {
        // logind went away mid-sleep and will not send PrepareForSleep(false); we run, so we are awake.
        m_preparingForSleep = false;
        m_releaseTimer.stop();
        takeSleepLock();
        emit woke();
        return;
    }
    takeSleepLock();
}

void LogindSleepMonitor::onLogindVanished()
{
    m_available = false;
    m_releaseTimer.stop();
    qCWarning(lcPlatform) << "logind left the system bus; sleep will not be announced until it returns";
    // The lock died with its holder; keeping the fd would only make a restarted logind's list look odd.
    closeLock();
}

void LogindSleepMonitor::takeSleepLock()
{
    if (holdsSleepLock() || m_inhibitPending || m_preparingForSleep || !m_available)
        return;
    QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kManagerInterface, QStringLiteral("Inhibit"));
    call << QStringLiteral("sleep") << QStringLiteral("vaulttray") << tr("Finishing the current archive batch")
         << QStringLiteral("delay");
    m_inhibitPending = true;
    // Asynchronous: the event loop never waits on logind.
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, &LogindSleepMonitor::onInhibitFinished);
}

void LogindSleepMonitor::onInhibitFinished(QDBusPendingCallWatcher *watcher)
{
    watcher->deleteLater();
    m_inhibitPending = false;
    const QDBusPendingReply<QDBusUnixFileDescriptor> reply = *watcher;
    if (reply.isError()) {
        qCWarning(lcPlatform) << "logind refused a sleep delay lock; sleep will not wait for us:"
                              << reply.error().name() << reply.error().message();
        return;
    }
    // takeFileDescriptor() empties every copy of the descriptor, so none left in the reply keeps the lock alive.
    const int fd = reply.value().takeFileDescriptor();
    if (fd < 0) {
        qCWarning(lcPlatform) << "logind answered Inhibit without a file descriptor";
        return;
    }
    if (m_preparingForSleep || holdsSleepLock() || !m_available) {
        // The answer came too late (sleep already announced) or is a duplicate: never hold up a sleep with it.
        ::close(fd);
        return;
    }
    m_lockFd = fd;
    qCDebug(lcPlatform) << "holding a sleep delay lock";
}

void LogindSleepMonitor::onMaxDelayExpired()
{
    if (!holdsSleepLock())
        return;
    qCWarning(lcPlatform) << "pre-sleep work not finished after" << m_releaseTimer.interval()
                          << "ms; letting the system sleep anyway";
    closeLock();
}

void LogindSleepMonitor::closeLock()
{
    if (m_lockFd < 0)
        return;
    ::close(m_lockFd);
    m_lockFd = -1;
}

} // namespace vaulttray
