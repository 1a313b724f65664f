#include "snipanel.h"

#include "integration/platform/dbustestbed.h"

#include <QDBusArgument>
#include <QDBusConnectionInterface>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusServiceWatcher>
#include <QDBusVariant>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QSignalSpy>
#include <QtEndian>

namespace vaulttray::test {

namespace {
// Real process starts and D-Bus round trips only.
constexpr int kIoTimeoutMs = 10000;

const QString kWatcher = QStringLiteral("org.kde.StatusNotifierWatcher");
const QString kWatcherPath = QStringLiteral("/StatusNotifierWatcher");
const QString kItem = QStringLiteral("org.kde.StatusNotifierItem");
const QString kItemPath = QStringLiteral("/StatusNotifierItem");
const QString kMenu = QStringLiteral("com.canonical.dbusmenu");
const QString kProperties = QStringLiteral("org.freedesktop.DBus.Properties");

// An a(iiay) of ARGB32 pixels in network byte order, as the StatusNotifierItem specification sends icons.
QList<QImage> decodeImages(const QDBusArgument &argument)
{
    QList<QImage> images;
    argument.beginArray();
    while (!argument.atEnd()) {
        int width = 0;
        int height = 0;
        QByteArray data;
        argument.beginStructure();
        argument >> width >> height >> data;
        argument.endStructure();
        if (width <= 0 || height <= 0 || data.size() != qsizetype(width) * height * 4) {
            images << QImage(); // a malformed pixmap stays visible to the test as a null image
            continue;
        }
        QImage image(width, height, QImage::Format_ARGB32);
        const auto *pixels = reinterpret_cast<const uchar *>(data.constData());
        for (int y = 0; y < height; ++y) {
            for (int x = 0; x < width; ++x)
                image.setPixel(x, y, qFromBigEndian<quint32>(pixels + 4 * (qsizetype(y) * width + x)));
        }
        images << image;
    }
    argument.endArray();
    return images;
}

MenuEntry decodeEntry(const QDBusArgument &argument)
{
    MenuEntry entry;
    QVariantMap properties;
    argument.beginStructure();
    argument >> entry.id >> properties;
    argument.beginArray();
    while (!argument.atEnd()) {
        QDBusVariant child;
        argument >> child;
        entry.children << decodeEntry(child.variant().value<QDBusArgument>());
    }
    argument.endArray();
    argument.endStructure();
    entry.label = properties.value(QStringLiteral("label")).toString();
    entry.visible = properties.value(QStringLiteral("visible"), true).toBool();
    entry.enabled = properties.value(QStringLiteral("enabled"), true).toBool();
    entry.separator = properties.value(QStringLiteral("type")).toString() == QLatin1String("separator");
    return entry;
}
} // namespace

QString itemService(const QString &itemKey)
{
    return itemKey.left(itemKey.indexOf(QLatin1Char('/')));
}

QString itemPath(const QString &itemKey)
{
    const qsizetype slash = itemKey.indexOf(QLatin1Char('/'));
    return slash < 0 ? kItemPath : itemKey.mid(slash);
}

const MenuEntry *findEntry(const QList<MenuEntry> &entries, const QString &label)
{
    for (const MenuEntry &e : entries) {
        if (e.visible && e.label == label)
            return &e;
        if (const MenuEntry *child = findEntry(e.children, label))
            return child;
    }
    return nullptr;
}

QStringList visibleLabels(const QList<MenuEntry> &entries)
{
    QStringList labels;
    for (const MenuEntry &e : entries) {
        if (e.visible && !e.separator)
            labels << e.label;
    }
    return labels;
}

SniPanel::SniPanel(QString watcherScript, QObject *parent)
    : QObject(parent), m_script(std::move(watcherScript)),
      m_bus(QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("vaulttray-test-panel")))
{
    // Any sender: the watcher's unique name changes when it restarts, and items are told apart by the sender.
    m_bus.connect(QString(), kWatcherPath, kWatcher, QStringLiteral("StatusNotifierItemRegistered"), this,
                  SLOT(onItemRegistered(QString)));
    m_bus.connect(QString(), kWatcherPath, kWatcher, QStringLiteral("StatusNotifierItemUnregistered"), this,
                  SLOT(onItemUnregistered(QString)));
    for (const char *name : {"NewIcon", "NewToolTip", "NewStatus", "NewTitle", "NewMenu"})
        m_bus.connect(QString(), kItemPath, kItem, QString::fromLatin1(name), this, SLOT(onItemSignal(QDBusMessage)));
    for (const char *name : {"LayoutUpdated", "ItemsPropertiesUpdated"})
        m_bus.connect(QString(), QString(), kMenu, QString::fromLatin1(name), this, SLOT(onItemSignal(QDBusMessage)));
    m_watcher.setProcessChannelMode(QProcess::ForwardedErrorChannel);
}

SniPanel::~SniPanel()
{
    if (m_watcher.state() != QProcess::NotRunning) {
        m_watcher.terminate();
        m_watcher.waitForFinished(kIoTimeoutMs);
    }
    QDBusConnection::disconnectFromBus(m_bus.name());
}

bool SniPanel::watcherOnBus()
{
    return m_bus.interface()->isServiceRegistered(kWatcher).value();
}

