// A Gmail mailbox of 3,000 messages archived by the real vaulttray executable, as a person runs it, against the
// local Gmail API server and the OAuth server:
// - kill -9 at several points of a full sync; each restart completes with nothing missing or doubled, and a kill
//   costs at most the messages fetched since the last committed batch;
// - every message byte-identical to the server's raw bytes, with its labels;
// - adds, deletes and label changes applied incrementally; expired history falls back to a full pass;
// - a running instance (`--headless`) stops a sync cleanly when logind announces sleep (a private system bus with
//   python-dbusmock's logind), releases its delay lock, and finishes the archive by itself after the wake.
// Scenario "fulldisk" (its own class): the archive's filesystem fills mid-sync.
// Scenario "privatefile" (its own class): no keychain at all, the person allowed the private secrets file, and a sync
// reads the refresh token from there.
#include "clirun.h"
#include "gmailserver.h"
#include "integration/platform/dbustestbed.h"
#include "net/secrets/filesecretstore.h"
#include "net/secrets/keychainsecretstore.h"
#include "oauthserver.h"
#include "secretstestbed.h"
#include "secretwait.h"
#include "store/archivereader.h"

#include <QDBusConnection>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>
#include <cstdio>

#include <unistd.h>

using namespace vaulttray;
using namespace vaulttray::test;

namespace {
constexpr int kProcessTimeoutMs = 120000;
// Waits for another process's real work: a sync of thousands of messages, a D-Bus round trip.
constexpr int kWorkTimeoutMs = 90000;
// After a wake the accounts catch up within SchedulePolicy::wakeJitterMax (20 s).
constexpr int kWakeTimeoutMs = 60000;
// GmailSyncJob commits fetched messages every 100: a kill loses at most the 99 fetched since.
constexpr int kFlushMessages = 100;
// QuotaLimiter::kDefaultMaxInFlight.
constexpr int kMaxInFlight = 10;

const QString kLogind = QStringLiteral("org.freedesktop.login1");
const QString kLogindPath = QStringLiteral("/org/freedesktop/login1");
const QString kLogindManager = QStringLiteral("org.freedesktop.login1.Manager");
const QString kNetworkManager = QStringLiteral("org.freedesktop.NetworkManager");
constexpr uint kNmConnectedGlobal = 70;
// The exit code ctest reads as "skipped" (SKIP_RETURN_CODE in tests/e2e/CMakeLists.txt).
constexpr int kSkipped = 77;

QString str(const char *s) { return QString::fromUtf8(s); }

using Run = CliRun;

QStringList sortedLabels(const QJsonObject &message)
{
    QStringList labels;
    for (const QJsonValue &l : message.value(QStringLiteral("labelIds")).toArray())
        labels << l.toString();
    std::sort(labels.begin(), labels.end());
    return labels;
}
} // namespace

// The servers, the signed-in account and the checks both scenarios share.
class GmailArchiveFixture
{
public:
    explicit GmailArchiveFixture(SecretsTestBed &bed)
        : m_bed(bed)
    {
    }

    // Starts the OAuth and Gmail servers (a mailbox of `messages`) and adds the Gmail account "me"; QVERIFY inside.
    void setUp(int messages, bool allowPrivateFile)
    {
        QString error;
        QVERIFY2(m_oauth.start(&error), qPrintable(error));
        GmailServerOptions gmail;
        gmail.messages = messages;
        gmail.email = QStringLiteral("ann@example.org");
        gmail.tokens.clear();
        gmail.introspectUrl = m_oauth.url(QStringLiteral("/introspect-jwt")).toString();
        gmail.unitsPerSecond = 0;
        m_gmail = std::make_unique<GmailServer>(gmail);
        const QString gmailError = m_gmail->start();
        QVERIFY2(gmailError.isEmpty(), qPrintable(gmailError));
        m_total = m_gmail->allMessages(true).size();
        QCOMPARE(m_total, qint64(messages));
        qputenv("VAULTTRAY_GMAIL_API_BASE", m_gmail->baseUrl().toString().toUtf8());

        m_clientFile = m_bed.root() + QStringLiteral("/client_secret.json");
        QVERIFY(writeFile(m_clientFile, m_oauth.clientFileJson()));
        const QString browser = writeCurlBrowser(m_bed.root());
        QVERIFY(!browser.isEmpty());
        qputenv("BROWSER", browser.toUtf8());
        m_archive = m_bed.root() + QStringLiteral("/a/archive.db");

        if (allowPrivateFile) {
            const Run allow = run({str("secrets"), str("allow-private-file")});
            QVERIFY2(allow.exitCode == 0, qPrintable(allow.err));
        }
        addGmail(m_archive, str("me"));
        m_account = accountId(m_archive, str("me"));
        QVERIFY(m_account > 0);
    }

