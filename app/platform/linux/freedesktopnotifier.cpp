#include "platform/linux/freedesktopnotifier.h"

#include "platform/logging_platform.h"

#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusServiceWatcher>
#include <QDBusVariant>

namespace vaulttray {

namespace {
const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
const QString kInterface = QStringLiteral("org.freedesktop.Notifications");
const QString kProperties = QStringLiteral("org.freedesktop.DBus.Properties");
const QString kInhibited = QStringLiteral("Inhibited");
// The spec's "default" action: a click on the notice itself.
const QString kDefaultActionKey = QStringLiteral("default");
// expire_timeout: -1 lets the server decide, 0 keeps the notice until the person acts on it.
constexpr int kServerDecides = -1;
constexpr int kNeverExpires = 0;

uchar urgencyByte(Notifier::Urgency urgency)
{
    switch (urgency) {
    case Notifier::Urgency::Low:
        return 0;
    case Notifier::Urgency::Normal:
        return 1;
    case Notifier::Urgency::Critical:
        return 2;
    }
    return 1;
}
} // namespace

FreedesktopNotifier::FreedesktopNotifier(const QDBusConnection &bus, QString appName, QString desktopEntry,
                                         Notifier *fallback, QObject *parent)
    : Notifier(parent), m_bus(bus), m_appName(std::move(appName)), m_desktopEntry(std::move(desktopEntry)),
      m_fallback(fallback)
{
    if (m_fallback)
        connect(m_fallback, &Notifier::actionInvoked, this, &Notifier::actionInvoked);
    if (!m_bus.isConnected()) {
        m_service = Service::Absent;
        return;
    }
    m_bus.connect(kService, kPath, kInterface, QStringLiteral("ActionInvoked"), this,
                  SLOT(onActionInvoked(uint, QString)));
    m_bus.connect(kService, kPath, kInterface, QStringLiteral("NotificationClosed"), this,
                  SLOT(onNotificationClosed(uint, uint)));
    m_bus.connect(kService, kPath, kProperties, QStringLiteral("PropertiesChanged"), this,
                  SLOT(onPropertiesChanged(QString, QVariantMap, QStringList)));
    m_watcher = new QDBusServiceWatcher(kService, m_bus, QDBusServiceWatcher::WatchForOwnerChange, this);
    connect(m_watcher, &QDBusServiceWatcher::serviceOwnerChanged, this, &FreedesktopNotifier::onServiceOwnerChanged);
    query();
}

FreedesktopNotifier::~FreedesktopNotifier() = default;

void FreedesktopNotifier::query()
{
    // Also starts a server the bus can activate: the answer is the test of presence.
    const QDBusMessage call =
        QDBusMessage::createMethodCall(kService, kPath, kInterface, QStringLiteral("GetCapabilities"));
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, &FreedesktopNotifier::onCapabilities);
}

void FreedesktopNotifier::onCapabilities(QDBusPendingCallWatcher *call)
{
    call->deleteLater();
    const QDBusPendingReply<QStringList> reply = *call;
    const QList<Notice> waiting = std::exchange(m_waiting, {});
    if (reply.isError()) {
        qCInfo(lcPlatform).noquote() << "no desktop notification server:" << reply.error().message()
                                     << "- notices go to the tray";
        m_service = Service::Absent;
        emit serviceChanged(m_service);
        for (const Notice &n : waiting) {
            if (m_fallback)
                m_fallback->show(n);
        }
        return;
    }
    m_capabilities = reply.value();
    m_service = Service::Present;
    qCInfo(lcPlatform).noquote() << "desktop notification server with" << m_capabilities.join(QLatin1Char(' '));
    readInhibited();
    emit serviceChanged(m_service);
    for (const Notice &n : waiting)
        send(n);
}

void FreedesktopNotifier::readInhibited()
{
    QDBusMessage get = QDBusMessage::createMethodCall(kService, kPath, kProperties, QStringLiteral("Get"));
    get.setArguments({kInterface, kInhibited});
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(get), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *call) {
        call->deleteLater();
        const QDBusPendingReply<QDBusVariant> reply = *call;
        // Most servers have no such property: then nothing says "do not disturb".
        setInhibited(!reply.isError() && reply.value().variant().toBool());
    });
}

void FreedesktopNotifier::setInhibited(bool inhibited)
{
    if (inhibited == m_inhibited)
        return;
    m_inhibited = inhibited;
    emit inhibitedChanged(m_inhibited);
}

void FreedesktopNotifier::show(const Notice &notice)
{
    switch (m_service) {
    case Service::Unknown:
        m_waiting.erase(std::remove_if(m_waiting.begin(), m_waiting.end(),
                                       [&notice](const Notice &n) { return n.kind == notice.kind; }),
                        m_waiting.end());
        m_waiting << notice;
        return;
    case Service::Absent:
        if (m_fallback)
            m_fallback->show(notice);
        return;
    case Service::Present:
        send(notice);
        return;
    }
}

