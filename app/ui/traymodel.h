#pragma once

#include "daemon/accountstatus.h"
#include "store/writebatch.h"
#include "ui/traystate.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <optional>

namespace vaulttray {

class ArchiveQueryWorker;
class Daemon;
class Scheduler;

struct TrayAccount
{
    AccountStatus status;
    qint64 messages = -1; // archived and not deleted on the server; -1 until read
};

// What the tray and its menu show, kept from the scheduler's announcements and message counts read by an
// ArchiveQueryWorker — so nothing that renders it ever queries SQLite on the GUI thread.
class TrayModel : public QObject
{
    Q_OBJECT

public:
    // A run reports progress per message; the views follow it at most this often (a state change at once).
    static constexpr int kProgressRenderMs = 250;

    explicit TrayModel(QObject *parent = nullptr);

    // Takes the scheduler's current state, then follows its signals; counts are read again whenever a run's end is
    // in the archive. After Daemon::startScheduling().
    void follow(Daemon &daemon);
    void setArchiveFailed(const QString &why);

    QList<TrayAccount> accounts() const; // by name
    std::optional<TrayAccount> account(qint64 accountId) const;
    bool isPaused() const { return m_paused; }
    QDateTime pausedUntil() const { return m_pausedUntil; }
    bool archiveFailed() const { return !m_archiveFailure.isEmpty(); }
    QString archiveFailure() const { return m_archiveFailure; }
    TrayState state() const;

signals:
    void changed();
    // The counts were read again after a run's end reached the archive.
    void countsRead();

private:
    void onStateChanged(qint64 accountId, const AccountStatus &status);
    void readCounts();
    void onCounts(quint64 generation, const QList<AccountRecord> &accounts, const QList<qint64> &counts);
    void changedNow();

    QTimer m_progressTimer;

    Scheduler *m_scheduler = nullptr;
    ArchiveQueryWorker *m_worker = nullptr;
    quint64 m_countsAsked = 0;
    QHash<qint64, TrayAccount> m_accounts;
    bool m_paused = false;
    QDateTime m_pausedUntil;
    QString m_archiveFailure;
};

} // namespace vaulttray
