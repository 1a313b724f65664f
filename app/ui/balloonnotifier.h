#pragma once

#include "platform/notifier.h"

class QSystemTrayIcon;

namespace vaulttray {

// Notices as the tray's own message balloon (QSystemTrayIcon::showMessage): macOS, Windows, and Linux desktops
// without a notification server. A balloon has no buttons; a click on it is the notice's default action. A new
// balloon replaces the one before; a withdrawn notice cannot be taken back from the screen, only forgotten.
class BalloonNotifier final : public Notifier
{
    Q_OBJECT

public:
    explicit BalloonNotifier(QSystemTrayIcon &icon, QObject *parent = nullptr);

    void show(const Notice &notice) override;
    void withdraw(const QString &kind) override;

private:
    QSystemTrayIcon &m_icon;
    QString m_kind;          // of the balloon last shown
    QString m_defaultAction; // its click
};

} // namespace vaulttray
