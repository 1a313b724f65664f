#pragma once

#include "daemon/accountstatus.h"
#include "store/archivereader.h"

#include <QHash>
#include <QTimer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QTreeWidget;
class QVBoxLayout;

namespace vaulttray {

class ArchiveQueryWorker;
class Scheduler;

// Per account: its state in plain words, a progress bar while it syncs, the current error; below, the last
// runs from sync_runs (read by an ArchiveQueryWorker, refreshed when a run ends).
class StatusWindow : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kRunsPerAccount = 10;
    // A sync reports progress per message; the window shows it at most this often (state changes at once).
    static constexpr int kProgressRenderMs = 250;

    StatusWindow(Scheduler &scheduler, const QString &archivePath, QWidget *parent = nullptr);
    ~StatusWindow() override;

    void reloadRuns();
    QProgressBar *progressBar(qint64 accountId) const;
    QLabel *stateLabel(qint64 accountId) const;
    QTreeWidget *runs() const { return m_runs; }

signals:
    void runsShown(int rows);

private:
    struct Row;
    void onAccountStateChanged(qint64 accountId, const AccountStatus &status);
    void showStatus(const AccountStatus &status);
    void showPendingProgress();
    void onRunsLoaded(quint64 generation, const QList<SyncRunRecord> &runs);
    Row &rowFor(const AccountStatus &status);

    Scheduler &m_scheduler;
    ArchiveQueryWorker *m_worker = nullptr;
    QVBoxLayout *m_accounts = nullptr;
    QTreeWidget *m_runs = nullptr;
    QHash<qint64, Row *> m_rows;
    QHash<qint64, QString> m_names;
    quint64 m_runsGeneration = 0;
    QHash<qint64, AccountStatus> m_pendingProgress; // progress that came within kProgressRenderMs of the last shown
    QTimer m_progressTimer;
};

} // namespace vaulttray
