#include "daemon/scheduler.h"

#include "core/logging.h"
#include "sync/syncjob.h"

namespace vaulttray {

struct Scheduler::Entry
{
    AccountRecord account;
    AccountStatus status;
    std::unique_ptr<SyncJob, void (*)(SyncJob *)> job{nullptr, [](SyncJob *j) { j->deleteLater(); }};
    bool misconfigured = false; // Failed until settings change or a new sign-in
    bool forced = false;        // "Sync now": runs even while paused or metered
    AccountStatus published;    // last state announced, to announce changes only
    bool everPublished = false;
};

Scheduler::Scheduler(Clock &clock, JobFactory jobFactory, Random random, Options options, QObject *parent)
    : QObject(parent), m_clock(clock), m_jobFactory(std::move(jobFactory)), m_random(std::move(random)),
      m_options(options)
{
    qRegisterMetaType<vaulttray::AccountStatus>();
    qRegisterMetaType<vaulttray::Failure>();
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::CoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &Scheduler::onTimer);
}

Scheduler::~Scheduler()
{
    m_quitting = true;
    for (auto &entry : m_entries) {
        if (entry->job)
            QObject::disconnect(entry->job.get(), nullptr, this, nullptr);
    }
}

void Scheduler::addAccount(const AccountRecord &account, const QDateTime &lastSuccess)
{
    auto entry = std::make_shared<Entry>();
    entry->account = account;
    entry->status.accountId = account.id;
    entry->status.name = account.name;
    entry->status.lastSuccess = lastSuccess;
    entry->status.nextDue = nextRunAt(lastSuccess, m_clock.now(), m_options.policy);
    m_entries.insert(account.id, entry);
    evaluate();
}

void Scheduler::removeAccount(qint64 accountId)
{
    const auto entry = m_entries.take(accountId);
    if (entry && entry->job) {
        QObject::disconnect(entry->job.get(), nullptr, this, nullptr);
        entry->job->cancel();
    }
    rearm();
    if (entry)
        emit accountRemoved(accountId);
}

void Scheduler::syncNow(std::optional<qint64> accountId)
{
    const QDateTime now = m_clock.now();
    for (auto &entry : m_entries) {
        if (accountId && entry->account.id != *accountId)
            continue;
        // A second click while syncing does not start a second run; a rejected credential needs a sign-in first.
        if (entry->job || entry->status.state == AccountState::NeedsSignIn)
            continue;
        entry->misconfigured = false;
        entry->forced = true;
        entry->status.nextDue = now;
    }
    evaluate();
}

void Scheduler::willSleep()
{
    m_asleep = true;
    cancelAll();
    evaluate();
    if (runningJobs() == 0)
        emit readyForSleep();
}

void Scheduler::woke()
{
    const QDateTime now = m_clock.now();
    m_asleep = false;
    m_wokeAt = now;
    emit networkSessionsStale();
    // Whatever became due while asleep runs once, spread over a little jitter.
    for (auto &entry : m_entries) {
        if (entry->job || !entry->status.nextDue.isValid() || entry->status.nextDue > now)
            continue;
        entry->status.nextDue = wakeCatchUpAt(now, m_options.policy, m_random());
    }
    evaluate();
}

void Scheduler::setReachability(bool online, bool captivePortal, bool metered)
{
    const bool wasUsable = m_online && !m_captivePortal;
    m_online = online;
    m_captivePortal = captivePortal;
    m_metered = metered;
    const bool usable = m_online && !m_captivePortal;
    if (wasUsable && !usable) {
        cancelAll();
    } else if (!wasUsable && usable) {
        // The network is back: retries that waited for it go now instead of sitting out their backoff.
        const QDateTime now = m_clock.now();
        for (auto &entry : m_entries) {
            if (!entry->job && entry->status.lastFailure.kind == FailureKind::NetworkTransient &&
                entry->status.nextDue.isValid() && entry->status.nextDue > now)
                entry->status.nextDue = now;
        }
    }
    evaluate();
}

void Scheduler::setPauseOnMetered(bool pause)
{
    m_options.pauseOnMetered = pause;
    evaluate();
}

void Scheduler::pauseUntil(const QDateTime &until)
{
    m_paused = true;
    m_pausedUntil = until;
    for (auto &entry : m_entries)
        entry->forced = false;
    cancelAll();
    emit pauseChanged(true, m_pausedUntil);
    evaluate();
}

void Scheduler::resume()
{
    const bool wasPaused = m_paused;
    m_paused = false;
    m_pausedUntil = QDateTime();
    if (wasPaused)
        emit pauseChanged(false, QDateTime());
    evaluate();
}

void Scheduler::signedIn(qint64 accountId)
{
    const auto entry = m_entries.value(accountId);
    if (!entry)
        return;
    entry->misconfigured = false;
    entry->status.attempt = 0;
    entry->status.lastFailure = Failure::none();
    entry->status.state = AccountState::Idle;
    entry->status.nextDue = m_clock.now();
    evaluate();
}

