#include "ui/notificationpolicy.h"

#include "core/logging.h"
#include "daemon/daemon.h"
#include "daemon/scheduler.h"
#include "ui/archivequeryworker.h"
#include "ui/statustext.h"

#include <QLocale>

namespace vaulttray {

const QString NotificationPolicy::kOutageKind = QStringLiteral("outage");
const QString NotificationPolicy::kSummaryKind = QStringLiteral("summary");
const QString NotificationPolicy::kSignInAction = QStringLiteral("signin");
const QString NotificationPolicy::kSyncNowAction = QStringLiteral("syncnow");
const QString NotificationPolicy::kDetailsAction = QStringLiteral("details");

QString NotificationPolicy::signInKind(qint64 accountId)
{
    return QStringLiteral("signin:%1").arg(accountId);
}

QString NotificationPolicy::failedKind(qint64 accountId)
{
    return QStringLiteral("failed:%1").arg(accountId);
}

NotificationPolicy::NotificationPolicy(Notifier &notifier, Options options, QObject *parent)
    : QObject(parent), m_notifier(notifier), m_options(options)
{
    connect(&m_notifier, &Notifier::actionInvoked, this, &NotificationPolicy::onAction);
    connect(&m_notifier, &Notifier::inhibitedChanged, this, [this](bool inhibited) {
        if (inhibited)
            return;
        const QHash<QString, Notifier::Notice> held = std::exchange(m_held, {});
        for (const Notifier::Notice &notice : held)
            m_notifier.show(notice);
    });
}

void NotificationPolicy::follow(Daemon &daemon)
{
    Scheduler &scheduler = *daemon.scheduler();
    m_scheduler = &scheduler;
    m_archivePath = daemon.archivePath();
    connect(&daemon, &Daemon::runRecorded, this, &NotificationPolicy::onRunRecorded);
    connect(&scheduler, &Scheduler::signInRequired, this, &NotificationPolicy::onSignInRequired);
    connect(&scheduler, &Scheduler::accountFailed, this, &NotificationPolicy::onAccountFailed);
    connect(&scheduler, &Scheduler::outageLasting, this, &NotificationPolicy::onOutageLasting);
    connect(&scheduler, &Scheduler::outageEnded, this, &NotificationPolicy::onOutageEnded);
    connect(&scheduler, &Scheduler::syncFinished, this, &NotificationPolicy::onSyncFinished);
    connect(&scheduler, &Scheduler::accountRemoved, this, [this](qint64 accountId) {
        onRecovered(accountId);
        onOutageEnded(accountId);
    });
}

QString NotificationPolicy::nameOf(qint64 accountId) const
{
    return m_scheduler ? m_scheduler->status(accountId).name : QString::number(accountId);
}

void NotificationPolicy::onSignInRequired(qint64 accountId)
{
    const QString name = nameOf(accountId);
    m_signInShown.insert(accountId);
    deliver({signInKind(accountId),
             tr("Sign in again to %1").arg(name),
             tr("%1 no longer accepts the sign-in vaulttray saved, so archiving this account has stopped. Everything "
                "archived so far stays.")
                 .arg(name),
             Notifier::Urgency::Critical,
             {{kSignInAction, tr("Sign in again")}},
             kSignInAction});
}

void NotificationPolicy::onAccountFailed(qint64 accountId, const Failure &failure)
{
    const QString name = nameOf(accountId);
    m_failedShown.insert(accountId);
    const bool local = failure.kind == FailureKind::Local;
    deliver({failedKind(accountId),
             tr("vaulttray cannot archive %1").arg(name),
             tr("Archiving %1 stopped. %2").arg(name, StatusText::failure(failure)),
             local ? Notifier::Urgency::Critical : Notifier::Urgency::Normal,
             {{kDetailsAction, tr("Show details")}},
             kDetailsAction});
}

void NotificationPolicy::onOutageLasting(qint64 accountId, const QDateTime &since)
{
    const QString name = nameOf(accountId);
    m_outageNames.insert(accountId, name);
    m_outages.insert(name, since);
    showOutage();
}

void NotificationPolicy::onOutageEnded(qint64 accountId)
{
    const QString name = m_outageNames.take(accountId);
    if (name.isEmpty())
        return;
    m_outages.remove(name);
    if (m_outages.isEmpty())
        withdraw(kOutageKind);
    else
        showOutage(); // replaces the notice: fewer accounts are out
}

void NotificationPolicy::showOutage()
{
    QDateTime since;
    for (const QDateTime &t : std::as_const(m_outages)) {
        if (!since.isValid() || t < since)
            since = t;
    }
    const QString names = QLocale().createSeparatedList(m_outages.keys());
    deliver({kOutageKind,
             tr("No connection for a while"),
             tr("vaulttray has not reached %1 since %2. It keeps trying by itself; nothing is lost.")
                 .arg(names, QLocale().toString(since.toLocalTime(), QLocale::ShortFormat)),
             Notifier::Urgency::Low,
             {{kSyncNowAction, tr("Sync now")}, {kDetailsAction, tr("Show details")}},
             kDetailsAction});
}

void NotificationPolicy::onSyncFinished(qint64 accountId, const Failure &result)
{
    if (!result.ok() && result.kind != FailureKind::BadData)
        return;
    onRecovered(accountId);
}

void NotificationPolicy::onRunRecorded(qint64 accountId)
{
    if (!m_options.summaryAfterSync || (m_scheduler && m_scheduler->inGraceWindow()))
        return;
    if (!m_worker) {
        m_worker = new ArchiveQueryWorker(m_archivePath, this);
        connect(m_worker, &ArchiveQueryWorker::syncRunsLoaded, this, &NotificationPolicy::onRunsLoaded);
    }
    m_summaryFor.insert(++m_runsAsked, nameOf(accountId));
    m_worker->loadSyncRuns(m_runsAsked, {accountId}, 1);
}

void NotificationPolicy::onRunsLoaded(quint64 generation, const QList<SyncRunRecord> &runs)
{
    const QString name = m_summaryFor.take(generation);
    if (name.isEmpty() || runs.isEmpty() || runs.first().status != QLatin1String("ok") || runs.first().added <= 0)
        return;
    const int added = runs.first().added;
    deliver({kSummaryKind,
             tr("New mail archived"),
             tr("%n new message(s) archived from %1.", nullptr, added).arg(name),
             Notifier::Urgency::Low,
             {},
             {}});
}

void NotificationPolicy::onRecovered(qint64 accountId)
{
    if (m_signInShown.remove(accountId))
        withdraw(signInKind(accountId));
    if (m_failedShown.remove(accountId))
        withdraw(failedKind(accountId));
}

void NotificationPolicy::onAction(const QString &kind, const QString &actionKey)
{
    qCInfo(lcUi).noquote() << "notice" << kind << "action" << actionKey;
    if (actionKey == kSignInAction && kind.startsWith(QLatin1String("signin:")))
        emit signInRequested(kind.section(QLatin1Char(':'), 1).toLongLong());
    else if (actionKey == kSyncNowAction)
        emit syncNowRequested();
    else if (actionKey == kDetailsAction)
        emit detailsRequested();
}

void NotificationPolicy::deliver(const Notifier::Notice &notice)
{
    if (notice.urgency != Notifier::Urgency::Critical && m_notifier.isInhibited()) {
        m_held.insert(notice.kind, notice);
        return;
    }
    m_notifier.show(notice);
}

void NotificationPolicy::withdraw(const QString &kind)
{
    m_held.remove(kind);
    m_notifier.withdraw(kind);
}

} // namespace vaulttray
