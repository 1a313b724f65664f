#include "ui/trayicon.h"

#include "core/logging.h"
#include "daemon/daemon.h"

#include <QApplication>
#include <QMenu>
#include <QMessageBox>
#include <QSystemTrayIcon>

namespace vaulttray {

TrayIcon::TrayIcon(Daemon &daemon, QObject *parent)
    : QObject(parent), m_daemon(daemon), m_icon(new QSystemTrayIcon(this)), m_menu(new QMenu)
{
    m_icon->setIcon(QIcon(QStringLiteral(":/icons/vaulttray-idle.svg")));
    m_icon->setToolTip(tr("vaulttray — archive at %1").arg(m_daemon.archivePath()));
    m_status = m_menu->addAction(tr("Archive ready"));
    m_status->setEnabled(false);
    m_menu->addSeparator();
    m_menu->addAction(tr("Quit"), qApp, &QApplication::quit);
    m_icon->setContextMenu(m_menu);
    connect(&m_daemon, &Daemon::archiveFailed, this, &TrayIcon::onArchiveFailed);
}

TrayIcon::~TrayIcon()
{
    delete m_menu;
}

void TrayIcon::show()
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        qCWarning(lcUi) << "no system tray is available; the archiver keeps running without an icon";
    m_icon->show();
}

void TrayIcon::bringForward()
{
    m_icon->showMessage(tr("vaulttray"), tr("vaulttray is already running; its menu is in the system tray."),
                        QSystemTrayIcon::Information);
}

void TrayIcon::onArchiveFailed(const StoreError &error)
{
    m_icon->setIcon(QIcon(QStringLiteral(":/icons/vaulttray-attention.svg")));
    m_status->setText(tr("The archive cannot be used"));
    QMessageBox::critical(nullptr, tr("vaulttray"), error.message);
}

} // namespace vaulttray
