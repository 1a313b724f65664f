#pragma once

#include <QDBusConnection>
#include <QDBusMessage>
#include <QHash>
#include <QImage>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QVariant>

namespace vaulttray::test {

// An item's ToolTip property (StatusNotifierItem: icon name, icon pixmaps, title, description).
struct SniToolTip
{
    QString iconName;
    QList<QImage> images;
    QString title;
    QString subTitle;
};

// One entry of a com.canonical.dbusmenu layout (GetLayout), as a panel draws it.
struct MenuEntry
{
    int id = 0;
    QString label; // mnemonics as dbusmenu writes them ('_')
    bool visible = true;
    bool enabled = true;
    bool separator = false;
    QList<MenuEntry> children;
};

// A desktop panel that shows StatusNotifierItems, as KDE Plasma's or GNOME's AppIndicator extension does: it runs
// the StatusNotifierWatcher (sniwatcher.py, a process of its own, which can be stopped and started again as when a
// panel restarts) and talks to the items over D-Bus from a connection of its own. Every call waits for its answer
// in an event loop, so items served by this same process answer too.
class SniPanel : public QObject
{
    Q_OBJECT

public:
    // `watcherScript`: the path of sniwatcher.py.
    explicit SniPanel(QString watcherScript, QObject *parent = nullptr);
    ~SniPanel() override;

    // Starts the watcher and waits until it owns org.kde.StatusNotifierWatcher. Empty on success, else what failed.
    QString startWatcher();
    // Ends the watcher and waits until its name has left the bus.
    void stopWatcher();

    // The watcher's RegisteredStatusNotifierItems ("<bus name>/StatusNotifierItem"); empty when it is not there.
    QStringList registeredItems();
    // What the watcher announced, in order (StatusNotifierItemRegistered / ...Unregistered).
    QStringList registeredSignals() const { return m_registered; }
    QStringList unregisteredSignals() const { return m_unregistered; }
    // How often items emitted `name` (NewIcon, NewToolTip, NewStatus, LayoutUpdated, ItemsPropertiesUpdated).
    int signalCount(const QString &name) const { return m_itemSignals.value(name); }

    // A property of the item `itemKey` ("<bus name>/StatusNotifierItem"); invalid on error.
    QVariant property(const QString &itemKey, const QString &name);
    QList<QImage> iconPixmaps(const QString &itemKey);
    SniToolTip toolTip(const QString &itemKey);
    // Calls a method of the item's org.kde.StatusNotifierItem interface (Activate, ContextMenu, ...).
    QDBusMessage callItem(const QString &itemKey, const QString &method, const QVariantList &arguments);

    // The item's menu as a panel reads it before showing it: AboutToShow(0), then GetLayout(0, -1, []).
    QList<MenuEntry> menu(const QString &itemKey);
    // The person picks an entry: Event(id, "clicked", 0, 0). False when the item refused it.
    bool click(const QString &itemKey, int entryId);

    // One D-Bus call, waiting for its answer in an event loop.
    QDBusMessage call(const QDBusMessage &message);

private slots:
    // D-Bus signals, hence slots connected by name.
    void onItemRegistered(const QString &item);
    void onItemUnregistered(const QString &item);
    void onItemSignal(const QDBusMessage &message);

private:
    bool watcherOnBus();
    QString menuPath(const QString &itemKey);

    QString m_script;
    QDBusConnection m_bus;
    QProcess m_watcher;
    QStringList m_registered;
    QStringList m_unregistered;
    QHash<QString, int> m_itemSignals;
};

// The service ("<bus name>") and object path of an item key.
QString itemService(const QString &itemKey);
QString itemPath(const QString &itemKey);
// The entries of a layout, depth first, by visible label; nullptr when none has that label.
const MenuEntry *findEntry(const QList<MenuEntry> &entries, const QString &label);
// The labels of the visible, non-separator entries at the top level.
QStringList visibleLabels(const QList<MenuEntry> &entries);

} // namespace vaulttray::test
