#pragma once

#include "daemon/accountstatus.h"
#include "ui/traystate.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <optional>

namespace vaulttray {

class BackgroundReader;
class Daemon;
class Scheduler;

struct TrayAccount
{
    AccountStatus status;
    qint64 messages = -1; // archived and not deleted on the server; -1 until read
};

// What the tray, its menu and the status window show, kept from the scheduler's announcements and counts read
// on the reader's thread — so nothing that renders it ever queries SQLite on the GUI thread.
class TrayModel : public QObject
{
    Q_OBJECT

public:
    // A run reports progress per message; the views follow it at most this often (a state change at once).
    static constexpr int kProgressRenderMs = 250;

    explicit TrayModel(QObject *parent = nullptr);

    // Takes the scheduler's current state, then follows its signals; counts come from `reader`. After
    // Daemon::startScheduling().
    void follow(Daemon &daemon, BackgroundReader &reader);
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
    // A run's end is in the archive and the account's count was read again (the status window reloads its runs).
    void runRecorded(qint64 accountId);

private:
    void onStateChanged(qint64 accountId, const AccountStatus &status);
    void readCount(qint64 accountId, bool runEnded);
    void changedNow();

    QTimer m_progressTimer;

    Scheduler *m_scheduler = nullptr;
    BackgroundReader *m_reader = nullptr;
    QHash<qint64, TrayAccount> m_accounts;
    bool m_paused = false;
    QDateTime m_pausedUntil;
    QString m_archiveFailure;
};

} // namespace vaulttray
