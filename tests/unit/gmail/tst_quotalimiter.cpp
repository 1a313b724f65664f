// QuotaLimiter on a fake clock: the token bucket's pace and burst, Retry-After pauses, the slowdown and its
// recovery, the bound on requests in flight, and the one QTimer it arms. The clock moves only to the instants the
// limiter's timer is armed for, so every start time below is the limiter's own decision, to the millisecond.
#include "fakes/fakeclock.h"
#include "net/gmail/quotalimiter.h"

#include <QTest>

#include <memory>

using namespace vaulttray;
using namespace vaulttray::test;
using namespace std::chrono_literals;

namespace {

constexpr qint64 kWindowMs = 1000;
// More timer steps than any scenario here needs; reaching it means the limiter stopped making progress.
constexpr int kMaxSteps = 100000;
// The same instant the fake clock starts at, for readable offsets.
const QDateTime kT0(QDate(2026, 6, 1), QTime(8, 0), Qt::UTC);

struct Started
{
    qint64 atMs; // since kT0
    int cost;
};

// Queues `costs`, each request done the instant it starts (it releases from inside start(), as a request that fails
// at once would), and moves the fake clock to each instant the limiter's timer is armed for until all started.
QList<Started> simulate(FakeClock &clock, QuotaLimiter &limiter, const QList<int> &costs)
{
    QList<Started> starts;
    for (int cost : costs) {
        limiter.acquire(cost, [&starts, &clock, &limiter, cost] {
            starts << Started{kT0.msecsTo(clock.now()), cost};
            limiter.release();
        });
    }
    for (int step = 0; limiter.queued() > 0 && step < kMaxSteps; ++step) {
        if (!limiter.isTimerArmed())
            break; // requests wait and nothing will wake them: the caller's count check fails
        clock.advance(limiter.timerInterval());
        limiter.dispatch();
    }
    return starts;
}

QList<int> repeated(const QList<int> &pattern, int count)
{
    QList<int> out;
    while (out.size() < count)
        out << pattern.at(out.size() % pattern.size());
    return out;
}

// The most units started in any window [s, s + 1 s) with s at or after fromMs: what the server reports as
// maxUnitsInAnySecond, restricted to the steady state.
int maxUnitsInAnySecond(const QList<Started> &starts, qint64 fromMs)
{
    int best = 0;
    for (int i = 0; i < starts.size(); ++i) {
        if (starts[i].atMs < fromMs)
            continue;
        int sum = 0;
        for (int j = i; j < starts.size() && starts[j].atMs < starts[i].atMs + kWindowMs; ++j)
            sum += starts[j].cost;
        best = std::max(best, sum);
    }
    return best;
}

} // namespace

class TestQuotaLimiter : public QObject
{
    Q_OBJECT

private slots:
    void steadyStateStaysWithinTheRate_data()
    {
        QTest::addColumn<double>("rate");
        QTest::addColumn<QList<int>>("costs");
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("maxUnitsPerSecond"); // in any 1-s window once the first burst is spent

        QTest::newRow("Gmail default, messages.get") << 250.0 << QList<int>{5} << 400 << 250;
        QTest::newRow("100 units/s, messages.get") << 100.0 << QList<int>{5} << 150 << 100;
        QTest::newRow("Gmail default, history.list") << 250.0 << QList<int>{2} << 1000 << 250;
        QTest::newRow("Gmail default, getProfile") << 250.0 << QList<int>{1} << 1000 << 250;
        // A bucket lets one request's worth more into a window when costs differ or do not divide the rate.
        QTest::newRow("Gmail default, mixed 5/2/1") << 250.0 << QList<int>{5, 2, 1, 5, 5} << 600 << 250 + 5;
        QTest::newRow("7 units/s: 715 ms apart") << 7.0 << QList<int>{5} << 20 << 7 + 5;
        QTest::newRow("2 units/s: dearer than the bucket") << 2.0 << QList<int>{5} << 10 << 5;
    }

