// Every transition of the account state machine against an injected clock: no real waiting.
// The single QTimer is never waited on: the test reads the delay it was armed with, advances the
// fake clock and fires it by hand.
#include "daemon/scheduler.h"
#include "fakes/criticalcounter.h"
#include "fakes/fakeclock.h"
#include "fakes/scriptedprovider.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTest>

using namespace vaulttray;
using namespace std::chrono_literals;
using test::FakeClock;
using test::ScriptedProvider;

namespace {
const Failure kDnsTimeout = Failure::of(FailureKind::NetworkTransient, QStringLiteral("Temporary failure in name resolution"));
const Failure kRejected = Failure::of(FailureKind::CredentialRejected, QStringLiteral("invalid_grant"));
const Failure kMisconfigured = Failure::of(FailureKind::ClientMisconfigured, QStringLiteral("invalid_client"));
const Failure kDiskFull = Failure::of(FailureKind::Local, QStringLiteral("disk full"));

AccountRecord account(qint64 id, const QString &name)
{
    return AccountRecord{id, name, QStringLiteral("imap"), {}, "{}", {}};
}

// Lets queued job results arrive. Not a wait: nothing here depends on time passing.
void settle()
{
    QCoreApplication::sendPostedEvents();
}

} // namespace

class TestScheduler : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { m_criticals = std::make_unique<test::CriticalCounter>(); }

    void init()
    {
        m_clock = std::make_unique<FakeClock>();
        m_provider = std::make_unique<ScriptedProvider>();
        m_random = 0.5;
        m_scheduler = std::make_unique<Scheduler>(
            *m_clock, [this](const AccountRecord &a) { return m_provider->create(a); }, [this] { return m_random; },
            Scheduler::Options{});
        m_criticals->reset();
    }
    void cleanup() { m_scheduler.reset(); }

    void firstRunSoonAfterStartThenEveryInterval()
    {
        m_scheduler->addAccount(account(1, QStringLiteral("work")), QDateTime());
        QCOMPARE(m_scheduler->armedDelay(), std::optional(std::chrono::milliseconds(10s)));
        QCOMPARE(m_provider->started(1), 0);
        fire(10s);
        settle();
        QCOMPARE(m_provider->started(1), 1);
        QCOMPARE(m_scheduler->status(1).state, AccountState::Idle);
        QCOMPARE(m_scheduler->status(1).lastSuccess, m_clock->now());
        QCOMPARE(m_scheduler->status(1).nextDue, m_clock->now().addSecs(15 * 60));
    }

    // The monotonic timer never sleeps past a few minutes: a suspend cannot push a due time back by hours.
    void timerIsArmedAtMostFiveMinutesAhead()
    {
        m_scheduler->addAccount(account(1, QStringLiteral("work")), m_clock->now());
        QCOMPARE(m_scheduler->armedDelay(), std::optional(std::chrono::milliseconds(5min)));
        fire(5min);
        QCOMPARE(m_provider->started(1), 0);
        QCOMPARE(m_scheduler->armedDelay(), std::optional(std::chrono::milliseconds(5min)));
        fire(5min);
        fire(5min);
        QCOMPARE(m_provider->started(1), 1);
    }

    // Qt's coarse timer fires up to 5% early: that must start the sync, not cost one more wake-up.
    void anEarlyTimerStillStartsTheSync()
    {
        m_scheduler->addAccount(account(1, QStringLiteral("work")), QDateTime());
        fire(10s - 500ms);
        QCOMPARE(m_provider->started(1), 1);
        settle();
        m_scheduler->addAccount(account(2, QStringLiteral("home")), QDateTime());
        fire(10s - 1500ms); // too early by more than the slack: nothing yet
        QCOMPARE(m_provider->started(2), 0);
    }

    void dueWhileTheTimerSleptRunsOnce()
    {
        m_scheduler->addAccount(account(1, QStringLiteral("work")), m_clock->now());
        fire(7h); // the machine was suspended and no one told us: the run is overdue by hours
        settle();
        QCOMPARE(m_provider->started(1), 1);
        QCOMPARE(m_scheduler->status(1).nextDue, m_clock->now().addSecs(15 * 60));
    }

    void transientFailuresBackOffWithFullJitterCappedByTheInterval_data()
    {
        QTest::addColumn<double>("random");
        QTest::addColumn<QList<int>>("expectedDelaysMs");
        QTest::newRow("middle of the window") << 0.5 << QList<int>{15000, 30000, 60000, 120000, 240000, 450000, 450000};
        QTest::newRow("top of the window") << 1.0 << QList<int>{30000, 60000, 120000, 240000, 480000, 900000, 900000};
        QTest::newRow("zero draws the floor") << 0.0 << QList<int>{1000, 1000, 1000, 1000, 1000, 1000, 1000};
    }
    void transientFailuresBackOffWithFullJitterCappedByTheInterval()
    {
        QFETCH(double, random);
        QFETCH(QList<int>, expectedDelaysMs);
        m_random = random;
        m_provider->scriptForever(1, kDnsTimeout);
        m_scheduler->addAccount(account(1, QStringLiteral("work")), QDateTime());
        fire(10s);
        for (int i = 0; i < expectedDelaysMs.size(); ++i) {
            settle();
            const AccountStatus s = m_scheduler->status(1);
            QCOMPARE(s.state, AccountState::Backoff);
            QCOMPARE(s.attempt, i + 1);
            QCOMPARE(m_clock->now().msecsTo(s.nextDue), expectedDelaysMs.at(i));
            m_clock->set(s.nextDue);
            m_scheduler->onTimer();
        }
        QCOMPARE(m_criticals->count(), 0);
    }

    void retryAfterIsHonoured()
    {
        Failure throttled = Failure::of(FailureKind::ServerTransient, QStringLiteral("429"));
        throttled.retryAfter = 120s;
        m_provider->script(1, {throttled});
        m_scheduler->addAccount(account(1, QStringLiteral("work")), QDateTime());
        fire(10s);
        settle();
        QCOMPARE(m_clock->now().secsTo(m_scheduler->status(1).nextDue), 120);
    }

    void successAfterFailuresResetsTheBackoff()
    {
        m_provider->script(1, {kDnsTimeout, kDnsTimeout, Failure::none()});
        m_scheduler->addAccount(account(1, QStringLiteral("work")), QDateTime());
        fire(10s);
        settle();
        fire(15s);
        settle();
        fire(30s);
        settle();
        QCOMPARE(m_provider->started(1), 3);
        QCOMPARE(m_scheduler->status(1).state, AccountState::Idle);
        QCOMPARE(m_scheduler->status(1).attempt, 0);
    }

    void credentialRejectedStopsOnlyThatAccountAndAsksOnce()
    {
        QSignalSpy signIn(m_scheduler.get(), &Scheduler::signInRequired);
        m_provider->script(1, {kRejected});
        m_scheduler->addAccount(account(1, QStringLiteral("gmail")), QDateTime());
        m_scheduler->addAccount(account(2, QStringLiteral("imap")), QDateTime());
        fire(10s);
        settle();
        QCOMPARE(m_scheduler->status(1).state, AccountState::NeedsSignIn);
        QCOMPARE(signIn.size(), 1);
        QCOMPARE(signIn.at(0).at(0).toLongLong(), 1);
        QCOMPARE(m_criticals->count(), 1); // a real failure logs at error level

        for (int i = 0; i < 10; ++i) {
            fire(15min);
            settle();
        }
        m_scheduler->syncNow();
        settle();
        QCOMPARE(m_provider->started(1), 1); // never retried without a new sign-in
        QVERIFY(m_provider->started(2) >= 10); // the other account is unaffected
        QCOMPARE(signIn.size(), 1);

        m_scheduler->signedIn(1);
        settle();
        QCOMPARE(m_provider->started(1), 2);
        QCOMPARE(m_scheduler->status(1).state, AccountState::Idle);
    }

    void misconfiguredFailsUntilSettingsChange()
    {
        QSignalSpy failed(m_scheduler.get(), &Scheduler::accountFailed);
        QSignalSpy signIn(m_scheduler.get(), &Scheduler::signInRequired);
        m_provider->script(1, {kMisconfigured});
        m_scheduler->addAccount(account(1, QStringLiteral("gmail")), QDateTime());
        fire(10s);
        settle();
        QCOMPARE(m_scheduler->status(1).state, AccountState::Failed);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(signIn.size(), 0); // a new sign-in would not fix a wrong client file
        QVERIFY(!m_scheduler->armedDelay().has_value());
        m_scheduler->settingsChanged(1);
        settle();
        QCOMPARE(m_provider->started(1), 2);
    }

    void localFailureIsReportedAndRetriedAtTheInterval()
    {
        QSignalSpy failed(m_scheduler.get(), &Scheduler::accountFailed);
        m_provider->script(1, {kDiskFull});
        m_scheduler->addAccount(account(1, QStringLiteral("work")), QDateTime());
        fire(10s);
        settle();
        QCOMPARE(m_scheduler->status(1).state, AccountState::Failed);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(m_clock->now().secsTo(m_scheduler->status(1).nextDue), 15 * 60);
        fire(5min);
        fire(5min);
        fire(5min);
        settle();
        QCOMPARE(m_provider->started(1), 2);
        QCOMPARE(m_scheduler->status(1).state, AccountState::Idle);
    }

    void sleepCancelsWorkAndStartsNothingUntilWake()
    {
        QSignalSpy ready(m_scheduler.get(), &Scheduler::readyForSleep);
        m_provider->script(1, {std::nullopt}); // a sync in flight
        m_scheduler->addAccount(account(1, QStringLiteral("work")), QDateTime());
        fire(10s);
        QCOMPARE(m_scheduler->status(1).state, AccountState::Syncing);
        m_scheduler->willSleep();
        QCOMPARE(ready.size(), 0); // not before the job has stopped
        settle();
        QCOMPARE(ready.size(), 1);
        QCOMPARE(m_provider->cancelledTotal(), 1);
        QCOMPARE(m_scheduler->status(1).state, AccountState::Waiting);
        QCOMPARE(m_scheduler->status(1).waitReason, WaitReason::Asleep);
        QVERIFY(!m_scheduler->armedDelay().has_value()); // nothing wakes us while asleep

        m_clock->advance(3h);
        m_scheduler->onTimer(); // a stray timer while asleep starts nothing
        settle();
        QCOMPARE(m_provider->started(1), 1);

        QSignalSpy stale(m_scheduler.get(), &Scheduler::networkSessionsStale);
        m_random = 0.25;
        m_scheduler->woke();
        QCOMPARE(stale.size(), 1);
        QVERIFY(m_scheduler->inGraceWindow());
        QCOMPARE(m_clock->now().secsTo(m_scheduler->status(1).nextDue), 5); // catch-up with jitter 0.25 × 20 s
        fire(5s);
        settle();
        QCOMPARE(m_provider->started(1), 2);
    }

    void sleepWithNothingRunningIsReadyAtOnce()
    {
        QSignalSpy ready(m_scheduler.get(), &Scheduler::readyForSleep);
        m_scheduler->addAccount(account(1, QStringLiteral("work")), m_clock->now());
        m_scheduler->willSleep();
        QCOMPARE(ready.size(), 1);
    }

    void offlineHoldsAndOnlineStartsAtOnce()
    {
        m_scheduler->addAccount(account(1, QStringLiteral("work")), QDateTime());
        m_scheduler->setReachability(false, false, false);
        QCOMPARE(m_scheduler->status(1).state, AccountState::Waiting);
        QCOMPARE(m_scheduler->status(1).waitReason, WaitReason::Offline);
        QVERIFY(!m_scheduler->armedDelay().has_value());
        m_clock->advance(2h);
        m_scheduler->onTimer();
        settle();
        QCOMPARE(m_provider->started(1), 0); // no attempts while offline, so no errors
        m_scheduler->setReachability(true, false, false);
        settle();
        QCOMPARE(m_provider->started(1), 1);
    }

    void onlineAgainSkipsTheRestOfANetworkBackoff()
    {
        m_provider->script(1, {kDnsTimeout, kDnsTimeout, kDnsTimeout});
        m_scheduler->addAccount(account(1, QStringLiteral("work")), QDateTime());
        fire(10s);
        settle();
        fire(15s);
        settle();
        QCOMPARE(m_scheduler->status(1).attempt, 2);
        m_scheduler->setReachability(false, false, false);
        m_scheduler->setReachability(true, false, false);
        settle();
        QCOMPARE(m_provider->started(1), 3);
    }

    void goingOfflineCancelsARunningSync()
    {
        m_provider->script(1, {std::nullopt});
        m_scheduler->addAccount(account(1, QStringLiteral("work")), QDateTime());
        fire(10s);
        m_scheduler->setReachability(false, false, false);
        settle();
        QCOMPARE(m_provider->cancelledTotal(), 1);
        QCOMPARE(m_scheduler->status(1).waitReason, WaitReason::Offline);
    }

    void holds_data()
    {
        QTest::addColumn<bool>("captive");
        QTest::addColumn<bool>("metered");
        QTest::addColumn<bool>("pauseOnMetered");
        QTest::addColumn<int>("expectedReason");
        QTest::newRow("captive portal holds") << true << false << false << int(WaitReason::CaptivePortal);
        QTest::newRow("metered holds when chosen") << false << true << true << int(WaitReason::Metered);
        QTest::newRow("metered runs by default") << false << true << false << int(WaitReason::None);
    }
    void holds()
    {
        QFETCH(bool, captive);
        QFETCH(bool, metered);
        QFETCH(bool, pauseOnMetered);
        QFETCH(int, expectedReason);
        m_scheduler->setPauseOnMetered(pauseOnMetered);
        m_scheduler->setReachability(true, captive, metered);
        m_scheduler->addAccount(account(1, QStringLiteral("work")), QDateTime());
        m_clock->advance(10s);
        m_scheduler->onTimer();
        settle();
        QCOMPARE(int(m_scheduler->status(1).waitReason), expectedReason);
        QCOMPARE(m_provider->started(1), expectedReason == int(WaitReason::None) ? 1 : 0);
    }

    void pauseForAnHourThenRunsByItself()
    {
        m_scheduler->addAccount(account(1, QStringLiteral("work")), QDateTime());
        m_scheduler->pauseUntil(m_clock->now().addSecs(3600));
        QCOMPARE(m_scheduler->status(1).waitReason, WaitReason::Paused);
        QCOMPARE(m_scheduler->armedDelay(), std::optional(std::chrono::milliseconds(5min)));
        for (int i = 0; i < 11; ++i)
            fire(5min);
        QCOMPARE(m_provider->started(1), 0);
        fire(5min);
        settle();
        QCOMPARE(m_provider->started(1), 1);
        QVERIFY(!m_scheduler->isPaused());
    }

    void pausedUntilResumedNeedsNoTimer()
    {
        m_scheduler->addAccount(account(1, QStringLiteral("work")), QDateTime());
        m_scheduler->pauseUntil(QDateTime());
        QVERIFY(!m_scheduler->armedDelay().has_value());
        m_scheduler->resume();
        fire(10s);
        settle();
        QCOMPARE(m_provider->started(1), 1);
    }

    void syncNowWhileSyncingDoesNotStartASecondRun()
    {
        m_provider->script(1, {std::nullopt});
        m_scheduler->addAccount(account(1, QStringLiteral("work")), m_clock->now());
        m_scheduler->syncNow();
        m_scheduler->syncNow();
        m_scheduler->syncNow(1);
        settle();
        QCOMPARE(m_provider->started(1), 1);
        m_provider->running(1)->finishWith(Failure::none());
        settle();
        QCOMPARE(m_scheduler->status(1).state, AccountState::Idle);
    }

    void syncNowRunsEvenWhilePaused()
    {
        m_scheduler->addAccount(account(1, QStringLiteral("work")), m_clock->now());
        m_scheduler->pauseUntil(QDateTime());
        m_scheduler->syncNow();
        settle();
        QCOMPARE(m_provider->started(1), 1);
        QCOMPARE(m_scheduler->status(1).waitReason, WaitReason::Paused); // the pause itself stays
    }

    void oneGentleNoticePerLongOutageWithdrawnOnRecovery()
    {
        QSignalSpy lasting(m_scheduler.get(), &Scheduler::outageLasting);
        QSignalSpy ended(m_scheduler.get(), &Scheduler::outageEnded);
        m_provider->scriptForever(1, kDnsTimeout);
        m_scheduler->addAccount(account(1, QStringLiteral("work")), QDateTime());
        const QDateTime firstFailure = m_clock->now().addSecs(10);
        fire(10s);
        settle();
        while (m_clock->now() < firstFailure.addSecs(9 * 3600)) {
            m_clock->set(m_scheduler->status(1).nextDue);
            m_scheduler->onTimer();
            settle();
        }
        QCOMPARE(lasting.size(), 1);
        QCOMPARE(lasting.at(0).at(1).toDateTime(), firstFailure);
        QVERIFY(firstFailure.secsTo(m_clock->now()) >= 6 * 3600);
        QCOMPARE(ended.size(), 0);
        QCOMPARE(m_criticals->count(), 0);

        m_provider->scriptForever(1, Failure::none());
        m_scheduler->syncNow();
        settle();
        QCOMPARE(ended.size(), 1);
        QCOMPARE(lasting.size(), 1);
    }

    void unannouncedSuspendIsHandledLikeAWake()
    {
        bool jumped = false;
        m_scheduler->setSuspendCheck([&jumped] { return std::exchange(jumped, false); });
        QSignalSpy stale(m_scheduler.get(), &Scheduler::networkSessionsStale);
        m_scheduler->addAccount(account(1, QStringLiteral("work")), m_clock->now());
        fire(5min);
        QCOMPARE(stale.size(), 0);
        jumped = true;
        fire(5min);
        QCOMPARE(stale.size(), 1);
        QVERIFY(m_scheduler->inGraceWindow());
    }

    // The incident: DNS fails for a while after every wake. Twenty cycles must produce no sign-in
    // prompt, no error-level report, no notice — and the archive still catches up each time.
    void twentySleepWakeCyclesWithFailingDnsStayQuiet()
    {
        QSignalSpy signIn(m_scheduler.get(), &Scheduler::signInRequired);
        QSignalSpy failed(m_scheduler.get(), &Scheduler::accountFailed);
        QSignalSpy lasting(m_scheduler.get(), &Scheduler::outageLasting);
        m_scheduler->addAccount(account(1, QStringLiteral("gmail")), m_clock->now());
        m_scheduler->addAccount(account(2, QStringLiteral("imap")), m_clock->now());
        for (int cycle = 0; cycle < 20; ++cycle) {
            m_provider->script(1, {std::nullopt});
            m_scheduler->syncNow(1); // a sync in flight at sleep
            m_scheduler->willSleep();
            settle();
            m_clock->advance(std::chrono::hours(1 + cycle % 5));
            m_provider->script(1, {kDnsTimeout, kDnsTimeout});
            m_provider->script(2, {kDnsTimeout});
            m_scheduler->woke();
            // Fire at each due time until both accounts have succeeded again.
            for (int step = 0; step < 10 && (m_scheduler->status(1).attempt || m_scheduler->status(2).attempt ||
                                             m_scheduler->status(1).lastSuccess < m_clock->now().addSecs(-120));
                 ++step) {
                QDateTime next;
                for (const AccountStatus &s : m_scheduler->statuses())
                    if (s.nextDue.isValid() && (!next.isValid() || s.nextDue < next))
                        next = s.nextDue;
                m_clock->set(next);
                m_scheduler->onTimer();
                settle();
            }
            QCOMPARE(m_scheduler->status(1).state, AccountState::Idle);
            QCOMPARE(m_scheduler->status(2).state, AccountState::Idle);
        }
        QCOMPARE(signIn.size(), 0);
        QCOMPARE(failed.size(), 0);
        QCOMPARE(lasting.size(), 0);
        QCOMPARE(m_criticals->count(), 0);
        QVERIFY(m_provider->cancelledTotal() >= 20);
    }

private:
    void fire(std::chrono::milliseconds after)
    {
        m_clock->advance(after);
        m_scheduler->onTimer();
    }

    std::unique_ptr<test::CriticalCounter> m_criticals;
    std::unique_ptr<FakeClock> m_clock;
    std::unique_ptr<ScriptedProvider> m_provider;
    std::unique_ptr<Scheduler> m_scheduler;
    double m_random = 0.5;
};

QTEST_GUILESS_MAIN(TestScheduler)
#include "tst_scheduler.moc"
