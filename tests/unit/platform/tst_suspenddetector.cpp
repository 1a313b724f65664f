#include "platform/suspenddetector.h"

#include <QTest>

using namespace vaulttray;
using namespace std::chrono_literals;

namespace {

constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kHour = 60 * kMinute;
// Uptime when a test starts: far from zero, as on a real machine.
constexpr qint64 kStartBootMs = 3 * kHour;
constexpr qint64 kStartMonotonicMs = 2 * kHour;

// Clocks that move only when the test says so.
class FakeMonotonicClocks final : public MonotonicClocks
{
public:
    qint64 bootMs() const override { return m_boot; }
    qint64 monotonicMs() const override { return m_monotonic; }
    void awake(qint64 ms)
    {
        m_boot += ms;
        m_monotonic += ms;
    }
    void asleep(qint64 ms) { m_boot += ms; }
    void advance(qint64 bootMs, qint64 monotonicMs)
    {
        m_boot += bootMs;
        m_monotonic += monotonicMs;
    }

private:
    qint64 m_boot = kStartBootMs;
    qint64 m_monotonic = kStartMonotonicMs;
};

} // namespace

class TestSuspendDetector : public QObject
{
    Q_OBJECT

private slots:
    void check_data();
    void check();
    void reportsOncePerSuspend();
    void sleepsAddUpBetweenLooksButCountOnce();
    void awakeTimeDoesNotHideASuspend();
    void resetForgetsAnAnnouncedSuspend();
    void systemClocksSeeNoSuspendWhileAwake();
};

void TestSuspendDetector::check_data()
{
    QTest::addColumn<qint64>("awakeMs");
    QTest::addColumn<qint64>("asleepMs");
    QTest::addColumn<qint64>("toleranceMs");
    QTest::addColumn<bool>("expected");
    QTest::addColumn<qint64>("expectedDurationMs");

    const qint64 tolerance = kSuspendTolerance.count();
    QTest::newRow("no time passed") << 0LL << 0LL << tolerance << false << 0LL;
    QTest::newRow("awake for an hour") << kHour << 0LL << tolerance << false << 0LL;
    QTest::newRow("slept for an hour") << 0LL << kHour << tolerance << true << kHour;
    QTest::newRow("awake, then slept overnight") << 10 * kMinute << 8 * kHour << tolerance << true << 8 * kHour;
    // The guard itself: a lag up to the tolerance is scheduling noise, one millisecond more is a suspend.
    QTest::newRow("lag just below the tolerance") << kMinute << tolerance - 1 << tolerance << false << 0LL;
    QTest::newRow("lag exactly the tolerance") << kMinute << tolerance << tolerance << false << 0LL;
    QTest::newRow("lag just above the tolerance") << kMinute << tolerance + 1 << tolerance << true << tolerance + 1;
    QTest::newRow("zero tolerance, one ms") << 0LL << 1LL << 0LL << true << 1LL;
    QTest::newRow("negative tolerance counts as zero") << 0LL << 0LL << -kMinute << false << 0LL;
    QTest::newRow("a longer tolerance ignores a short nap") << 0LL << kMinute << 2 * kMinute << false << 0LL;
}

void TestSuspendDetector::check()
{
    QFETCH(qint64, awakeMs);
    QFETCH(qint64, asleepMs);
    QFETCH(qint64, toleranceMs);
    QFETCH(bool, expected);
    QFETCH(qint64, expectedDurationMs);

    FakeMonotonicClocks clocks;
    SuspendDetector detector(clocks, std::chrono::milliseconds(toleranceMs));
    clocks.awake(awakeMs);
    clocks.asleep(asleepMs);
    QCOMPARE(detector.check(), expected);
    QCOMPARE(detector.lastSuspendDuration().count(), expectedDurationMs);
}

void TestSuspendDetector::reportsOncePerSuspend()
{
    FakeMonotonicClocks clocks;
    SuspendDetector detector(clocks);
    clocks.asleep(kHour);
    QVERIFY(detector.check());
    QVERIFY(!detector.check());
    clocks.awake(kMinute);
    QVERIFY(!detector.check());
    QCOMPARE(detector.lastSuspendDuration(), std::chrono::milliseconds(kHour));

    clocks.asleep(2 * kHour);
    QVERIFY(detector.check());
    QCOMPARE(detector.lastSuspendDuration(), std::chrono::milliseconds(2 * kHour));
}

void TestSuspendDetector::sleepsAddUpBetweenLooksButCountOnce()
{
    FakeMonotonicClocks clocks;
    SuspendDetector detector(clocks);
    // Two naps, each below the tolerance, with nobody looking in between: together they are a suspend.
    const qint64 nap = kSuspendTolerance.count() / 2 + 1;
    clocks.asleep(nap);
    clocks.awake(kMinute);
    clocks.asleep(nap);
    QVERIFY(detector.check());
    QCOMPARE(detector.lastSuspendDuration(), std::chrono::milliseconds(2 * nap));
    QVERIFY(!detector.check());
}

void TestSuspendDetector::awakeTimeDoesNotHideASuspend()
{
    FakeMonotonicClocks clocks;
    SuspendDetector detector(clocks);
    // A timer armed for five minutes fires after a day: most of it was spent asleep.
    clocks.awake(2 * kMinute);
    clocks.asleep(24 * kHour);
    clocks.awake(3 * kMinute);
    QVERIFY(detector.check());
    QCOMPARE(detector.lastSuspendDuration(), std::chrono::milliseconds(24 * kHour));
}

void TestSuspendDetector::resetForgetsAnAnnouncedSuspend()
{
    FakeMonotonicClocks clocks;
    SuspendDetector detector(clocks);
    clocks.asleep(kHour);
    // logind announced this one; the daemon already handled the wake.
    detector.reset();
    QVERIFY(!detector.check());
    QCOMPARE(detector.lastSuspendDuration(), 0ms);
    // The baseline moved on: a later suspend is still seen.
    clocks.asleep(kHour);
    QVERIFY(detector.check());
}

void TestSuspendDetector::systemClocksSeeNoSuspendWhileAwake()
{
    SystemMonotonicClocks clocks;
    const qint64 boot = clocks.bootMs();
    const qint64 monotonic = clocks.monotonicMs();
    QVERIFY2(boot > 0 && monotonic > 0, "both clocks run");
    // The boot clock counts every suspend since boot on top of what the monotonic clock counts.
    QVERIFY2(boot >= monotonic, qPrintable(QStringLiteral("boot %1 < monotonic %2").arg(boot).arg(monotonic)));
    SuspendDetector detector;
    QVERIFY(!detector.check());
}

QTEST_GUILESS_MAIN(TestSuspendDetector)
#include "tst_suspenddetector.moc"
