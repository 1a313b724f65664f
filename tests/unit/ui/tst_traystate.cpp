// The one picture for all accounts (trayStateFor) and the words next to it (traytext): the most urgent state wins,
// and a blip in backoff stays "up to date" — quiet on blips — until its outage has been announced.
#include "ui/traystate.h"
#include "ui/traytext.h"

#include <QTest>

using namespace vaulttray;

namespace {
AccountStatus account(AccountState state, WaitReason reason = WaitReason::None, bool outageAnnounced = false)
{
    AccountStatus s;
    s.name = QStringLiteral("work");
    s.state = state;
    s.waitReason = reason;
    s.outageAnnounced = outageAnnounced;
    return s;
}
} // namespace

class TestTrayState : public QObject
{
    Q_OBJECT

private slots:
    void state_data()
    {
        QTest::addColumn<QList<AccountStatus>>("accounts");
        QTest::addColumn<bool>("paused");
        QTest::addColumn<bool>("archiveFailed");
        QTest::addColumn<TrayState>("expected");
        using S = AccountState;
        using W = WaitReason;
        QTest::newRow("no accounts") << QList<AccountStatus>{} << false << false << TrayState::Idle;
        QTest::newRow("up to date") << QList{account(S::Idle)} << false << false << TrayState::Idle;
        QTest::newRow("a blip in backoff stays quiet")
            << QList{account(S::Backoff)} << false << false << TrayState::Idle;
        QTest::newRow("an announced outage is offline")
            << QList{account(S::Backoff, W::None, true)} << false << false << TrayState::Offline;
        QTest::newRow("no network") << QList{account(S::Waiting, W::Offline)} << false << false << TrayState::Offline;
        QTest::newRow("captive portal") << QList{account(S::Waiting, W::CaptivePortal)} << false << false
                                        << TrayState::Offline;
        QTest::newRow("asleep") << QList{account(S::Waiting, W::Asleep)} << false << false << TrayState::Offline;
        QTest::newRow("metered is a pause")
            << QList{account(S::Waiting, W::Metered)} << false << false << TrayState::Paused;
        QTest::newRow("paused with nothing due") << QList{account(S::Idle)} << true << false << TrayState::Paused;
        QTest::newRow("syncing") << QList{account(S::Syncing)} << false << false << TrayState::Syncing;
        QTest::newRow("syncing beats offline")
            << QList{account(S::Syncing), account(S::Waiting, W::Offline)} << false << false << TrayState::Syncing;
        QTest::newRow("a forced sync while paused shows the sync")
            << QList{account(S::Syncing)} << true << false << TrayState::Syncing;
        QTest::newRow("sign-in beats syncing")
            << QList{account(S::Syncing), account(S::NeedsSignIn)} << false << false << TrayState::Attention;
        QTest::newRow("failed") << QList{account(S::Failed)} << false << false << TrayState::Attention;
        QTest::newRow("archive failed") << QList<AccountStatus>{} << false << true << TrayState::Attention;
    }
    void state()
    {
        QFETCH(QList<AccountStatus>, accounts);
        QFETCH(bool, paused);
        QFETCH(bool, archiveFailed);
        QFETCH(TrayState, expected);
        QCOMPARE(trayStateFor(accounts, paused, archiveFailed), expected);
    }

    void everyStateHasItsIcon()
    {
        for (TrayState s :
             {TrayState::Idle, TrayState::Syncing, TrayState::Offline, TrayState::Paused, TrayState::Attention}) {
            QVERIFY2(QFile::exists(trayIconPath(s)), qPrintable(trayIconPath(s)));
        }
    }

    void linesSayWhatTheAccountDoes_data()
    {
        QTest::addColumn<AccountStatus>("status");
        QTest::addColumn<qint64>("messages");
        QTest::addColumn<QString>("line");
        AccountStatus syncing = account(AccountState::Syncing);
        syncing.progress = {120, 3000};
        QTest::newRow("progress with a total") << syncing << qint64(-1) << "work: archiving… 120 of 3,000";
        AccountStatus counting = account(AccountState::Syncing);
        counting.progress = {0, -1};
        QTest::newRow("progress before a total") << counting << qint64(-1) << "work: archiving…";
        QTest::newRow("never archived") << account(AccountState::Idle) << qint64(-1) << "work: not archived yet";
        QTest::newRow("sign in") << account(AccountState::NeedsSignIn) << qint64(0)
                                 << "work: needs you to sign in again";
        QTest::newRow("offline") << account(AccountState::Waiting, WaitReason::Offline) << qint64(0)
                                 << "work: waiting for the network";
        AccountStatus misconfigured = account(AccountState::Failed);
        misconfigured.lastFailure = Failure::of(FailureKind::ClientMisconfigured, QStringLiteral("invalid_client"));
        QTest::newRow("misconfigured says what to check, not to sign in")
            << misconfigured << qint64(0)
            << "work: stopped. The account's settings do not work with this server. Check them in Accounts.";
    }
    void linesSayWhatTheAccountDoes()
    {
        QFETCH(AccountStatus, status);
        QFETCH(qint64, messages);
        QFETCH(QString, line);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(traytext::accountLine({status, messages}, QDateTime::currentDateTime()), line);
    }

    void toolTipNamesEveryAccountAndThePause()
    {
        AccountStatus done = account(AccountState::Idle);
        done.name = QStringLiteral("home");
        done.lastSuccess = QDateTime::currentDateTime();
        const QString tip = traytext::toolTip({{done, 7}, {account(AccountState::Syncing), -1}}, true, QDateTime(),
                                              QDateTime::currentDateTime());
        QVERIFY2(tip.startsWith(QStringLiteral("vaulttray\nPaused until you resume\nhome: up to date")),
                 qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("\nwork: archiving…")), qPrintable(tip));
    }
};

QTEST_GUILESS_MAIN(TestTrayState)
#include "tst_traystate.moc"