    void addGmail(const QString &archive, const QString &name)
    {
        QVERIFY(m_oauth.setNextUser(QStringLiteral("ann@example.org")));
        // The server's quota is lifted and so is the account's: the quota is the benchmark's subject, here it would
        // only make the runs long (Google's 250 units/s is 50 messages/s).
        const Run added = run({str("--archive"), archive, str("account"), str("add-gmail"), name,
                               str("--client-file"), m_clientFile, str("--quota"), str("100000")});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    }

    Run run(const QStringList &args)
    {
        return runVaulttray(args);
    }

    // The account's entry in `vaulttray status --json`.
    QJsonObject accountStatus(const QString &archive, const QString &name)
    {
        const Run r = run({str("--archive"), archive, str("status"), str("--json")});
        for (const QJsonValue &a : QJsonDocument::fromJson(r.out.toUtf8()).object().value(str("accounts")).toArray())
            if (a.toObject().value(str("name")).toString() == name)
                return a.toObject();
        return {};
    }

    int messagesGetCalls() { return m_gmail->stats().value(str("messagesGetCalls")).toInt(); }

    static qint64 accountId(const QString &archive, const QString &name)
    {
        ArchiveReader reader(archive);
        const std::optional<AccountRecord> a = reader.account(name);
        return a ? a->id : 0;
    }

    static qint64 archived(const QString &archive, qint64 account)
    {
        ArchiveReader reader(archive);
        return reader.openError() ? -1 : reader.messageCount(account, true);
    }

    static QList<SyncRunRecord> syncRuns(const QString &archive, qint64 account)
    {
        ArchiveReader reader(archive);
        return reader.syncRuns(account, 100);
    }

    // Runs that have ended, whatever their outcome.
    static int finishedRuns(const QString &archive, qint64 account)
    {
        const QList<SyncRunRecord> runs = syncRuns(archive, account);
        return int(std::count_if(runs.begin(), runs.end(), [](const SyncRunRecord &r) { return r.endedAt.isValid(); }));
    }

    // The archive opens, passes integrity_check and holds each message once.
    void verifyIntact(const QString &archive, qint64 account)
    {
        ArchiveReader reader(archive);
        QVERIFY2(!reader.openError(), qPrintable(reader.openError().message));
        QSqlQuery q(reader.database());
        QVERIFY(q.exec(str("PRAGMA integrity_check")) && q.next());
        QCOMPARE(q.value(0).toString(), str("ok"));
        QVERIFY(q.prepare(str("SELECT COUNT(*), COUNT(DISTINCT provider_id) FROM messages WHERE account_id = ?")));
        q.addBindValue(account);
        QVERIFY(q.exec() && q.next());
        QCOMPARE(q.value(0).toLongLong(), q.value(1).toLongLong());
        QCOMPARE(q.value(0).toLongLong(), reader.messageCount(account, true));
    }

