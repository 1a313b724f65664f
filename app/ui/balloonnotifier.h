#pragma once

#include "platform/notifier.h"

#include <QPointer>
#include <QSystemTrayIcon>

#include <optional>

namespace vaulttray {

// Notices as the tray's own message balloon (QSystemTrayIcon::showMessage): macOS, Windows, and Linux desktops
// without a notification server. A balloon has no buttons; a click on it is the notice's default action. A new
// balloon replaces the one before; a withdrawn notice cannot be taken back from the screen, only forgotten. Before the
// tray has its icon (no tray host yet) the last notice waits and is shown when the icon comes.
class BalloonNotifier final : public Notifier
{
    Q_OBJECT

public:
    explicit BalloonNotifier(QSystemTrayIcon *icon = nullptr, QObject *parent = nullptr);

    // The icon the balloons come from, once there is one; shows the notice that waited for it.
    void setIcon(QSystemTrayIcon *icon);

    void show(const Notice &notice) override;
    void withdraw(const QString &kind) override;

private:
    QPointer<QSystemTrayIcon> m_icon;
    std::optional<Notice> m_waiting;
    QString m_kind;          // of the balloon last shown
    QString m_defaultAction; // its click
};

} // namespace vaulttray
