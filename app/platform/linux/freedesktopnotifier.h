#pragma once

#include "platform/notifier.h"

#include <QDBusConnection>
#include <QHash>
#include <QStringList>
#include <QVariantMap>

#include <optional>

class QDBusPendingCallWatcher;
class QDBusServiceWatcher;

namespace vaulttray {

// Notices through the desktop's notification server, org.freedesktop.Notifications (Desktop Notifications
// Specification 1.2): actions where the server has the "actions" capability, replaces_id so a notice replaces the
// last one of its kind, the urgency hint (a byte: 0 low, 1 normal, 2 critical), CloseNotification to withdraw.
// "Do not disturb" is read from the server's `Inhibited` property where it has one (KDE Plasma) and followed
// through PropertiesChanged. Where no server answers, every notice goes to `fallback` (the tray's balloon);
// notices asked for before the first answer wait for it.
class FreedesktopNotifier final : public Notifier
{
    Q_OBJECT

public:
    enum class Service { Unknown, Present, Absent };

    FreedesktopNotifier(const QDBusConnection &bus, QString appName, QString desktopEntry, Notifier *fallback,
                        QObject *parent = nullptr);
    ~FreedesktopNotifier() override;

    void show(const Notice &notice) override;
    void withdraw(const QString &kind) override;
    bool isInhibited() const override { return m_inhibited; }

    Service service() const { return m_service; }
    QStringList capabilities() const { return m_capabilities; }

signals:
    // The server answered (or did not): service() is known.
    void serviceChanged(vaulttray::FreedesktopNotifier::Service service);

private slots:
    // D-Bus signals, hence slots connected by name.
    void onActionInvoked(uint id, const QString &actionKey);
    void onNotificationClosed(uint id, uint reason);
    void onPropertiesChanged(const QString &interface, const QVariantMap &changed, const QStringList &invalidated);

private:
    struct Shown
    {
        uint id = 0;                // the server's id, 0 until Notify answered
        bool inFlight = false;      // a Notify for this kind awaits its answer
        std::optional<Notice> next; // asked for while one was in flight: sent with its replaces_id
        bool withdrawn = false;     // withdrawn while in flight: closed once the id is known
        Notice notice;
    };

    void query();
    void onCapabilities(QDBusPendingCallWatcher *call);
    void readInhibited();
    void setInhibited(bool inhibited);
    void send(const Notice &notice);
    void onNotified(const QString &kind, QDBusPendingCallWatcher *call);
    void close(uint id);
    void onServiceOwnerChanged(const QString &service, const QString &oldOwner, const QString &newOwner);

    QDBusConnection m_bus;
    QString m_appName;
    QString m_desktopEntry;
    Notifier *m_fallback = nullptr;
    QDBusServiceWatcher *m_watcher = nullptr;
    Service m_service = Service::Unknown;
    QStringList m_capabilities;
    bool m_inhibited = false;
    QHash<QString, Shown> m_shown; // by kind
    QHash<uint, QString> m_kindById;
    QList<Notice> m_waiting; // until the server's first answer
};

} // namespace vaulttray