void FreedesktopNotifier::withdraw(const QString &kind)
{
    switch (m_service) {
    case Service::Unknown:
        m_waiting.erase(
            std::remove_if(m_waiting.begin(), m_waiting.end(), [&kind](const Notice &n) { return n.kind == kind; }),
            m_waiting.end());
        return;
    case Service::Absent:
        if (m_fallback)
            m_fallback->withdraw(kind);
        return;
    case Service::Present:
        break;
    }
    const auto it = m_shown.find(kind);
    if (it == m_shown.end())
        return;
    if (it->inFlight) {
        it->withdrawn = true;
        it->next.reset();
        return;
    }
    const uint id = it->id;
    m_kindById.remove(id);
    m_shown.erase(it);
    close(id);
}

void FreedesktopNotifier::send(const Notice &notice)
{
    Shown &shown = m_shown[notice.kind];
    if (shown.inFlight) {
        shown.next = notice;
        shown.withdrawn = false;
        return;
    }
    shown.inFlight = true;
    shown.withdrawn = false;
    shown.notice = notice;

    QStringList actions;
    if (m_capabilities.contains(QLatin1String("actions"))) {
        for (const Action &a : notice.actions)
            actions << a.key << a.label;
        if (!notice.defaultAction.isEmpty()) {
            for (const Action &a : notice.actions) {
                if (a.key == notice.defaultAction)
                    actions << kDefaultActionKey << a.label;
            }
        }
    }
    QString body = notice.body;
    if (m_capabilities.contains(QLatin1String("body-markup")))
        body = body.toHtmlEscaped();
    QVariantMap hints{{QStringLiteral("urgency"), QVariant::fromValue<uchar>(urgencyByte(notice.urgency))}};
    if (!m_desktopEntry.isEmpty())
        hints.insert(QStringLiteral("desktop-entry"), m_desktopEntry);
    QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kInterface, QStringLiteral("Notify"));
    call.setArguments({m_appName, shown.id, m_desktopEntry, notice.title, body, actions, hints,
                       notice.urgency == Urgency::Critical ? kNeverExpires : kServerDecides});
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    const QString kind = notice.kind;
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, kind](QDBusPendingCallWatcher *w) { onNotified(kind, w); });
}

void FreedesktopNotifier::onNotified(const QString &kind, QDBusPendingCallWatcher *call)
{
    call->deleteLater();
    const QDBusPendingReply<uint> reply = *call;
    const auto it = m_shown.find(kind);
    if (it == m_shown.end())
        return;
    it->inFlight = false;
    if (reply.isError()) {
        qCWarning(lcPlatform).noquote() << "the notification server refused a notice:" << reply.error().message();
        const Notice failed = it->notice;
        m_shown.erase(it);
        if (m_fallback)
            m_fallback->show(failed);
        return;
    }
    const uint id = reply.value();
    if (it->id != id)
        m_kindById.remove(it->id);
    it->id = id;
    m_kindById.insert(id, kind);
    if (it->withdrawn) {
        m_kindById.remove(id);
        m_shown.erase(it);
        close(id);
        return;
    }
    if (it->next) {
        const Notice next = *std::exchange(it->next, std::nullopt);
        send(next);
    }
}

void FreedesktopNotifier::close(uint id)
{
    if (id == 0)
        return;
    QDBusMessage call =
        QDBusMessage::createMethodCall(kService, kPath, kInterface, QStringLiteral("CloseNotification"));
    call.setArguments({id});
    m_bus.asyncCall(call);
}

void FreedesktopNotifier::onActionInvoked(uint id, const QString &actionKey)
{
    // The signal goes to every client of the server: only our own ids are ours to answer.
    const QString kind = m_kindById.value(id);
    if (kind.isEmpty())
        return;
    QString key = actionKey;
    if (key == kDefaultActionKey)
        key = m_shown.value(kind).notice.defaultAction;
    if (!key.isEmpty())
        emit actionInvoked(kind, key);
}

void FreedesktopNotifier::onNotificationClosed(uint id, uint reason)
{
    Q_UNUSED(reason)
    const QString kind = m_kindById.take(id);
    if (kind.isEmpty())
        return;
    const auto it = m_shown.find(kind);
    if (it != m_shown.end() && it->id == id && !it->inFlight)
        m_shown.erase(it);
}

void FreedesktopNotifier::onPropertiesChanged(const QString &interface, const QVariantMap &changed,
                                              const QStringList &invalidated)
{
    if (interface != kInterface)
        return;
    if (changed.contains(kInhibited))
        setInhibited(changed.value(kInhibited).toBool());
    else if (invalidated.contains(kInhibited))
        readInhibited();
}

void FreedesktopNotifier::onServiceOwnerChanged(const QString &service, const QString &oldOwner,
                                                const QString &newOwner)
{
    Q_UNUSED(service)
    Q_UNUSED(oldOwner)
    // A new server knows none of our ids.
    m_shown.clear();
    m_kindById.clear();
    setInhibited(false);
    if (newOwner.isEmpty()) {
        m_service = Service::Absent;
        emit serviceChanged(m_service);
        return;
    }
    m_service = Service::Unknown;
    query();
}

} // namespace vaulttray
