#pragma once

#include "core/clock.h"
#include "core/schedulepolicy.h"
#include "daemon/accountstatus.h"
#include "store/writebatch.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace vaulttray {

class SyncJob;

// Decides when each account syncs and what the person hears about it. Pure reaction to events —
// due time (the timer), SyncNow, WillSleep, Woke, reachability, pause, SignedIn — against an
// injected clock; it never polls. One coarse single-shot QTimer is armed for the next due instant,
// at most policy.maxTimerArm ahead, because the monotonic clock behind QTimer stops during suspend.
class Scheduler : public QObject
{
    Q_OBJECT

public:
    using JobFactory = std::function<std::unique_ptr<SyncJob>(const AccountRecord &)>;
    using Random = std::function<double()>; // uniform in [0, 1]

    struct Options
    {
        SchedulePolicy policy;
        std::chrono::seconds outageNoticeAfter{std::chrono::hours(6)};
        bool pauseOnMetered = false;
    };

    Scheduler(Clock &clock, JobFactory jobFactory, Random random, Options options, QObject *parent = nullptr);
    ~Scheduler() override;

    void addAccount(const AccountRecord &account, const QDateTime &lastSuccess);
    void removeAccount(qint64 accountId);

    // Events.
    void syncNow(std::optional<qint64> accountId = std::nullopt);
    void willSleep();
    void woke();
    void setReachability(bool online, bool captivePortal, bool metered);
    void setPauseOnMetered(bool pause);
    void pauseUntil(const QDateTime &until); // invalid: until resumed
    void resume();
    void signedIn(qint64 accountId);
    void settingsChanged(qint64 accountId);
    void quit();

    // The timer fired (public so tests can fire it after advancing their clock).
    void onTimer();
    // A suspend nobody announced was noticed (the boot-clock check): handled like a wake.
    void setSuspendCheck(std::function<bool()> check) { m_suspendCheck = std::move(check); }

    std::optional<std::chrono::milliseconds> armedDelay() const;
    AccountStatus status(qint64 accountId) const;
    QList<AccountStatus> statuses() const;
    bool isPaused() const;
    QDateTime pausedUntil() const { return m_pausedUntil; } // invalid while paused until resumed
    std::optional<AccountRecord> account(qint64 accountId) const;
    bool inGraceWindow() const;
    int runningJobs() const;

signals:
    void accountStateChanged(qint64 accountId, const vaulttray::AccountStatus &status);
    void syncStarted(qint64 accountId);
    void syncFinished(qint64 accountId, const vaulttray::Failure &result);
    // The one path to "sign in again": emitted once per rejection.
    void signInRequired(qint64 accountId);
    // A failure a retry will not fix (misconfigured) or a local one (disk, archive): worth telling.
    void accountFailed(qint64 accountId, const vaulttray::Failure &failure);
    void outageLasting(qint64 accountId, const QDateTime &since);
    void outageEnded(qint64 accountId);
    void accountRemoved(qint64 accountId);
    // Paused or resumed (by the person, or a pause for a while that ran out).
    void pauseChanged(bool paused, const QDateTime &until);
    // After willSleep(): every job has stopped and committed what it could.
    void readyForSleep();
    // After a wake: network sessions should be re-created before the next request.
    void networkSessionsStale();

private:
    struct Entry;

    void evaluate(std::chrono::milliseconds slack = std::chrono::milliseconds(0));
    void start(Entry &entry);
    void onJobFinished(qint64 accountId, const Failure &result);
    void cancelAll();
    WaitReason heldBy(const Entry &entry) const;
    void publish(Entry &entry);
    void rearm();

    Clock &m_clock;
    JobFactory m_jobFactory;
    Random m_random;
    Options m_options;
    std::function<bool()> m_suspendCheck;
    QHash<qint64, std::shared_ptr<Entry>> m_entries;
    QTimer m_timer;
    std::optional<std::chrono::milliseconds> m_armed;

    bool m_asleep = false;
    bool m_online = true;
    bool m_captivePortal = false;
    bool m_metered = false;
    bool m_paused = false;
    QDateTime m_pausedUntil; // invalid while paused: until resumed
    QDateTime m_wokeAt;
    bool m_quitting = false;
};

} // namespace vaulttray
