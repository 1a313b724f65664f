#include "core/schedulepolicy.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace vaulttray;
using namespace std::chrono_literals;

namespace {

QDateTime at(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toUTC();
}

constexpr qint64 kNoRetryAfter = -1;
constexpr qint64 kMsPerSecond = 1000;

} // namespace

class TestSchedulePolicy : public QObject
{
    Q_OBJECT

private slots:
    void nextRun_data();
    void nextRun();
    void backoff_data();
    void backoff();
    void backoffStaysInsideItsWindow();
    void timerArm_data();
    void timerArm();
    void wakeCatchUp_data();
    void wakeCatchUp();
    void postWakeGrace_data();
    void postWakeGrace();
    void suspend_data();
    void suspend();
};

void TestSchedulePolicy::nextRun_data()
{
    QTest::addColumn<QDateTime>("lastSuccess");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<QDateTime>("expected");

    const QDateTime now = at("2024-03-10T08:00:00Z");
    QTest::newRow("never synced: first run delay") << QDateTime() << now << at("2024-03-10T08:00:10Z");
    QTest::newRow("synced 5 min ago: 10 min to go") << at("2024-03-10T07:55:00Z") << now << at("2024-03-10T08:10:00Z");
    QTest::newRow("synced just now: one interval") << now << now << at("2024-03-10T08:15:00Z");
    QTest::newRow("exactly due") << at("2024-03-10T07:45:00Z") << now << now;
    QTest::newRow("overdue after a night asleep: once, now") << at("2024-03-09T23:00:00Z") << now << now;
    QTest::newRow("clock set back a day: at most one interval")
        << at("2024-03-11T08:00:00Z") << now << at("2024-03-10T08:15:00Z");
    QTest::newRow("no clock") << now << QDateTime() << QDateTime();
}

void TestSchedulePolicy::nextRun()
{
    QFETCH(QDateTime, lastSuccess);
    QFETCH(QDateTime, now);
    QFETCH(QDateTime, expected);
    QCOMPARE(nextRunAt(lastSuccess, now, SchedulePolicy{}), expected);
}

