#include "ui/balloonnotifier.h"

#include <QSystemTrayIcon>

namespace vaulttray {

namespace {
// How long a balloon stays: the platform's own default where it has one; a sign-in notice longer.
constexpr int kBalloonMs = 10000;
constexpr int kCriticalBalloonMs = 60000;
} // namespace

BalloonNotifier::BalloonNotifier(QSystemTrayIcon *icon, QObject *parent) : Notifier(parent)
{
    setIcon(icon);
}

void BalloonNotifier::setIcon(QSystemTrayIcon *icon)
{
    if (!icon || m_icon)
        return;
    m_icon = icon;
    connect(m_icon, &QSystemTrayIcon::messageClicked, this, [this] {
        if (!m_kind.isEmpty() && !m_defaultAction.isEmpty())
            emit actionInvoked(m_kind, m_defaultAction);
    });
    if (m_waiting) {
        const Notice notice = *m_waiting;
        m_waiting.reset();
        show(notice);
    }
}

void BalloonNotifier::show(const Notice &notice)
{
    if (!m_icon) {
        m_waiting = notice;
        return;
    }
    m_kind = notice.kind;
    m_defaultAction = notice.defaultAction;
    const bool critical = notice.urgency == Urgency::Critical;
    // Critical, not Warning: with a StatusNotifierItem tray, Qt sends the balloon to the notification server, and
    // only a Critical one goes as critical (urgency 2) with the "default" action that makes a click reach us.
    m_icon->showMessage(notice.title, notice.body, critical ? QSystemTrayIcon::Critical : QSystemTrayIcon::Information,
                        critical ? kCriticalBalloonMs : kBalloonMs);
}

void BalloonNotifier::withdraw(const QString &kind)
{
    if (m_waiting && m_waiting->kind == kind)
        m_waiting.reset();
    if (kind == m_kind) {
        m_kind.clear();
        m_defaultAction.clear();
    }
}

} // namespace vaulttray
