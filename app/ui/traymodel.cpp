#include "ui/traymodel.h"

#include "daemon/daemon.h"
#include "daemon/scheduler.h"
#include "ui/archivequeryworker.h"

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

void TrayModel::follow(Daemon &daemon)
{
    Scheduler &scheduler = *daemon.scheduler();
    m_scheduler = &scheduler;
    m_worker = new ArchiveQueryWorker(daemon.archivePath(), this);
    connect(m_worker, &ArchiveQueryWorker::accountsLoaded, this, &TrayModel::onCounts);
    m_paused = scheduler.isPaused();
    m_pausedUntil = scheduler.pausedUntil();
    for (const AccountStatus &s : scheduler.statuses())
        m_accounts.insert(s.accountId, TrayAccount{s, -1});
    readCounts();
    connect(&scheduler, &Scheduler::accountStateChanged, this, &TrayModel::onStateChanged);
    connect(&daemon, &Daemon::runRecorded, this, &TrayModel::readCounts);
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
        readCounts();
    if (!progressOnly)
        changedNow();
    else if (!m_progressTimer.isActive())
        m_progressTimer.start();
}

void TrayModel::readCounts()
{
    if (m_worker)
        m_worker->loadAccounts(++m_countsAsked);
}

void TrayModel::onCounts(quint64 generation, const QList<AccountRecord> &accounts, const QList<qint64> &counts)
{
    if (generation != m_countsAsked)
        return; // an answer to an older question: a newer one is on its way
    for (int i = 0; i < accounts.size() && i < counts.size(); ++i) {
        const auto it = m_accounts.find(accounts[i].id);
        if (it == m_accounts.end())
            continue;
        it->messages = counts[i];
        // The scheduler's own copy: the last success time set when the run ended.
        if (m_scheduler)
            it->status = m_scheduler->status(accounts[i].id);
    }
    changedNow();
    emit countsRead();
}

} // namespace vaulttray