void TestSchedulePolicy::backoff_data()
{
    QTest::addColumn<int>("attempt");
    QTest::addColumn<qint64>("retryAfterSeconds");
    QTest::addColumn<double>("uniform01");
    QTest::addColumn<qint64>("expectedMs");

    // Default policy: base 30 s, interval (the cap) 15 min, Retry-After ceiling 24 h.
    QTest::newRow("first retry, full draw") << 0 << kNoRetryAfter << 1.0 << qint64(30'000);
    QTest::newRow("first retry, half draw") << 0 << kNoRetryAfter << 0.5 << qint64(15'000);
    QTest::newRow("second retry doubles") << 1 << kNoRetryAfter << 1.0 << qint64(60'000);
    QTest::newRow("fifth retry") << 4 << kNoRetryAfter << 1.0 << qint64(480'000);
    QTest::newRow("sixth retry hits the interval cap") << 5 << kNoRetryAfter << 1.0 << qint64(900'000);
    QTest::newRow("huge attempt stays capped") << 1000 << kNoRetryAfter << 0.25 << qint64(225'000);
    QTest::newRow("INT_MAX attempt") << std::numeric_limits<int>::max() << kNoRetryAfter << 0.5 << qint64(450'000);
    QTest::newRow("negative attempt counts as first") << -3 << kNoRetryAfter << 1.0 << qint64(30'000);
    QTest::newRow("zero draw floors at one second") << 3 << kNoRetryAfter << 0.0 << qint64(1'000);
    QTest::newRow("NaN draw floors at one second") << 3 << kNoRetryAfter << std::nan("") << qint64(1'000);
    QTest::newRow("draw above one is clamped") << 0 << kNoRetryAfter << 7.0 << qint64(30'000);
    QTest::newRow("Retry-After longer than the jitter wins") << 0 << qint64(120) << 0.5 << qint64(120'000);
    QTest::newRow("Retry-After shorter than the jitter loses") << 2 << qint64(5) << 0.5 << qint64(60'000);
    QTest::newRow("Retry-After beyond the interval is honoured") << 0 << qint64(3600) << 1.0 << qint64(3'600'000);
    QTest::newRow("Retry-After beyond the ceiling is cut") << 0 << qint64(3 * 24 * 3600) << 1.0 << qint64(86'400'000);
    QTest::newRow("Retry-After zero") << 0 << qint64(0) << 1.0 << qint64(30'000);
    QTest::newRow("Retry-After negative is ignored") << 0 << qint64(-30) << 1.0 << qint64(30'000);
}

void TestSchedulePolicy::backoff()
{
    QFETCH(int, attempt);
    QFETCH(qint64, retryAfterSeconds);
    QFETCH(double, uniform01);
    QFETCH(qint64, expectedMs);
    // -30 is a deliberately negative Retry-After, not "none".
    const std::optional<std::chrono::seconds> retryAfter =
        retryAfterSeconds == kNoRetryAfter ? std::nullopt : std::optional(std::chrono::seconds(retryAfterSeconds));
    QCOMPARE(backoffDelay(attempt, retryAfter, SchedulePolicy{}, uniform01).count(), expectedMs);
}

void TestSchedulePolicy::backoffStaysInsideItsWindow()
{
    SchedulePolicy policy;
    policy.interval = 10min;
    policy.backoffBase = 7s;
    constexpr int kAttempts = 40;
    constexpr int kDraws = 100;
    for (int attempt = 0; attempt < kAttempts; ++attempt) {
        const qint64 windowMs =
            std::min<qint64>(policy.backoffBase.count() * kMsPerSecond * (qint64(1) << std::min(attempt, 30)),
                             policy.interval.count() * kMsPerSecond);
        for (int i = 0; i <= kDraws; ++i) {
            const double u = double(i) / kDraws;
            const qint64 ms = backoffDelay(attempt, std::nullopt, policy, u).count();
            QVERIFY2(ms >= kMinBackoffDelay.count() && ms <= std::max<qint64>(windowMs, kMinBackoffDelay.count()),
                     qPrintable(QStringLiteral("attempt %1 u %2 → %3 ms").arg(attempt).arg(u).arg(ms)));
        }
    }
}

void TestSchedulePolicy::timerArm_data()
{
    QTest::addColumn<QDateTime>("due");
    QTest::addColumn<qint64>("expectedMs");

    QTest::newRow("due in two minutes") << at("2024-03-10T08:02:00Z") << qint64(120'000);
    QTest::newRow("due in an hour: at most five minutes") << at("2024-03-10T09:00:00Z") << qint64(300'000);
    QTest::newRow("due exactly now") << at("2024-03-10T08:00:00Z") << qint64(0);
    QTest::newRow("overdue: never negative") << at("2024-03-10T07:00:00Z") << qint64(0);
    QTest::newRow("nothing due: look again later") << QDateTime() << qint64(300'000);
}

void TestSchedulePolicy::timerArm()
{
    QFETCH(QDateTime, due);
    QFETCH(qint64, expectedMs);
    QCOMPARE(timerArmDelay(due, at("2024-03-10T08:00:00Z"), SchedulePolicy{}).count(), expectedMs);
}

void TestSchedulePolicy::wakeCatchUp_data()
{
    QTest::addColumn<double>("uniform01");
    QTest::addColumn<QDateTime>("expected");

    QTest::newRow("no jitter") << 0.0 << at("2024-03-10T08:00:00Z");
    QTest::newRow("half") << 0.5 << at("2024-03-10T08:00:10Z");
    QTest::newRow("full") << 1.0 << at("2024-03-10T08:00:20Z");
    QTest::newRow("out of range is clamped") << -4.0 << at("2024-03-10T08:00:00Z");
}

void TestSchedulePolicy::wakeCatchUp()
{
    QFETCH(double, uniform01);
    QFETCH(QDateTime, expected);
    QCOMPARE(wakeCatchUpAt(at("2024-03-10T08:00:00Z"), SchedulePolicy{}, uniform01), expected);
}

void TestSchedulePolicy::postWakeGrace_data()
{
    QTest::addColumn<QDateTime>("wokeAt");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<bool>("expected");

    const QDateTime woke = at("2024-03-10T08:00:00Z");
    QTest::newRow("just woke") << woke << woke << true;
    QTest::newRow("59 s later") << woke << at("2024-03-10T08:00:59Z") << true;
    QTest::newRow("60 s later: over") << woke << at("2024-03-10T08:01:00Z") << false;
    QTest::newRow("NTP stepped back 3 s") << woke << at("2024-03-10T07:59:57Z") << true;
    QTest::newRow("clock far behind") << woke << at("2024-03-10T07:00:00Z") << false;
    QTest::newRow("never woke") << QDateTime() << woke << false;
}

void TestSchedulePolicy::postWakeGrace()
{
    QFETCH(QDateTime, wokeAt);
    QFETCH(QDateTime, now);
    QFETCH(bool, expected);
    QCOMPARE(inPostWakeGrace(wokeAt, now, SchedulePolicy{}), expected);
}

void TestSchedulePolicy::suspend_data()
{
    QTest::addColumn<qint64>("bootDeltaMs");
    QTest::addColumn<qint64>("monotonicDeltaMs");
    QTest::addColumn<qint64>("toleranceMs");
    QTest::addColumn<bool>("expected");

    QTest::newRow("awake: both clocks agree") << qint64(60'000) << qint64(60'000) << qint64(2'000) << false;
    QTest::newRow("scheduling noise within tolerance") << qint64(61'500) << qint64(60'000) << qint64(2'000) << false;
    QTest::newRow("exactly the tolerance") << qint64(62'000) << qint64(60'000) << qint64(2'000) << false;
    QTest::newRow("just past the tolerance") << qint64(62'001) << qint64(60'000) << qint64(2'000) << true;
    QTest::newRow("an hour asleep") << qint64(3'660'000) << qint64(60'000) << qint64(2'000) << true;
    QTest::newRow("negative tolerance counts as zero") << qint64(60'001) << qint64(60'000) << qint64(-5) << true;
    QTest::newRow("monotonic ahead (no suspend)") << qint64(60'000) << qint64(61'000) << qint64(0) << false;
}

void TestSchedulePolicy::suspend()
{
    QFETCH(qint64, bootDeltaMs);
    QFETCH(qint64, monotonicDeltaMs);
    QFETCH(qint64, toleranceMs);
    QFETCH(bool, expected);
    QCOMPARE(suspendSuspected(bootDeltaMs, monotonicDeltaMs, toleranceMs), expected);
}

QTEST_GUILESS_MAIN(TestSchedulePolicy)
#include "tst_schedulepolicy.moc"