    void steadyStateStaysWithinTheRate()
    {
        QFETCH(double, rate);
        QFETCH(QList<int>, costs);
        QFETCH(int, count);
        QFETCH(int, maxUnitsPerSecond);

        FakeClock clock(kT0);
        QuotaLimiter limiter(clock, rate);
        const QList<Started> starts = simulate(clock, limiter, repeated(costs, count));
        QCOMPARE(starts.size(), count);
        QVERIFY2(maxUnitsInAnySecond(starts, kWindowMs) <= maxUnitsPerSecond,
                 qPrintable(QStringLiteral("%1 units in one second").arg(maxUnitsInAnySecond(starts, kWindowMs))));
        // Over the whole run the pace is the rate: neither faster than bucket + refill allow, nor slower than the
        // refill (every wait is rounded up to the millisecond).
        int units = 0;
        for (const Started &s : starts)
            units += s.cost;
        const int maxCost = *std::max_element(costs.begin(), costs.end());
        const double capacity = rate * std::chrono::duration<double>(QuotaLimiter::kBurstWindow).count();
        const double fastestMs = (units - capacity - maxCost) / rate * 1000.0;
        const double slowestMs = (units - capacity) / rate * 1000.0 + starts.size();
        const double lastMs = double(starts.last().atMs);
        QVERIFY2(lastMs >= fastestMs,
                 qPrintable(QStringLiteral("done at %1 ms, %2 ms at the earliest").arg(lastMs).arg(fastestMs)));
        QVERIFY2(lastMs <= slowestMs,
                 qPrintable(QStringLiteral("done at %1 ms, %2 ms at the latest").arg(lastMs).arg(slowestMs)));
    }

    // The checker above must be able to fail: a fixed-window counter ("250 units per calendar second") lets a second
    // end and the next begin with a full batch each, twice the rate inside one second.
    void windowCheckCatchesAFixedWindowCounter()
    {
        QList<Started> fixedWindow;
        for (int i = 0; i < 50; ++i)
            fixedWindow << Started{900 + i, 5}; // the end of second 0
        for (int i = 0; i < 50; ++i)
            fixedWindow << Started{1000 + i, 5}; // the start of second 1
        QCOMPARE(maxUnitsInAnySecond(fixedWindow, 0), 500);
        QVERIFY(maxUnitsInAnySecond(fixedWindow, 0) > 250);
    }

    void burstThenPace_data()
    {
        QTest::addColumn<double>("rate");
        QTest::addColumn<int>("cost");
        QTest::addColumn<int>("startedAtOnce");
        QTest::addColumn<qint64>("nextAtMs");

        // The bucket holds half a second's units.
        QTest::newRow("250 units/s, messages.get: 25 at once, then every 20 ms") << 250.0 << 5 << 25 << qint64(20);
        QTest::newRow("100 units/s, messages.get") << 100.0 << 5 << 10 << qint64(50);
        QTest::newRow("250 units/s, history.list: 1 unit left, 1 to refill") << 250.0 << 2 << 62 << qint64(4);
        QTest::newRow("250 units/s, getProfile") << 250.0 << 1 << 125 << qint64(4);
        QTest::newRow("10 units/s") << 10.0 << 5 << 1 << qint64(500);
        QTest::newRow("7 units/s: a 3.5-unit bucket, then 1.5 of debt and 3.5 to refill") << 7.0 << 5 << 1 << qint64(715);
        QTest::newRow("2 units/s: a full bucket, then the debt") << 2.0 << 5 << 1 << qint64(2500);
    }

    void burstThenPace()
    {
        QFETCH(double, rate);
        QFETCH(int, cost);
        QFETCH(int, startedAtOnce);
        QFETCH(qint64, nextAtMs);

        FakeClock clock(kT0);
        QuotaLimiter limiter(clock, rate);
        const QList<Started> starts = simulate(clock, limiter, repeated({cost}, startedAtOnce + 2));
        QCOMPARE(starts.size(), startedAtOnce + 2);
        QCOMPARE(starts.at(startedAtOnce - 1).atMs, qint64(0));
        QCOMPARE(starts.at(startedAtOnce).atMs, nextAtMs);
    }

    void retryAfterPausesEverything_data()
    {
        QTest::addColumn<int>("retryAfterSeconds"); // -1: none given
        QTest::addColumn<qint64>("firstStartMs");

        // Paused, then the bucket refills from empty at the halved rate (125 units/s: 40 ms for messages.get).
        QTest::newRow("Retry-After 3 s") << 3 << qint64(3040);
        QTest::newRow("no Retry-After: the default pause") << -1 << qint64(1040);
        QTest::newRow("Retry-After 0") << 0 << qint64(40);
        QTest::newRow("Retry-After 2 min") << 120 << qint64(120040);
        QTest::newRow("Retry-After 1 h: the timer re-arms every 5 min") << 3600 << qint64(3600040);
    }

