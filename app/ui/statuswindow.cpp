#include "ui/statuswindow.h"

#include "daemon/scheduler.h"
#include "ui/archivequeryworker.h"
#include "ui/statustext.h"

#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <utility>

namespace vaulttray {

namespace {
// sync_runs.error_kind holds toString(FailureKind).
FailureKind failureKindNamed(const QString &name)
{
    for (const FailureKind kind :
         {FailureKind::NetworkTransient, FailureKind::ServerTransient, FailureKind::CredentialRejected,
          FailureKind::ClientMisconfigured, FailureKind::Local, FailureKind::BadData, FailureKind::Cancelled})
        if (toString(kind) == name)
            return kind;
    return FailureKind::None;
}
} // namespace

struct StatusWindow::Row
{
    QGroupBox *box = nullptr;
    QLabel *state = nullptr;
    QProgressBar *progress = nullptr;
    QLabel *error = nullptr;
    AccountState shown = AccountState::Idle;
};

StatusWindow::StatusWindow(Scheduler &scheduler, const QString &archivePath, QWidget *parent)
    : QWidget(parent), m_scheduler(scheduler), m_worker(new ArchiveQueryWorker(archivePath, this))
{
    setWindowTitle(tr("vaulttray — Status"));
    m_accounts = new QVBoxLayout;
    m_runs = new QTreeWidget(this);
    m_runs->setRootIsDecorated(false);
    m_runs->setHeaderLabels({tr("Account"), tr("Started"), tr("Ended"), tr("Outcome"), tr("Problem")});
    m_runs->header()->setSectionResizeMode(4, QHeaderView::Stretch);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_accounts);
    layout->addWidget(new QLabel(tr("Recent runs"), this));
    layout->addWidget(m_runs, 1);
    resize(720, 480);

    m_progressTimer.setSingleShot(true);
    m_progressTimer.setInterval(kProgressRenderMs);
    connect(&m_progressTimer, &QTimer::timeout, this, &StatusWindow::showPendingProgress);
    for (const AccountStatus &s : scheduler.statuses())
        showStatus(s);
    connect(&scheduler, &Scheduler::accountStateChanged, this, &StatusWindow::onAccountStateChanged);
    connect(&scheduler, &Scheduler::syncFinished, this, &StatusWindow::reloadRuns);
    connect(m_worker, &ArchiveQueryWorker::syncRunsLoaded, this, &StatusWindow::onRunsLoaded);
    reloadRuns();
}

StatusWindow::~StatusWindow()
{
    qDeleteAll(m_rows);
}

StatusWindow::Row &StatusWindow::rowFor(const AccountStatus &status)
{
    Row *&row = m_rows[status.accountId];
    if (!row) {
        row = new Row;
        row->box = new QGroupBox(status.name, this);
        row->state = new QLabel(row->box);
        row->progress = new QProgressBar(row->box);
        row->error = new QLabel(row->box);
        row->error->setWordWrap(true);
        auto *box = new QVBoxLayout(row->box);
        box->addWidget(row->state);
        box->addWidget(row->progress);
        box->addWidget(row->error);
        m_accounts->addWidget(row->box);
    }
    m_names.insert(status.accountId, status.name);
    return *row;
}

void StatusWindow::onAccountStateChanged(qint64 accountId, const AccountStatus &status)
{
    const Row *row = m_rows.value(accountId);
    const bool progressOnly = row && row->shown == AccountState::Syncing && status.state == AccountState::Syncing;
    if (!progressOnly) {
        m_pendingProgress.remove(accountId);
        showStatus(status);
        return;
    }
    // The first progress in a while shows at once; what follows within kProgressRenderMs shows when it is over.
    if (m_progressTimer.isActive()) {
        m_pendingProgress.insert(accountId, status);
        return;
    }
    showStatus(status);
    m_progressTimer.start();
}

void StatusWindow::showPendingProgress()
{
    if (m_pendingProgress.isEmpty())
        return;
    const QHash<qint64, AccountStatus> pending = std::exchange(m_pendingProgress, {});
    for (const AccountStatus &status : pending)
        showStatus(status);
    m_progressTimer.start();
}

void StatusWindow::showStatus(const AccountStatus &status)
{
    Row &row = rowFor(status);
    row.shown = status.state;
    row.state->setText(StatusText::state(status));
    const bool syncing = status.state == AccountState::Syncing;
    row.progress->setVisible(syncing);
    if (syncing) {
        // Unknown total: a busy bar rather than a made-up percentage.
        row.progress->setRange(0, status.progress.total > 0 ? int(status.progress.total) : 0);
        row.progress->setValue(int(status.progress.done));
    }
    const QString error = status.state == AccountState::Syncing ? QString() : StatusText::failure(status.lastFailure);
    row.error->setText(error);
    row.error->setVisible(!error.isEmpty());
}

QProgressBar *StatusWindow::progressBar(qint64 accountId) const
{
    const Row *row = m_rows.value(accountId);
    return row ? row->progress : nullptr;
}

QLabel *StatusWindow::stateLabel(qint64 accountId) const
{
    const Row *row = m_rows.value(accountId);
    return row ? row->state : nullptr;
}

void StatusWindow::reloadRuns()
{
    QList<qint64> ids;
    for (const AccountStatus &s : m_scheduler.statuses())
        ids << s.accountId;
    m_worker->loadSyncRuns(++m_runsGeneration, ids, kRunsPerAccount);
}

void StatusWindow::onRunsLoaded(quint64 generation, const QList<SyncRunRecord> &runs)
{
    if (generation != m_runsGeneration)
        return;
    QList<SyncRunRecord> sorted = runs;
    std::sort(sorted.begin(), sorted.end(),
              [](const SyncRunRecord &a, const SyncRunRecord &b) { return a.startedAt > b.startedAt; });
    m_runs->clear();
    const QLocale locale;
    for (const SyncRunRecord &run : sorted) {
        const QString problem =
            run.errorKind.isEmpty() ? QString()
                                    : StatusText::failure(Failure::of(failureKindNamed(run.errorKind), {}));
        new QTreeWidgetItem(m_runs, {m_names.value(run.accountId),
                                     locale.toString(run.startedAt.toLocalTime(), QLocale::ShortFormat),
                                     run.endedAt.isValid()
                                         ? locale.toString(run.endedAt.toLocalTime(), QLocale::ShortFormat)
                                         : QString(),
                                     StatusText::runOutcome(run), problem});
    }
    for (int c = 0; c < 4; ++c)
        m_runs->resizeColumnToContents(c);
    emit runsShown(m_runs->topLevelItemCount());
}

} // namespace vaulttray