QString SniPanel::startWatcher()
{
    if (!m_bus.isConnected())
        return QStringLiteral("the panel has no session bus: %1").arg(m_bus.lastError().message());
    m_watcher.start(kSystemPython, {m_script});
    if (!m_watcher.waitForStarted(kIoTimeoutMs))
        return QStringLiteral("sniwatcher.py did not start: %1").arg(m_watcher.errorString());
    const QDeadlineTimer deadline(kIoTimeoutMs);
    while (!m_watcher.canReadLine()) {
        if (deadline.hasExpired() || !m_watcher.waitForReadyRead(int(deadline.remainingTime())))
            return QStringLiteral("sniwatcher.py did not get ready (exit %1)").arg(m_watcher.exitCode());
    }
    if (m_watcher.readLine().trimmed() != "ready")
        return QStringLiteral("sniwatcher.py said something else than ready");
    return watcherOnBus() ? QString() : QStringLiteral("the watcher's name is not on the bus");
}

void SniPanel::stopWatcher()
{
    QDBusServiceWatcher gone(kWatcher, m_bus, QDBusServiceWatcher::WatchForUnregistration);
    QSignalSpy unregistered(&gone, &QDBusServiceWatcher::serviceUnregistered);
    m_watcher.terminate();
    m_watcher.waitForFinished(kIoTimeoutMs);
    if (watcherOnBus() && unregistered.isEmpty())
        unregistered.wait(kIoTimeoutMs);
}

QDBusMessage SniPanel::call(const QDBusMessage &message)
{
    QDBusPendingCallWatcher pending(m_bus.asyncCall(message, kIoTimeoutMs));
    if (!pending.isFinished()) {
        QEventLoop loop;
        connect(&pending, &QDBusPendingCallWatcher::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return pending.reply();
}

QStringList SniPanel::registeredItems()
{
    QDBusMessage get = QDBusMessage::createMethodCall(kWatcher, kWatcherPath, kProperties, QStringLiteral("Get"));
    get << kWatcher << QStringLiteral("RegisteredStatusNotifierItems");
    const QDBusMessage reply = call(get);
    if (reply.type() != QDBusMessage::ReplyMessage)
        return {};
    return reply.arguments().value(0).value<QDBusVariant>().variant().toStringList();
}

QVariant SniPanel::property(const QString &itemKey, const QString &name)
{
    QDBusMessage get =
        QDBusMessage::createMethodCall(itemService(itemKey), itemPath(itemKey), kProperties, QStringLiteral("Get"));
    get << kItem << name;
    const QDBusMessage reply = call(get);
    if (reply.type() != QDBusMessage::ReplyMessage)
        return {};
    return reply.arguments().value(0).value<QDBusVariant>().variant();
}

QList<QImage> SniPanel::iconPixmaps(const QString &itemKey)
{
    const QVariant value = property(itemKey, QStringLiteral("IconPixmap"));
    if (!value.canConvert<QDBusArgument>())
        return {};
    return decodeImages(value.value<QDBusArgument>());
}

SniToolTip SniPanel::toolTip(const QString &itemKey)
{
    SniToolTip tip;
    const QVariant value = property(itemKey, QStringLiteral("ToolTip"));
    if (!value.canConvert<QDBusArgument>())
        return tip;
    const QDBusArgument argument = value.value<QDBusArgument>();
    argument.beginStructure();
    argument >> tip.iconName;
    tip.images = decodeImages(argument);
    argument >> tip.title >> tip.subTitle;
    argument.endStructure();
    return tip;
}

QDBusMessage SniPanel::callItem(const QString &itemKey, const QString &method, const QVariantList &arguments)
{
    QDBusMessage message = QDBusMessage::createMethodCall(itemService(itemKey), itemPath(itemKey), kItem, method);
    message.setArguments(arguments);
    return call(message);
}

QString SniPanel::menuPath(const QString &itemKey)
{
    return property(itemKey, QStringLiteral("Menu")).value<QDBusObjectPath>().path();
}

QList<MenuEntry> SniPanel::menu(const QString &itemKey)
{
    const QString path = menuPath(itemKey);
    if (path.isEmpty())
        return {};
    QDBusMessage aboutToShow =
        QDBusMessage::createMethodCall(itemService(itemKey), path, kMenu, QStringLiteral("AboutToShow"));
    aboutToShow << 0;
    call(aboutToShow);
    QDBusMessage getLayout =
        QDBusMessage::createMethodCall(itemService(itemKey), path, kMenu, QStringLiteral("GetLayout"));
    getLayout << 0 << -1 << QStringList();
    const QDBusMessage reply = call(getLayout);
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().size() != 2)
        return {};
    return decodeEntry(reply.arguments().at(1).value<QDBusArgument>()).children;
}

bool SniPanel::click(const QString &itemKey, int entryId)
{
    QDBusMessage event =
        QDBusMessage::createMethodCall(itemService(itemKey), menuPath(itemKey), kMenu, QStringLiteral("Event"));
    event << entryId << QStringLiteral("clicked") << QVariant::fromValue(QDBusVariant(0)) << 0u;
    return call(event).type() == QDBusMessage::ReplyMessage;
}

void SniPanel::onItemRegistered(const QString &item)
{
    m_registered << item;
}

void SniPanel::onItemUnregistered(const QString &item)
{
    m_unregistered << item;
}

void SniPanel::onItemSignal(const QDBusMessage &message)
{
    ++m_itemSignals[message.member()];
}

} // namespace vaulttray::test