    void retryAfterPausesEverything()
    {
        QFETCH(int, retryAfterSeconds);
        QFETCH(qint64, firstStartMs);

        FakeClock clock(kT0);
        QuotaLimiter limiter(clock);
        std::optional<std::chrono::seconds> retryAfter;
        if (retryAfterSeconds >= 0)
            retryAfter = std::chrono::seconds(retryAfterSeconds);
        limiter.reportRateLimited(retryAfter);
        QCOMPARE(limiter.waitFor(gmailquota::kMessagesGet, clock.now()).count(), firstStartMs);
        const QList<Started> starts = simulate(clock, limiter, {5, 5, 1});
        QCOMPARE(starts.size(), 3);
        QCOMPARE(starts.first().atMs, firstStartMs);
        QVERIFY(limiter.timerInterval() <= std::chrono::milliseconds(QuotaLimiter::kMaxTimerInterval));
    }

    void aShorterRetryAfterDoesNotShortenThePause()
    {
        FakeClock clock(kT0);
        QuotaLimiter limiter(clock);
        limiter.reportRateLimited(10s);
        clock.advance(1s);
        limiter.reportRateLimited(2s);
        QCOMPARE(limiter.pausedUntil(), kT0.addSecs(10));
    }

    void slowdownAndRecovery_data()
    {
        QTest::addColumn<QList<int>>("refusalsAtMs");
        QTest::addColumn<int>("retryAfterSeconds");
        QTest::addColumn<int>("probeAtMs");
        QTest::addColumn<double>("expectedRate");

        QTest::newRow("no refusal: the configured rate") << QList<int>{} << 0 << 0 << 250.0;
        QTest::newRow("one refusal halves") << QList<int>{0} << 0 << 0 << 125.0;
        QTest::newRow("a second refusal within the holdoff does not") << QList<int>{0, 500} << 0 << 500 << 125.0;
        QTest::newRow("a refusal after the holdoff halves again") << QList<int>{0, 1000} << 0 << 1000 << 62.5;
        QTest::newRow("never below the floor")
            << QList<int>{0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000} << 0 << 9000 << 5.0;
        QTest::newRow("no recovery within the quiet period") << QList<int>{0} << 0 << 9999 << 125.0;
        QTest::newRow("first step after the quiet period") << QList<int>{0} << 0 << 10000 << 150.0;
        QTest::newRow("a step every 2 s") << QList<int>{0} << 0 << 14000 << 200.0;
        QTest::newRow("recovered, capped at the configured rate") << QList<int>{0} << 0 << 60000 << 250.0;
        QTest::newRow("each refusal restarts the quiet period") << QList<int>{0, 500} << 0 << 10000 << 125.0;
        QTest::newRow("quiet counted from the end of the pause") << QList<int>{0} << 5 << 14999 << 125.0;
        QTest::newRow("... and recovering after it") << QList<int>{0} << 5 << 15000 << 150.0;
    }

    void slowdownAndRecovery()
    {
        QFETCH(QList<int>, refusalsAtMs);
        QFETCH(int, retryAfterSeconds);
        QFETCH(int, probeAtMs);
        QFETCH(double, expectedRate);

        FakeClock clock(kT0);
        QuotaLimiter limiter(clock);
        for (int at : refusalsAtMs) {
            clock.set(kT0.addMSecs(at));
            limiter.reportRateLimited(std::chrono::seconds(retryAfterSeconds));
        }
        QCOMPARE(limiter.unitsPerSecond(kT0.addMSecs(probeAtMs)), expectedRate);
        QCOMPARE(limiter.rateLimitSignals(), int(refusalsAtMs.size()));
    }