    // Every message the server holds is archived and not marked deleted, with the server's labels; the raw bytes
    // are compared for every message (all) or a sample of one in 20.
    void verifyArchive(const QString &archive, qint64 account, bool all)
    {
        ArchiveReader reader(archive);
        QVERIFY(!reader.openError());
        const QJsonArray messages = m_gmail->allMessages(true);
        QCOMPARE(reader.messageCount(account, false), qint64(messages.size()));
        const QSet<QString> live = reader.providerIds(account, false);
        int i = 0;
        for (const QJsonValue &v : messages) {
            const QJsonObject m = v.toObject();
            const QString id = m.value(str("id")).toString();
            QVERIFY2(live.contains(id), qPrintable(id));
            QStringList labels = reader.labelsOf(account, id);
            std::sort(labels.begin(), labels.end());
            QCOMPARE(labels, sortedLabels(m));
            if (all || i++ % 20 == 0) {
                const std::optional<QByteArray> raw = reader.rawMessage(account, id);
                QVERIFY2(raw.has_value(), qPrintable(id));
                QVERIFY2(*raw == m_gmail->raw(id), qPrintable(id));
            }
        }
    }

    // Deleted on the server: soft-marked in the archive, bytes kept.
    void verifyKeptButMarked(const QStringList &ids)
    {
        ArchiveReader reader(m_archive);
        const QSet<QString> live = reader.providerIds(m_account, false);
        for (const QString &id : ids) {
            QVERIFY2(!live.contains(id), qPrintable(id));
            QVERIFY2(reader.rawMessage(m_account, id).has_value(), qPrintable(id));
        }
    }

    SecretsTestBed &m_bed;
    OAuthServer m_oauth;
    std::unique_ptr<GmailServer> m_gmail;
    qint64 m_total = 0;
    QString m_clientFile;
    QString m_archive;
    qint64 m_account = 0;
};

class TestGmailArchive : public QObject, private GmailArchiveFixture
{
    Q_OBJECT

public:
    TestGmailArchive(SecretsTestBed &bed, DBusMock &logind)
        : GmailArchiveFixture(bed), m_logind(logind)
    {
    }

private slots:
    void initTestCase() { setUp(3000, false); }

