#pragma once

#include "core/failure.h"
#include "platform/notifier.h"
#include "store/archivereader.h"

#include <QDateTime>
#include <QHash>
#include <QMap>
#include <QObject>
#include <QSet>

namespace vaulttray {

class ArchiveQueryWorker;
class Daemon;
class Scheduler;

// What the person hears, decided from the scheduler's announcements (DESIGN.md):
// - a network blip: nothing (the scheduler never announces one);
// - an outage that lasted (outageLasting): one gentle, low-urgency notice for all accounts that are out, replaced
//   as that set changes, never stacked, withdrawn when the last one recovers (outageEnded);
// - a rejected credential (signInRequired): one critical notice for the account, with "Sign in again", withdrawn
//   once the account syncs again;
// - a failure a retry will not fix (accountFailed): a misconfiguration as a normal notice, a local problem (disk,
//   archive) as a critical one, both with "Show details";
// - optionally, after a run that archived new mail, a low-urgency summary (off by default; never right after a wake).
// "Do not disturb" (Notifier::isInhibited) holds every notice that is not critical until it ends.
class NotificationPolicy : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        bool summaryAfterSync = false;
    };

    // Notice kinds and action keys, as the Notifier reports them back.
    static const QString kOutageKind;
    static const QString kSummaryKind;
    static const QString kSignInAction;
    static const QString kSyncNowAction;
    static const QString kDetailsAction;
    static QString signInKind(qint64 accountId);
    static QString failedKind(qint64 accountId);

    NotificationPolicy(Notifier &notifier, Options options, QObject *parent = nullptr);

    // After Daemon::startScheduling().
    void follow(Daemon &daemon);
    // The person changed the notification choices (the settings window).
    void setOptions(Options options) { m_options = options; }

signals:
    void signInRequested(qint64 accountId);
    void syncNowRequested();
    void detailsRequested();

private:
    void onSignInRequired(qint64 accountId);
    void onAccountFailed(qint64 accountId, const Failure &failure);
    void onOutageLasting(qint64 accountId, const QDateTime &since);
    void onOutageEnded(qint64 accountId);
    void onSyncFinished(qint64 accountId, const Failure &result);
    void onRunRecorded(qint64 accountId);
    void onRunsLoaded(quint64 generation, const QList<SyncRunRecord> &runs);
    void onRecovered(qint64 accountId);
    void onAction(const QString &kind, const QString &actionKey);
    void showOutage();
    void deliver(const Notifier::Notice &notice);
    void withdraw(const QString &kind);
    QString nameOf(qint64 accountId) const;

    Notifier &m_notifier;
    Options m_options;
    Scheduler *m_scheduler = nullptr;
    QString m_archivePath;
    ArchiveQueryWorker *m_worker = nullptr; // made when the first summary is asked for
    quint64 m_runsAsked = 0;
    QHash<quint64, QString> m_summaryFor; // question → account name
    QMap<QString, QDateTime> m_outages;   // account name → since, for the accounts announced as out
    QHash<qint64, QString> m_outageNames;
    QSet<qint64> m_signInShown;
    QSet<qint64> m_failedShown;
    QHash<QString, Notifier::Notice> m_held; // by kind, while "do not disturb" is on
};

} // namespace vaulttray