    // The halved rate governs the pace, not just a number: a second of steady state after a refusal holds half.
    void slowedDownPaceStaysWithinTheHalvedRate()
    {
        FakeClock clock(kT0);
        QuotaLimiter limiter(clock);
        limiter.reportRateLimited(0s);
        const QList<Started> starts = simulate(clock, limiter, repeated({5}, 200)); // 8 s: within the quiet period
        QCOMPARE(starts.size(), 200);
        QCOMPARE(maxUnitsInAnySecond(starts, 0), 125);
        QCOMPARE(starts.last().atMs, qint64(200 * 40));
    }

    void recoveryRestoresThePace()
    {
        FakeClock clock(kT0);
        QuotaLimiter limiter(clock);
        limiter.reportRateLimited(0s);
        clock.advance(1min);
        const QList<Started> starts = simulate(clock, limiter, repeated({5}, 60));
        QCOMPARE(starts.size(), 60);
        QCOMPARE(starts.at(24).atMs, starts.first().atMs); // a full bucket of 125 units again (half a second's)
        QCOMPARE(starts.at(25).atMs - starts.first().atMs, qint64(20));
    }

    void boundedRequestsInFlight()
    {
        FakeClock clock(kT0);
        constexpr int kMax = 3;
        QuotaLimiter limiter(clock, gmailquota::kDefaultUnitsPerSecond, kMax);
        int started = 0;
        for (int i = 0; i < 5; ++i)
            limiter.acquire(gmailquota::kMessagesGet, [&started] { ++started; });
        QCOMPARE(started, kMax);
        QCOMPARE(limiter.inFlight(), kMax);
        QVERIFY2(!limiter.isTimerArmed(), "a full house waits for release(), not for time");
        limiter.release();
        QCOMPARE(started, kMax + 1);
        limiter.release();
        limiter.release();
        QCOMPARE(started, 5);
        QCOMPARE(limiter.queued(), 0);
    }

    void aGoneContextIsDroppedUncharged()
    {
        FakeClock clock(kT0);
        QuotaLimiter limiter(clock, 20.0); // a bucket of 10 units: two messages.get
        int started = 0;
        auto context = std::make_unique<QObject>();
        limiter.acquire(5, [&started] { ++started; });
        limiter.acquire(5, [&started] { ++started; });
        limiter.acquire(5, context.get(), [&started] { started += 100; });
        limiter.acquire(5, [&started] { ++started; });
        QCOMPARE(started, 2);
        context.reset();
        clock.advance(limiter.timerInterval());
        limiter.dispatch();
        QCOMPARE(started, 3); // the gone one neither started nor took the 5 units that refilled
        QCOMPARE(limiter.queued(), 0);
    }

    void wallClockGoingBackDoesNotStretchAPause()
    {
        FakeClock clock(kT0);
        QuotaLimiter limiter(clock);
        limiter.reportRateLimited(10s);
        clock.advance(-1h);
        limiter.dispatch();
        QCOMPARE(limiter.waitFor(gmailquota::kMessagesGet, clock.now()).count(), 10040);
    }

    void suspendRefillsTheBucket()
    {
        FakeClock clock(kT0);
        QuotaLimiter limiter(clock);
        limiter.reportRateLimited(0s);
        QCOMPARE(simulate(clock, limiter, repeated({5}, 30)).size(), 30);
        clock.advance(8h); // asleep overnight: the wall clock jumps
        int started = 0;
        for (int i = 0; i < 60; ++i)
            limiter.acquire(5, [&] {
                ++started;
                limiter.release();
            });
        QCOMPARE(started, 25); // a full bucket at the configured rate: half a second's 250 units
        QCOMPARE(limiter.unitsPerSecond(clock.now()), 250.0);
    }

    // The real QTimer: armed once for the next permitted instant, and starting the request when it fires.
    void timerStartsTheNextRequest()
    {
        FakeClock clock(kT0);
        QuotaLimiter limiter(clock);
        int started = 0;
        for (int i = 0; i < 26; ++i)
            limiter.acquire(5, [&] {
                ++started;
                limiter.release();
            });
        QCOMPARE(started, 25);
        QVERIFY(limiter.isTimerArmed());
        QCOMPARE(limiter.timerInterval(), 20ms);
        clock.advance(20ms);
        QTRY_COMPARE(started, 26);
        QVERIFY2(!limiter.isTimerArmed(), "nothing waits: no timer");
    }
};

QTEST_GUILESS_MAIN(TestQuotaLimiter)
#include "tst_quotalimiter.moc"
