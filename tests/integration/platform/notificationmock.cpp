#include "notificationmock.h"

#include <QDBusArgument>
#include <QDBusMetaType>
#include <QDBusVariant>

namespace vaulttray::test {

namespace {
const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
const QString kInterface = QStringLiteral("org.freedesktop.Notifications");

QVariant plain(const QVariant &v)
{
    if (v.canConvert<QDBusVariant>())
        return v.value<QDBusVariant>().variant();
    return v;
}

bool ok(const QDBusMessage &reply)
{
    if (reply.type() == QDBusMessage::ReplyMessage)
        return true;
    qWarning() << "notification mock:" << reply.errorName() << reply.errorMessage();
    return false;
}
} // namespace

NotificationMock::NotificationMock(const QString &capabilities)
    : m_mock(kService, QStringLiteral("notification_daemon"),
             QStringLiteral("{\"capabilities\": \"%1\"}").arg(capabilities), BusType::Session)
{
}

QString NotificationMock::start()
{
    return m_mock.start();
}

QList<QVariantList> NotificationMock::calls(const QString &method) const
{
    QList<QVariantList> out;
    const QDBusMessage reply = m_mock.callMock(kPath, QStringLiteral("GetCalls"), {});
    if (!ok(reply) || reply.arguments().isEmpty())
        return out;
    const QDBusArgument list = reply.arguments().first().value<QDBusArgument>();
    list.beginArray();
    while (!list.atEnd()) {
        qulonglong timestamp = 0;
        QString name;
        QVariantList args;
        list.beginStructure();
        list >> timestamp >> name;
        list.beginArray();
        while (!list.atEnd()) {
            QDBusVariant v;
            list >> v;
            args << v.variant();
        }
        list.endArray();
        list.endStructure();
        if (name == method)
            out << args;
    }
    list.endArray();
    return out;
}

QList<NotifyCall> NotificationMock::notifies() const
{
    QList<NotifyCall> out;
    uint nextId = m_idsIssued + 1;
    for (const QVariantList &a : calls(QStringLiteral("Notify"))) {
        if (a.size() != 8)
            continue;
        NotifyCall n;
        n.appName = a[0].toString();
        n.replacesId = a[1].toUInt();
        n.icon = a[2].toString();
        n.summary = a[3].toString();
        n.body = a[4].toString();
        n.actions = qdbus_cast<QStringList>(a[5]);
        if (a[5].canConvert<QStringList>() && n.actions.isEmpty())
            n.actions = a[5].toStringList();
        const QDBusArgument hints = a[6].value<QDBusArgument>();
        hints >> n.hints;
        n.expireTimeout = a[7].toInt();
        const QVariant urgency = plain(n.hints.value(QStringLiteral("urgency")));
        n.urgency = urgency.typeId() == QMetaType::UChar ? int(urgency.value<uchar>()) : -1;
        n.id = n.replacesId != 0 ? n.replacesId : nextId++;
        out << n;
    }
    return out;
}

QList<uint> NotificationMock::closed() const
{
    QList<uint> out;
    for (const QVariantList &a : calls(QStringLiteral("CloseNotification")))
        out << a.value(0).toUInt();
    return out;
}

void NotificationMock::clearCalls()
{
    for (const NotifyCall &n : notifies())
        m_idsIssued = std::max(m_idsIssued, n.id);
    ok(m_mock.callMock(kPath, QStringLiteral("ClearCalls"), {}));
}

bool NotificationMock::invokeAction(uint id, const QString &actionKey) const
{
    return ok(
        m_mock.emitSignal(kPath, kInterface, QStringLiteral("ActionInvoked"), QStringLiteral("us"), {id, actionKey}));
}

bool NotificationMock::emitClosed(uint id, uint reason) const
{
    return ok(
        m_mock.emitSignal(kPath, kInterface, QStringLiteral("NotificationClosed"), QStringLiteral("uu"), {id, reason}));
}

bool NotificationMock::addInhibitedProperty(bool inhibited) const
{
    return ok(m_mock.callMock(kPath, QStringLiteral("AddProperty"),
                              {kInterface, QStringLiteral("Inhibited"), QVariant::fromValue(QDBusVariant(inhibited))}));
}

bool NotificationMock::setInhibited(bool inhibited) const
{
    return ok(m_mock.call(kPath, QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Set"),
                          {kInterface, QStringLiteral("Inhibited"), QVariant::fromValue(QDBusVariant(inhibited))}));
}

int NotificationMock::countWithUrgency(int urgency) const
{
    int n = 0;
    for (const NotifyCall &c : notifies())
        n += c.urgency == urgency ? 1 : 0;
    return n;
}

} // namespace vaulttray::test