void Scheduler::settingsChanged(qint64 accountId)
{
    const auto entry = m_entries.value(accountId);
    if (!entry || !entry->misconfigured)
        return;
    entry->misconfigured = false;
    entry->status.nextDue = m_clock.now();
    evaluate();
}

void Scheduler::quit()
{
    m_quitting = true;
    m_timer.stop();
    m_armed.reset();
    cancelAll();
}

void Scheduler::onTimer()
{
    m_armed.reset();
    if (m_suspendCheck && m_suspendCheck()) {
        qCInfo(lcDaemon) << "a suspend went unannounced; handling it as a wake";
        woke();
        return;
    }
    // Only the timer may be early; a result arriving is never a reason to start the next run sooner.
    evaluate(kDueSlack);
}

std::optional<std::chrono::milliseconds> Scheduler::armedDelay() const
{
    return m_armed;
}

AccountStatus Scheduler::status(qint64 accountId) const
{
    const auto entry = m_entries.value(accountId);
    return entry ? entry->status : AccountStatus{};
}

QList<AccountStatus> Scheduler::statuses() const
{
    QList<AccountStatus> out;
    for (const auto &entry : m_entries)
        out << entry->status;
    std::sort(out.begin(), out.end(), [](const AccountStatus &a, const AccountStatus &b) { return a.name < b.name; });
    return out;
}

bool Scheduler::isPaused() const
{
    return m_paused;
}

std::optional<AccountRecord> Scheduler::account(qint64 accountId) const
{
    const auto entry = m_entries.value(accountId);
    return entry ? std::optional<AccountRecord>(entry->account) : std::nullopt;
}

bool Scheduler::inGraceWindow() const
{
    return inPostWakeGrace(m_wokeAt, m_clock.now(), m_options.policy);
}

int Scheduler::runningJobs() const
{
    return static_cast<int>(std::count_if(m_entries.cbegin(), m_entries.cend(),
                                          [](const auto &entry) { return entry->job != nullptr; }));
}

WaitReason Scheduler::heldBy(const Entry &entry) const
{
    if (m_asleep)
        return WaitReason::Asleep;
    if (!m_online)
        return WaitReason::Offline;
    if (m_captivePortal)
        return WaitReason::CaptivePortal;
    if (m_paused && !entry.forced)
        return WaitReason::Paused;
    if (m_metered && m_options.pauseOnMetered && !entry.forced)
        return WaitReason::Metered;
    return WaitReason::None;
}

void Scheduler::evaluate(std::chrono::milliseconds slack)
{
    const QDateTime now = m_clock.now();
    if (m_paused && m_pausedUntil.isValid() && now >= m_pausedUntil) {
        m_paused = false;
        m_pausedUntil = QDateTime();
        emit pauseChanged(false, QDateTime());
    }
    const auto entries = m_entries.values(); // start() may publish, and a slot may change the hash
    for (const auto &entry : entries) {
        AccountStatus &s = entry->status;
        if (entry->job || s.state == AccountState::NeedsSignIn || entry->misconfigured) {
            publish(*entry);
            continue;
        }
        const WaitReason reason = heldBy(*entry);
        const bool due = s.nextDue.isValid() && s.nextDue <= now.addMSecs(slack.count());
        if (due && reason == WaitReason::None && !m_quitting) {
            start(*entry);
            continue;
        }
        s.waitReason = reason;
        if (reason != WaitReason::None)
            s.state = AccountState::Waiting;
        else if (s.lastFailure.kind == FailureKind::Local)
            s.state = AccountState::Failed;
        else if (s.attempt > 0)
            s.state = AccountState::Backoff;
        else
            s.state = AccountState::Idle;
        publish(*entry);
    }
    rearm();
}

void Scheduler::start(Entry &entry)
{
    qCInfo(lcDaemon).noquote() << entry.account.name << "sync starts";
    entry.forced = false;
    entry.job = decltype(entry.job)(m_jobFactory(entry.account).release(), entry.job.get_deleter());
    const qint64 id = entry.account.id;
    if (!entry.job) {
        onJobFinished(id, Failure::of(FailureKind::ClientMisconfigured,
                                      QStringLiteral("no sync provider for \"%1\"").arg(entry.account.provider)));
        return;
    }
    entry.status.state = AccountState::Syncing;
    entry.status.waitReason = WaitReason::None;
    entry.status.progress = SyncProgress{};
    connect(entry.job.get(), &SyncJob::progressed, this, [this, id](const SyncProgress &progress) {
        if (const auto e = m_entries.value(id)) {
            e->status.progress = progress;
            emit accountStateChanged(id, e->status);
        }
    });
    // Queued: a job that fails inside start() must not re-enter evaluate().
    connect(entry.job.get(), &SyncJob::finished, this,
            [this, id](const Failure &result) { onJobFinished(id, result); }, Qt::QueuedConnection);
    publish(entry);
    emit syncStarted(id);
    entry.job->start();
}

