#include "ui/trayicon.h"

#include "core/logging.h"
#include "daemon/daemon.h"
#include "daemon/gmailsignin.h"
#include "net/secrets/secretstore.h"
#include "store/archivereader.h"

#include <QApplication>
#include <QDesktopServices>
#include <QInputDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QSystemTrayIcon>

namespace vaulttray {

TrayIcon::TrayIcon(Daemon &daemon, std::shared_ptr<SecretStore> secrets, QObject *parent)
    : QObject(parent), m_daemon(daemon), m_icon(new QSystemTrayIcon(this)), m_menu(new QMenu),
      m_secrets(std::move(secrets))
{
    m_icon->setIcon(QIcon(QStringLiteral(":/icons/vaulttray-idle.svg")));
    m_icon->setToolTip(tr("vaulttray — archive at %1").arg(m_daemon.archivePath()));
    m_status = m_menu->addAction(tr("Archive ready"));
    m_status->setEnabled(false);
    m_menu->addSeparator();
    m_quit = m_menu->addAction(tr("Quit"), qApp, &QApplication::quit);
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

void TrayIcon::onSignInRequired(qint64 accountId)
{
    if (m_signInActions.contains(accountId) || !m_daemon.scheduler())
        return;
    const QString name = m_daemon.scheduler()->status(accountId).name;
    QAction *action = new QAction(tr("Sign in again to %1…").arg(name), m_menu);
    m_menu->insertAction(m_quit, action);
    connect(action, &QAction::triggered, this, [this, accountId] { signInAgain(accountId); });
    m_signInActions.insert(accountId, action);
    m_icon->setIcon(QIcon(QStringLiteral(":/icons/vaulttray-attention.svg")));
}

void TrayIcon::signInAgain(qint64 accountId)
{
    std::optional<AccountRecord> account;
    {
        ArchiveReader reader(m_daemon.archivePath());
        for (const AccountRecord &a : reader.accounts()) {
            if (a.id == accountId)
                account = a;
        }
    }
    if (!account)
        return;
    const QJsonObject settings = QJsonDocument::fromJson(account->settingsJson).object();
    if (account->provider != QLatin1String("gmail")) {
        bool ok = false;
        const QString password = QInputDialog::getText(nullptr, tr("Sign in again"),
                                                       tr("The server refused the password of %1. New password:")
                                                           .arg(account->name),
                                                       QLineEdit::Password, QString(), &ok);
        if (!ok || password.isEmpty())
            return; // the account stays in "needs sign-in", the menu entry stays
        SecretJob *job = m_secrets->write(secretKey(account->name, SecretKind::Password), password.toUtf8());
        connect(job, &SecretJob::finished, this, [this, accountId](const SecretResult &stored) {
            if (!stored.ok())
                QMessageBox::warning(nullptr, tr("vaulttray"), stored.failure.detail);
            else
                signedIn(accountId);
        });
        return;
    }
    auto *task = new GmailSignInTask({account->name, settings.value(QStringLiteral("clientFile")).toString(),
                                      settings.value(QStringLiteral("email")).toString()},
                                     m_secrets, m_daemon.clock(), [](const QUrl &url) { return QDesktopServices::openUrl(url); },
                                     this);
    connect(task, &GmailSignInTask::finished, this, [this, task, accountId](const GmailSignInOutcome &outcome) {
        task->deleteLater();
        if (!outcome.ok())
            QMessageBox::warning(nullptr, tr("vaulttray"), tr("Signing in again did not work: %1").arg(outcome.failure.detail));
        else
            signedIn(accountId);
    });
    task->start();
}

void TrayIcon::signedIn(qint64 accountId)
{
    if (QAction *action = m_signInActions.take(accountId))
        action->deleteLater();
    if (m_signInActions.isEmpty())
        m_icon->setIcon(QIcon(QStringLiteral(":/icons/vaulttray-idle.svg")));
    if (Scheduler *scheduler = m_daemon.scheduler())
        scheduler->signedIn(accountId);
}

void TrayIcon::onArchiveFailed(const StoreError &error)
{
    m_icon->setIcon(QIcon(QStringLiteral(":/icons/vaulttray-attention.svg")));
    m_status->setText(tr("The archive cannot be used"));
    QMessageBox::critical(nullptr, tr("vaulttray"), error.message);
}

} // namespace vaulttray
