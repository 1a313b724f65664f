// The status window follows a running sync's progress from the scheduler and lists the last runs that the
// archive's sync_runs holds, with failures in plain words.
#include "fakes/fakeclock.h"
#include "fakes/scriptedprovider.h"
#include "screenshot.h"

#include "daemon/scheduler.h"
#include "store/archive.h"
#include "store/archivewriter.h"
#include "ui/statustext.h"
#include "ui/statuswindow.h"

#include <QLabel>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace vaulttray;

namespace {
const QDateTime kT0(QDate(2026, 6, 1), QTime(8, 0), Qt::UTC);
constexpr int kWaitMs = 20000;

WriteBatch run(qint64 account, const QDateTime &start, RunStatus status, const Failure &failure, int added)
{
    WriteBatch b;
    b.accountId = account;
    b.at = start;
    b.runStartedAt = start;
    b.progress = RunProgress{added, 0, 0, 0, 0};
    b.runEnd = RunEnd{start.addSecs(30), status, failure};
    return b;
}
} // namespace

class TestStatusWindow : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir.reset(new QTemporaryDir);
        m_path = m_dir->filePath(QStringLiteral("archive.db"));
        QVERIFY(!Archive::prepare(m_path));
        ArchiveWriter writer(m_path);
        QVERIFY(!writer.start());
        m_account = AccountRecord{0, QStringLiteral("work"), QStringLiteral("imap"), {}, "{}", kT0};
        QVERIFY(!writer.addAccount(m_account, &m_account.id));
        QVERIFY(!writer.commit(run(m_account.id, kT0, RunStatus::Ok, Failure::none(), 12)).error);
        QVERIFY(!writer.commit(run(m_account.id, kT0.addSecs(900), RunStatus::Failed,
                                   Failure::of(FailureKind::NetworkTransient, QStringLiteral("refused")), 0))
                     .error);
    }

    void showsProgressAndLastRuns()
    {
        test::FakeClock clock(kT0.addSecs(3600));
        test::ScriptedProvider provider;
        provider.scriptForever(m_account.id, std::nullopt); // runs until the test finishes it
        Scheduler scheduler(
            clock, [&provider](const AccountRecord &a) { return provider.create(a); }, [] { return 0.5; }, {});
        scheduler.addAccount(m_account, clock.now()); // not due: only syncNow starts a run

        StatusWindow window(scheduler, m_path);
        QSignalSpy runsShown(&window, &StatusWindow::runsShown);
        QVERIFY(runsShown.wait(kWaitMs));
        QTreeWidget *runs = window.runs();
        QCOMPARE(runs->topLevelItemCount(), 2);
        // Newest first; the failure in plain words, not its technical kind.
        QCOMPARE(runs->topLevelItem(0)->text(3), QStringLiteral("Failed"));
        QCOMPARE(runs->topLevelItem(0)->text(4), StatusText::failure(Failure::of(FailureKind::NetworkTransient, {})));
        QVERIFY(!runs->topLevelItem(0)->text(4).contains(QLatin1String("network-transient")));
        QVERIFY(runs->topLevelItem(1)->text(3).startsWith(QLatin1String("12 new message")));

        QVERIFY(window.progressBar(m_account.id)->isHidden());
        scheduler.syncNow();
        test::ScriptedProvider::Job *job = provider.running(m_account.id);
        QVERIFY(job);
        emit job->progressed(SyncProgress{40, 160});
        QProgressBar *bar = window.progressBar(m_account.id);
        QVERIFY(!bar->isHidden());
        QCOMPARE(bar->maximum(), 160);
        QCOMPARE(bar->value(), 40);
        QVERIFY(window.stateLabel(m_account.id)->text().startsWith(QStringLiteral("Archiving: 40 of 160 message")));
        window.resize(720, 420);
        QVERIFY(testsupport::keepScreenshot(window, QStringLiteral("status-window-syncing")));

        // A burst of progress (one report per message) right after the first is not drawn message by message: the
        // window shows where the burst ended once its render interval is over.
        QSignalSpy drawn(bar, &QProgressBar::valueChanged);
        for (int done = 41; done <= 140; ++done)
            emit job->progressed(SyncProgress{done, 160});
        QCOMPARE(drawn.count(), 0);
        QCOMPARE(bar->value(), 40);
        QTRY_COMPARE_WITH_TIMEOUT(bar->value(), 140, kWaitMs);
        QCOMPARE(drawn.count(), 1);
        QVERIFY(window.stateLabel(m_account.id)->text().startsWith(QStringLiteral("Archiving: 140 of 160 message")));

        job->finishWith(Failure::none());
        QTRY_VERIFY_WITH_TIMEOUT(bar->isHidden(), kWaitMs);
        QVERIFY(window.stateLabel(m_account.id)->text().startsWith(QLatin1String("Up to date")));
        QTRY_COMPARE_WITH_TIMEOUT(runsShown.count(), 2, kWaitMs); // a finished run reloads the list
    }

    void failureStaysVisibleInPlainWords()
    {
        test::FakeClock clock(kT0.addSecs(3600));
        test::ScriptedProvider provider;
        provider.script(m_account.id, {Failure::of(FailureKind::ClientMisconfigured, QStringLiteral("LOGIN disabled"))});
        Scheduler scheduler(
            clock, [&provider](const AccountRecord &a) { return provider.create(a); }, [] { return 0.5; }, {});
        scheduler.addAccount(m_account, kT0);
        StatusWindow window(scheduler, m_path);
        scheduler.syncNow();
        const QString words = StatusText::failure(Failure::of(FailureKind::ClientMisconfigured, {}));
        const auto shown = [&window, &words] {
            const QList<QLabel *> labels = window.findChildren<QLabel *>();
            return std::any_of(labels.begin(), labels.end(),
                               [&words](QLabel *l) { return !l->isHidden() && l->text().contains(words); });
        };
        QTRY_VERIFY_WITH_TIMEOUT(shown(), kWaitMs);
        QVERIFY(testsupport::keepScreenshot(window, QStringLiteral("status-window-failed")));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    AccountRecord m_account;
};

QTEST_MAIN(TestStatusWindow)
#include "tst_statuswindow.moc"
