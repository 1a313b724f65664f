#include "ui/traymodel.h"

#include "daemon/daemon.h"
#include "daemon/scheduler.h"
#include "store/archivereader.h"
#include "store/backgroundreader.h"

namespace vaulttray {

TrayModel::TrayModel(QObject *parent) : QObject(parent)
{
    m_progressTimer.setSingleShot(true);
    m_progressTimer.setInterval(kProgressRenderMs);
    connect(&m_progressTimer, &QTimer::timeout, this, &TrayModel::changed);
}

void TrayModel::changedNow()
{
    m_progressTimer.stop();
    emit changed();
}

void TrayModel::follow(Daemon &daemon, BackgroundReader &reader)
{
    Scheduler &scheduler = *daemon.scheduler();
    m_scheduler = &scheduler;
    m_reader = &reader;
    m_paused = scheduler.isPaused();
    m_pausedUntil = scheduler.pausedUntil();
    for (const AccountStatus &s : scheduler.statuses()) {
        m_accounts.insert(s.accountId, TrayAccount{s, -1});
        readCount(s.accountId, false);
    }
    connect(&scheduler, &Scheduler::accountStateChanged, this, &TrayModel::onStateChanged);
    connect(&daemon, &Daemon::runRecorded, this, [this](qint64 accountId) { readCount(accountId, true); });
    connect(&scheduler, &Scheduler::accountRemoved, this, [this](qint64 accountId) {
        if (m_accounts.remove(accountId))
            changedNow();
    });
    connect(&scheduler, &Scheduler::pauseChanged, this, [this](bool paused, const QDateTime &until) {
        m_paused = paused;
        m_pausedUntil = until;
        changedNow();
    });
    changedNow();
}

void TrayModel::setArchiveFailed(const QString &why)
{
    m_archiveFailure = why;
    changedNow();
}

QList<TrayAccount> TrayModel::accounts() const
{
    QList<TrayAccount> out = m_accounts.values();
    std::sort(out.begin(), out.end(),
              [](const TrayAccount &a, const TrayAccount &b) { return a.status.name < b.status.name; });
    return out;
}

std::optional<TrayAccount> TrayModel::account(qint64 accountId) const
{
    const auto it = m_accounts.constFind(accountId);
    return it == m_accounts.cend() ? std::nullopt : std::optional<TrayAccount>(*it);
}

TrayState TrayModel::state() const
{
    QList<AccountStatus> statuses;
    for (const TrayAccount &a : m_accounts)
        statuses << a.status;
    return trayStateFor(statuses, m_paused, archiveFailed());
}

void TrayModel::onStateChanged(qint64 accountId, const AccountStatus &status)
{
    const bool known = m_accounts.contains(accountId);
    TrayAccount &account = m_accounts[accountId];
    const bool progressOnly =
        known && account.status.state == AccountState::Syncing && status.state == AccountState::Syncing;
    account.status = status;
    if (!known)
        readCount(accountId, false);
    if (!progressOnly)
        changedNow();
    else if (!m_progressTimer.isActive())
        m_progressTimer.start();
}

void TrayModel::readCount(qint64 accountId, bool runEnded)
{
    if (!m_reader)
        return;
    m_reader->read<qint64>([accountId](ArchiveReader &reader) { return reader.messageCount(accountId, false); }, this,
                           [this, accountId, runEnded](qint64 count) {
                               const auto it = m_accounts.find(accountId);
                               if (it == m_accounts.end())
                                   return;
                               it->messages = count;
                               // The scheduler's own copy: the last success time set when the run ended.
                               if (m_scheduler)
                                   it->status = m_scheduler->status(accountId);
                               changedNow();
                               if (runEnded)
                                   emit runRecorded(accountId);
                           });
}

} // namespace vaulttray