    // kill -9 while fetching, at several depths into the run; each restart goes on from what was committed.
    void killedMidFullSyncRestartsWithoutLossOrDuplicates()
    {
        const QList<int> killAfter{0, 350, 1000, 720};
        int kills = 0;
        for (const int k : killAfter) {
            const qint64 before = archived(m_archive, m_account);
            const int callsBefore = messagesGetCalls();
            // Every messages.get after the k-th of this run hangs: the process is caught mid-transfer.
            QVERIFY(m_gmail->addFault(QJsonObject{{str("method"), str("messages.get")}, {str("after"), k},
                                                  {str("stall"), true}}));
            QProcess p;
            p.start(qEnvironmentVariable("VAULTTRAY_BIN"), {str("--archive"), m_archive, str("sync"), str("--once"), str("me")});
            QVERIFY(p.waitForStarted());
            QTRY_VERIFY_WITH_TIMEOUT(messagesGetCalls() > callsBefore + k, kWorkTimeoutMs);
            // Everything but the last unflushed messages is committed before the crash.
            const qint64 floor = before + std::max(0, k - (kFlushMessages - 1));
            QTRY_VERIFY2_WITH_TIMEOUT(archived(m_archive, m_account) >= floor,
                                      qPrintable(QStringLiteral("archived %1, expected at least %2 after %3 fetches")
                                                     .arg(archived(m_archive, m_account)).arg(floor).arg(k)),
                                      kWorkTimeoutMs);
            p.kill(); // SIGKILL
            QVERIFY(p.waitForFinished(kProcessTimeoutMs));
            QCOMPARE(p.exitStatus(), QProcess::CrashExit);
            ++kills;
            QVERIFY(m_gmail->clearFaults());
            verifyIntact(m_archive, m_account);
            qInfo("kill after %d fetches: %lld archived before, %lld after", k, before, archived(m_archive, m_account));
        }
        const qint64 beforeFinal = archived(m_archive, m_account);
        QVERIFY(beforeFinal < m_total);
        const int callsBefore = messagesGetCalls();
        const Run r = run({str("--archive"), m_archive, str("sync"), str("--once"), str("me")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // The restart fetched exactly what was missing: nothing committed is fetched twice.
        QCOMPARE(qint64(messagesGetCalls() - callsBefore), m_total - beforeFinal);
        verifyIntact(m_archive, m_account);
        verifyArchive(m_archive, m_account, true);
        const QList<SyncRunRecord> runs = syncRuns(m_archive, m_account);
        QCOMPARE(runs.size(), kills + 1);
        QCOMPARE(runs.first().status, str("ok"));
        for (int i = 1; i < runs.size(); ++i)
            QCOMPARE(runs.at(i).status, str("interrupted"));
    }

    void incrementalAppliesAddsDeletesAndLabelChanges()
    {
        const QJsonArray before = m_gmail->allMessages(true);
        QStringList ids;
        for (const QJsonValue &v : before)
            ids << v.toObject().value(str("id")).toString();
        QVERIFY(!m_gmail->addMessages(30).isEmpty());
        QVERIFY(!m_gmail->modifyLabels(ids.mid(100, 50), {str("Label_1"), str("STARRED")}, {str("INBOX")}).isEmpty());
        QVERIFY(!m_gmail->trash(ids.mid(200, 10)).isEmpty());
        const QStringList gone = ids.mid(300, 15);
        QVERIFY(!m_gmail->deletePermanently(gone).isEmpty());
        const int callsBefore = messagesGetCalls();
        const Run r = run({str("--archive"), m_archive, str("sync"), str("--once"), str("me")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(messagesGetCalls() - callsBefore, 30); // only the new mail is fetched
        verifyArchive(m_archive, m_account, false);
        verifyKeptButMarked(gone);
    }

    void expiredHistoryFallsBackToAFullPass()
    {
        const QJsonArray before = m_gmail->allMessages(true);
        QStringList ids;
        for (const QJsonValue &v : before)
            ids << v.toObject().value(str("id")).toString();
        QVERIFY(!m_gmail->addMessages(5).isEmpty());
        QVERIFY(!m_gmail->modifyLabels(ids.mid(1000, 20), {str("IMPORTANT")}, {}).isEmpty());
        const QStringList gone = ids.mid(1500, 5);
        QVERIFY(!m_gmail->deletePermanently(gone).isEmpty());
        QVERIFY(m_gmail->control("POST", str("history/expire"), QJsonObject{{str("all"), true}}).status == 200);
        const int callsBefore = messagesGetCalls();
        const Run r = run({str("--archive"), m_archive, str("sync"), str("--once"), str("me")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(messagesGetCalls() - callsBefore, 5); // the full pass keeps what is archived
        verifyArchive(m_archive, m_account, false);
        verifyKeptButMarked(gone);
    }

    // A running instance with a sync in flight hears logind's PrepareForSleep: the run stops, what was fetched is
    // committed, the delay lock is released; after the wake the instance finishes the archive by itself.
    void sleepStopsTheSyncCleanlyAndWakeResumesIt()
    {
        const QString archive = m_bed.root() + QStringLiteral("/b/archive.db");
        addGmail(archive, str("sleeper"));
        const qint64 account = accountId(archive, str("sleeper"));
        const int total = m_gmail->allMessages(true).size();

        QProcess daemon;
        daemon.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        daemon.start(qEnvironmentVariable("VAULTTRAY_BIN"), {str("--headless"), str("--archive"), archive});
        QVERIFY(daemon.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(run({str("--archive"), archive, str("status")}).exitCode == 0, kWorkTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(inhibitors().contains(str("vaulttray")), kWorkTimeoutMs);

        const int callsBefore = messagesGetCalls();
        const int stallAfter = 640;
        QVERIFY(m_gmail->addFault(QJsonObject{{str("method"), str("messages.get")}, {str("after"), stallAfter},
                                              {str("stall"), true}}));
        const Run now = run({str("--archive"), archive, str("sync"), str("sleeper")});
        QVERIFY2(now.exitCode == 0, qPrintable(now.err));
        QTRY_VERIFY_WITH_TIMEOUT(messagesGetCalls() > callsBefore + stallAfter, kWorkTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(archived(archive, account) >= stallAfter - (kFlushMessages - 1), kWorkTimeoutMs);

        // The running instance reports the run's progress (what the tray shows): fetched so far of the estimate.
        const QJsonObject progress = accountStatus(archive, str("sleeper")).value(str("progress")).toObject();
        QCOMPARE(accountStatus(archive, str("sleeper")).value(str("state")).toString(), str("Syncing"));
        QVERIFY2(progress.value(str("done")).toInteger() >= stallAfter - (kMaxInFlight - 1),
                 QJsonDocument(progress).toJson().constData());
        QCOMPARE(progress.value(str("total")).toInteger(), qint64(total));

        prepareForSleep(true);
        // The stalled requests are abandoned, the run ends as cancelled, the lock is given back.
        QTRY_VERIFY_WITH_TIMEOUT(!inhibitors().contains(str("vaulttray")), kWorkTimeoutMs);
        const QList<SyncRunRecord> stopped = syncRuns(archive, account);
        QVERIFY(!stopped.isEmpty());
        QCOMPARE(stopped.first().status, str("cancelled"));
        // The limiter keeps at most 10 requests in flight: when the 641st reached the server, at least 631 messages had
        // arrived. All of them are kept, though the last 100-message flush covered only 600.
        const qint64 kept = archived(archive, account);
        QVERIFY2(kept >= stallAfter - (kMaxInFlight - 1) && kept <= stallAfter, qPrintable(QString::number(kept)));
        QCOMPARE(daemon.state(), QProcess::Running);

        QVERIFY(m_gmail->clearFaults());
        const int callsAtWake = messagesGetCalls();
        prepareForSleep(false);
        QTRY_VERIFY_WITH_TIMEOUT(inhibitors().contains(str("vaulttray")), kWorkTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(archived(archive, account), qint64(total), kWakeTimeoutMs + kWorkTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(syncRuns(archive, account).value(0).status, str("ok"), kWorkTimeoutMs);
        QCOMPARE(qint64(messagesGetCalls() - callsAtWake), total - kept); // what was committed is not fetched again

        daemon.terminate();
        QVERIFY(daemon.waitForFinished(kProcessTimeoutMs));
        QCOMPARE(daemon.exitStatus(), QProcess::NormalExit);
        QCOMPARE(daemon.exitCode(), 0);
        verifyIntact(archive, account);
        verifyArchive(archive, account, false);
    }

    // Kept-alive connections from before a sleep may be dead without either end knowing (a NAT or access point forgot
    // them). After the wake the instance opens new ones: no request waits on an old one for its transfer timeout.
    void aWakeStartsOnFreshConnections()
    {
        const QString archive = m_bed.root() + QStringLiteral("/b/archive.db");
        const qint64 account = accountId(archive, str("sleeper"));
        QProcess daemon;
        daemon.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        daemon.start(qEnvironmentVariable("VAULTTRAY_BIN"), {str("--headless"), str("--archive"), archive});
        QVERIFY(daemon.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(run({str("--archive"), archive, str("status")}).exitCode == 0, kWorkTimeoutMs);
        const int runsBefore = finishedRuns(archive, account);
        // A run before the sleep leaves the instance idle with connections to the server in its cache.
        QVERIFY(!m_gmail->addMessages(5).isEmpty());
        QVERIFY(run({str("--archive"), archive, str("sync"), str("sleeper")}).exitCode == 0);
        QTRY_VERIFY_WITH_TIMEOUT(finishedRuns(archive, account) == runsBefore + 1, kWorkTimeoutMs);
        QCOMPARE(syncRuns(archive, account).first().status, str("ok"));

        QTRY_VERIFY_WITH_TIMEOUT(inhibitors().contains(str("vaulttray")), kWorkTimeoutMs);
        prepareForSleep(true);
        QTRY_VERIFY_WITH_TIMEOUT(!inhibitors().contains(str("vaulttray")), kWorkTimeoutMs);
        QVERIFY(m_gmail->strandConnections());
        prepareForSleep(false);
        QTRY_VERIFY_WITH_TIMEOUT(inhibitors().contains(str("vaulttray")), kWorkTimeoutMs);

        QVERIFY(!m_gmail->addMessages(5).isEmpty());
        const int total = m_gmail->allMessages(true).size();
        QVERIFY(run({str("--archive"), archive, str("sync"), str("sleeper")}).exitCode == 0);
        QTRY_VERIFY_WITH_TIMEOUT(finishedRuns(archive, account) == runsBefore + 2, kWorkTimeoutMs);
        QCOMPARE(syncRuns(archive, account).first().status, str("ok"));
        QCOMPARE(archived(archive, account), qint64(total));
        QCOMPARE(m_gmail->stats().value(str("strandedRequests")).toInt(), 0);

        QVERIFY(m_gmail->clearFaults()); // the stranded connections close
        daemon.terminate();
        QVERIFY(daemon.waitForFinished(kProcessTimeoutMs));
        QCOMPARE(daemon.exitCode(), 0);
    }

    void cleanupTestCase()
    {
        KeychainSecretStore keychain;
        const std::optional<SecretResult> read = waitFor(keychain.read(secretKey(str("me"), SecretKind::RefreshToken)));
        QVERIFY(read && read->ok() && !read->secret.isEmpty());
        QCOMPARE(m_bed.filesContaining(read->secret), QStringList()); // in the keyring only (encrypted)
        QCOMPARE(m_bed.filesContaining(read->secret.toBase64()), QStringList());
        QVERIFY(!m_oauth.output().contains(read->secret));
    }

private:
    void prepareForSleep(bool start)
    {
        const QDBusMessage reply = m_logind.emitSignal(kLogindPath, kLogindManager, str("PrepareForSleep"), str("b"), {start});
        QVERIFY2(reply.type() == QDBusMessage::ReplyMessage, qPrintable(reply.errorMessage()));
    }

    QStringList inhibitors()
    {
        QStringList who;
        for (const QString &lock : listInhibitors(m_logind))
            who << lock.section(QLatin1Char('|'), 1, 1);
        return who;
    }

    DBusMock &m_logind;
};

class TestGmailPrivateFile : public QObject, private GmailArchiveFixture
{
    Q_OBJECT

public:
    using GmailArchiveFixture::GmailArchiveFixture;

private slots:
    void initTestCase() { setUp(200, true); }

    void syncReadsTheTokenFromThePrivateFile()
    {
        const Run r = run({str("--archive"), m_archive, str("sync"), str("--once"), str("me")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        verifyArchive(m_archive, m_account, true);
        QCOMPARE(qint64(messagesGetCalls()), m_total);
    }

    void cleanupTestCase()
    {
        FileSecretStore file(m_bed.dataFolder(), Consent::Given);
        const std::optional<SecretResult> read = waitFor(file.read(secretKey(str("me"), SecretKind::RefreshToken)));
        QVERIFY(read && read->ok() && !read->secret.isEmpty());
        // The refresh token is encoded in the private file and nowhere else: not in the archive, settings or logs.
        QCOMPARE(m_bed.filesContaining(read->secret), QStringList());
        QCOMPARE(m_bed.filesContaining(read->secret.toBase64()), QStringList{m_bed.dataFolder() + str("/secrets.json")});
        QVERIFY(!m_oauth.output().contains(read->secret));
    }
};

// The archive on a small filesystem that fills mid-sync (a tmpfs of its own: root only, as in CI): the run ends with
// a clear local error, what was committed is intact, and once there is space the next run completes the archive.
class TestGmailFullDisk : public QObject, private GmailArchiveFixture
{
    Q_OBJECT

public:
    using GmailArchiveFixture::GmailArchiveFixture;

private slots:
    void initTestCase()
    {
        setUp(400, false);
        m_small = m_bed.root() + str("/small");
        QVERIFY(QDir().mkpath(m_small));
        QVERIFY2(mountSmall(str("size=8m")), "mount -t tmpfs");
    }

    void aFullDiskStopsTheSyncClearlyAndLosesNothing()
    {
        const QString archive = m_small + str("/archive.db");
        addGmail(archive, str("full"));
        const qint64 account = accountId(archive, str("full"));
        QVERIFY(account > 0);

        const Run full = run({str("--archive"), archive, str("sync"), str("--once"), str("full")});
        qInfo("what the person reads: %s", qPrintable(full.err.trimmed()));
        QCOMPARE(full.exitCode, 6); // ExitLocal: this machine's trouble, not the network's or the credential's
        QVERIFY2(full.err.contains(str("the disk holding the archive is full")), qPrintable(full.err));
        QVERIFY2(!full.err.contains(str("rollback failed")), qPrintable(full.err));
        const qint64 kept = archived(archive, account);
        QVERIFY2(kept > 0 && kept < m_total, qPrintable(QString::number(kept) + u' ' + full.err)); // it filled mid-sync
        verifyIntact(archive, account);
        // The run's end cannot be written on a full disk either: it is never recorded as a success, and the next
        // opening of the archive closes it as interrupted.
        const QList<SyncRunRecord> runs = syncRuns(archive, account);
        QVERIFY(!runs.isEmpty());
        QVERIFY(runs.first().status != str("ok"));

        QVERIFY2(mountSmall(str("remount,size=256m")), "mount -o remount"); // space freed
        const Run again = run({str("--archive"), archive, str("sync"), str("--once"), str("full")});
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        verifyIntact(archive, account);
        verifyArchive(archive, account, true);
    }

    void cleanupTestCase() { QProcess::execute(str("umount"), {str("-l"), m_small}); }

private:
    bool mountSmall(const QString &options)
    {
        return QProcess::execute(str("mount"), {str("-t"), str("tmpfs"), str("-o"), options, str("tmpfs"), m_small}) == 0;
    }

    QString m_small;
};

int main(int argc, char **argv)
{
    const QString scenario = qEnvironmentVariable("VAULTTRAY_TEST_SCENARIO");
    const bool privateFile = scenario == QLatin1String("privatefile");
    if (scenario == QLatin1String("fulldisk") && geteuid() != 0) {
        // Reported as skipped by ctest (SKIP_RETURN_CODE), never as passed.
        std::fprintf(stderr, "tst_gmail_archive_fulldisk: mounting a small filesystem needs root (CI runs as root)\n");
        return kSkipped;
    }
    SecretsTestBed bed(privateFile ? SecretsTestBed::Bus::WithoutSecretService : SecretsTestBed::Bus::WithKeyring);
    PrivateSystemBus systemBus;
    const QString busError = systemBus.start(); // before anything connects to the system bus
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("vaulttray"));
    QString error;
    if (!busError.isEmpty() || !bed.start(&error)) {
        qCritical("test bed: %s%s", qPrintable(busError), qPrintable(error));
        return 1;
    }
    int failed = 0;
    if (privateFile) {
        TestGmailPrivateFile test(bed);
        failed = QTest::qExec(&test, argc, argv);
    } else if (scenario == QLatin1String("fulldisk")) {
        TestGmailFullDisk test(bed);
        failed = QTest::qExec(&test, argc, argv);
    } else {
        // The instance under test finds logind and NetworkManager (online) on the private system bus.
        DBusMock logind(kLogind, QStringLiteral("logind"));
        DBusMock networkManager(kNetworkManager, QStringLiteral("networkmanager"));
        if (!logind.start().isEmpty() || !networkManager.start().isEmpty()) {
            qCritical("logind or NetworkManager mock did not start");
            return 1;
        }
        networkManager.callMock(QStringLiteral("/org/freedesktop"), QStringLiteral("SetGlobalConnectionState"),
                                {kNmConnectedGlobal});
        TestGmailArchive test(bed, logind);
        failed = QTest::qExec(&test, argc, argv);
    }
    bed.stop();
    return failed;
}

#include "tst_gmail_archive.moc"
