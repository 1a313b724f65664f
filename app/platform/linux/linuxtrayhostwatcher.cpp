#include "platform/linux/linuxtrayhostwatcher.h"

#include "platform/logging_platform.h"

#include <QDBusMessage>
#include <QDBusVariant>
#include <QGuiApplication>

#if defined(VAULTTRAY_HAVE_XCB) && QT_CONFIG(xcb)
#include <QtGui/qguiapplication_platform.h>

#include <xcb/xcb.h>

#include <cstdlib>
#endif

namespace vaulttray {

namespace {
const QString kWatcherService = QStringLiteral("org.kde.StatusNotifierWatcher");
const QString kWatcherPath = QStringLiteral("/StatusNotifierWatcher");
const QString kWatcherInterface = QStringLiteral("org.kde.StatusNotifierWatcher");
// The property read is a local round trip; a watcher that hangs must not hold the GUI thread long.
constexpr int kPropertyTimeoutMs = 1000;
// An X11 tray manager announces itself only to clients that listen to the root window's events: look again now and
// then instead.
constexpr std::chrono::milliseconds kXEmbedPollInterval{2000};
} // namespace

LinuxTrayHostWatcher::LinuxTrayHostWatcher(QDBusConnection bus, std::chrono::milliseconds limit, QObject *parent)
    : TrayHostWatcher(parent), m_bus(std::move(bus)), m_limit(limit)
{
    m_limitTimer.setSingleShot(true);
    connect(&m_limitTimer, &QTimer::timeout, this, [this] {
        qCWarning(lcPlatform) << "no tray host appeared within" << m_limit.count() << "ms; showing the icon anyway";
        finish(Host::Unknown);
    });
    connect(&m_xembedPoll, &QTimer::timeout, this, &LinuxTrayHostWatcher::check);
}

void LinuxTrayHostWatcher::start()
{
    if (m_started)
        return;
    m_started = true;
    if (m_bus.isConnected()) {
        m_watcher.setConnection(m_bus);
        m_watcher.setWatchMode(QDBusServiceWatcher::WatchForRegistration);
        m_watcher.addWatchedService(kWatcherService);
        connect(&m_watcher, &QDBusServiceWatcher::serviceRegistered, this, &LinuxTrayHostWatcher::check);
        // A watcher may come up before any panel has registered as its host.
        m_bus.connect(kWatcherService, kWatcherPath, kWatcherInterface, QStringLiteral("StatusNotifierHostRegistered"),
                      this, SLOT(onHostRegistered()));
    }
    check();
    if (m_done)
        return;
    qCInfo(lcPlatform) << "no tray host yet; the icon waits for one";
    m_limitTimer.start(m_limit);
    if (QGuiApplication::platformName() == QLatin1String("xcb"))
        m_xembedPoll.start(kXEmbedPollInterval);
}

void LinuxTrayHostWatcher::onHostRegistered()
{
    check();
}

void LinuxTrayHostWatcher::check()
{
    if (m_done)
        return;
    // In Qt's own order: the D-Bus tray wins where both are there.
    if (statusNotifierHost())
        finish(Host::StatusNotifier);
    else if (xembedTray())
        finish(Host::XEmbed);
}

bool LinuxTrayHostWatcher::statusNotifierHost()
{
    if (!m_bus.isConnected())
        return false;
    QDBusMessage get = QDBusMessage::createMethodCall(
        kWatcherService, kWatcherPath, QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
    get << kWatcherInterface << QStringLiteral("IsStatusNotifierHostRegistered");
    const QDBusMessage reply = m_bus.call(get, QDBus::Block, kPropertyTimeoutMs);
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty())
        return false;
    return reply.arguments().constFirst().value<QDBusVariant>().variant().toBool();
}

bool LinuxTrayHostWatcher::xembedTray()
{
#if defined(VAULTTRAY_HAVE_XCB) && QT_CONFIG(xcb)
    if (QGuiApplication::platformName() != QLatin1String("xcb"))
        return false;
    auto *x11 = qGuiApp->nativeInterface<QNativeInterface::QX11Application>();
    xcb_connection_t *connection = x11 ? x11->connection() : nullptr;
    if (!connection)
        return false;
    // The screen Qt's connection uses is the one $DISPLAY names.
    char *host = nullptr;
    int display = 0;
    int screen = 0;
    if (xcb_parse_display(nullptr, &host, &display, &screen))
        std::free(host);
    const QByteArray selection = QByteArrayLiteral("_NET_SYSTEM_TRAY_S") + QByteArray::number(screen);
    xcb_intern_atom_reply_t *atom = xcb_intern_atom_reply(
        connection, xcb_intern_atom(connection, 0, uint16_t(selection.size()), selection.constData()), nullptr);
    if (!atom)
        return false;
    xcb_get_selection_owner_reply_t *owner =
        xcb_get_selection_owner_reply(connection, xcb_get_selection_owner(connection, atom->atom), nullptr);
    const bool owned = owner && owner->owner != XCB_NONE;
    std::free(owner);
    std::free(atom);
    return owned;
#else
    return false;
#endif
}

void LinuxTrayHostWatcher::finish(Host host)
{
    m_done = true;
    m_limitTimer.stop();
    m_xembedPoll.stop();
    m_watcher.removeWatchedService(kWatcherService);
    m_bus.disconnect(kWatcherService, kWatcherPath, kWatcherInterface, QStringLiteral("StatusNotifierHostRegistered"),
                     this, SLOT(onHostRegistered()));
    qCInfo(lcPlatform) << "tray host:" << host;
    emit available(host);
}

} // namespace vaulttray