void Scheduler::onJobFinished(qint64 accountId, const Failure &result)
{
    const auto entry = m_entries.value(accountId);
    if (!entry)
        return;
    entry->job.reset();
    AccountStatus &s = entry->status;
    const QDateTime now = m_clock.now();
    const bool grace = inGraceWindow();

    switch (result.kind) {
    case FailureKind::None:
    case FailureKind::BadData: // counted on the run; the run itself completed
        s.lastSuccess = now;
        s.attempt = 0;
        s.lastFailure = Failure::none();
        s.nextDue = nextRunAt(now, now, m_options.policy);
        if (s.outageSince.isValid()) {
            const bool announced = s.outageAnnounced;
            s.outageSince = QDateTime();
            s.outageAnnounced = false;
            if (announced)
                emit outageEnded(accountId);
        }
        break;
    case FailureKind::NetworkTransient:
    case FailureKind::ServerTransient: {
        if (grace)
            qCInfo(lcDaemon).noquote() << s.name << "transient failure just after wake:" << result.detail;
        else
            qCWarning(lcDaemon).noquote() << s.name << "transient failure, retrying later:" << result.detail;
        s.lastFailure = result;
        const auto delay = backoffDelay(s.attempt, result.retryAfter, m_options.policy, m_random());
        ++s.attempt;
        s.nextDue = now.addMSecs(delay.count());
        if (!s.outageSince.isValid())
            s.outageSince = now;
        const auto lasted = std::chrono::seconds(s.outageSince.secsTo(now));
        if (!s.outageAnnounced && !grace && lasted >= m_options.outageNoticeAfter) {
            s.outageAnnounced = true;
            emit outageLasting(accountId, s.outageSince);
        }
        break;
    }
    case FailureKind::CredentialRejected:
        qCCritical(lcDaemon).noquote() << s.name << "credential rejected by the provider:" << result.detail;
        s.lastFailure = result;
        s.state = AccountState::NeedsSignIn;
        s.nextDue = QDateTime();
        break;
    case FailureKind::ClientMisconfigured:
        qCCritical(lcDaemon).noquote() << s.name << "misconfigured:" << result.detail;
        s.lastFailure = result;
        s.state = AccountState::Failed;
        s.nextDue = QDateTime();
        entry->misconfigured = true;
        break;
    case FailureKind::Local:
        qCCritical(lcDaemon).noquote() << s.name << "local failure:" << result.detail;
        s.lastFailure = result;
        s.nextDue = nextRunAt(now, now, m_options.policy); // e.g. disk full: try again once space may be free
        break;
    case FailureKind::Cancelled:
        // Resume as soon as whatever stopped it (sleep, offline, pause) is over.
        s.nextDue = now;
        break;
    }
    emit syncFinished(accountId, result);
    if (result.kind == FailureKind::CredentialRejected)
        emit signInRequired(accountId);
    else if (result.kind == FailureKind::ClientMisconfigured || result.kind == FailureKind::Local)
        emit accountFailed(accountId, result);
    if (m_asleep && runningJobs() == 0)
        emit readyForSleep();
    evaluate();
}

void Scheduler::cancelAll()
{
    for (auto &entry : m_entries) {
        if (entry->job)
            entry->job->cancel();
    }
}

void Scheduler::publish(Entry &entry)
{
    const AccountStatus &s = entry.status;
    const AccountStatus &p = entry.published;
    if (entry.everPublished && p.state == s.state && p.waitReason == s.waitReason && p.nextDue == s.nextDue &&
        p.attempt == s.attempt && p.lastFailure.kind == s.lastFailure.kind)
        return;
    entry.published = s;
    entry.everPublished = true;
    emit accountStateChanged(s.accountId, s);
}

void Scheduler::rearm()
{
    if (m_quitting)
        return;
    const QDateTime now = m_clock.now();
    QDateTime earliest;
    for (const auto &entry : m_entries) {
        if (entry->job || entry->status.state == AccountState::NeedsSignIn || entry->misconfigured ||
            !entry->status.nextDue.isValid())
            continue;
        QDateTime due = entry->status.nextDue;
        switch (heldBy(*entry)) {
        case WaitReason::None: break;
        case WaitReason::Paused:
            if (!m_pausedUntil.isValid())
                continue; // until resumed: an event, not a time
            due = std::max(due, m_pausedUntil);
            break;
        default: continue; // asleep, offline, portal, metered: events end these, not time
        }
        if (!earliest.isValid() || due < earliest)
            earliest = due;
    }
    if (!earliest.isValid()) {
        m_timer.stop();
        m_armed.reset();
        return;
    }
    m_armed = timerArmDelay(earliest, now, m_options.policy);
    m_timer.start(m_armed->count());
}

} // namespace vaulttray
