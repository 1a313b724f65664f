// GmailSyncJob against the local Gmail API server (tests/gmail-server) over real sockets, into a real archive.
#include "fixedtokensource.h"
#include "gmailserver.h"

#include "fakes/fakeclock.h"

#include "core/clock.h"
#include "net/gmail/gmailapi.h"
#include "net/gmail/quotalimiter.h"
#include "store/archive.h"
#include "store/archivereader.h"
#include "store/archivewriter.h"
#include "sync/gmail/gmailsyncjob.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

using namespace vaulttray;
using namespace vaulttray::test;

namespace {

constexpr int kMessages = 700; // two messages.list pages of 500
constexpr int kSeed = 7;
constexpr int kRunWaitMs = 60000;
// GmailSyncJob hands fetched messages to its parse stage every 100 (or every second of its clock).
constexpr int kFlushMessages = 100;

QString str(const char *s)
{
    return QString::fromLatin1(s);
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

QStringList labelsOf(const QJsonObject &message)
{
    QStringList out;
    for (const QJsonValue &v : message.value(str("labelIds")).toArray())
        out << v.toString();
    return sorted(out);
}

struct RunResult
{
    bool finished = false;
    Failure failure;
    GmailSyncJob::Stats stats;
    int progressSignals = 0;
    SyncProgress lastProgress;
};

} // namespace

class TestGmailSync : public QObject
{
    Q_OBJECT

private:
    qint64 addAccount(const QString &name)
    {
        AccountRecord account;
        account.name = name;
        account.provider = str("gmail");
        account.address = m_server->email();
        account.createdAt = QDateTime::currentDateTimeUtc();
        qint64 id = 0;
        const StoreError error = m_writer->addAccount(account, &id);
        if (error)
            qWarning() << error.message;
        return id;
    }

    RunResult runSync(qint64 accountId, const std::function<void(GmailSyncJob &)> &hook = {}, Clock *clock = nullptr)
    {
        AccountRecord account;
        account.id = accountId;
        account.provider = str("gmail");
        GmailSyncJob job(account, *m_writer, *m_api, clock ? *clock : m_clock, m_path);
        RunResult run;
        connect(&job, &SyncJob::progressed, this, [&run](const SyncProgress &p) {
            ++run.progressSignals;
            run.lastProgress = p;
        });
        QSignalSpy spy(&job, &SyncJob::finished);
        if (hook)
            hook(job);
        job.start();
        run.finished = spy.wait(kRunWaitMs) && spy.size() == 1;
        if (run.finished)
            run.failure = spy.at(0).at(0).value<Failure>();
        run.stats = job.stats();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete); // the request jobs go now, not later
        return run;
    }

    // Every live server message is archived byte-identical with the server's labels; every archived message the
    // server no longer has is soft-deleted.
    void verifyArchive(qint64 accountId, bool compareAllRaw)
    {
        ArchiveReader reader(m_path);
        QVERIFY(!reader.openError());
        const QJsonArray messages = m_server->allMessages(true);
        QCOMPARE(reader.messageCount(accountId, false), qint64(messages.size()));
        const QSet<QString> live = reader.providerIds(accountId, false);
        int i = 0;
        for (const QJsonValue &v : messages) {
            const QJsonObject m = v.toObject();
            const QString id = m.value(str("id")).toString();
            QVERIFY2(live.contains(id), qPrintable(id));
            QCOMPARE(sorted(reader.labelsOf(accountId, id)), labelsOf(m));
            if (compareAllRaw || i++ % 25 == 0) {
                const std::optional<QByteArray> raw = reader.rawMessage(accountId, id);
                QVERIFY(raw.has_value());
                QVERIFY2(*raw == m_server->raw(id), qPrintable(id));
            }
        }
    }

    int messagesGetCalls() { return m_server->stats().value(str("messagesGetCalls")).toInt(); }

private slots:
    void initTestCase()
    {
        // The injected failures make the client warn about every request cancelled after them.
        QLoggingCategory::setFilterRules(str("vaulttray.*.debug=false\nvaulttray.net.gmail.warning=false"));
        qRegisterMetaType<Failure>();
        qRegisterMetaType<SyncProgress>();
        GmailServerOptions options;
        options.messages = kMessages;
        options.seed = kSeed;
        options.unitsPerSecond = 0; // the quota is the client tests' subject; here: speed
        m_server = std::make_unique<GmailServer>(options);
        const QString error = m_server->start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_tokens = std::make_unique<FixedTokenSource>(QStringList{m_server->token()});
        m_limiter = std::make_unique<QuotaLimiter>(m_clock, 100000, 10);
        m_api = std::make_unique<GmailApi>(&m_network, m_clock, *m_tokens, *m_limiter);
        QVERIFY(m_api->setBaseUrl(m_server->baseUrl()).ok());
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(str("archive.sqlite"));
        QVERIFY(!Archive::prepare(m_path));
        m_writer = std::make_unique<ArchiveWriter>(m_path);
        QVERIFY(!m_writer->start());
        m_account = addAccount(str("gmail-main"));
        QVERIFY(m_account > 0);
    }

    void cleanupTestCase()
    {
        m_writer.reset();
        m_server.reset();
    }

    void fullSync()
    {
        m_server->resetStats();
        const RunResult run = runSync(m_account);
        QVERIFY(run.finished);
        QVERIFY2(run.failure.ok(), qPrintable(run.failure.detail));
        QVERIFY(!run.stats.incremental);
        QCOMPARE(run.stats.pages, 2);
        QCOMPARE(run.stats.fetched, kMessages);
        QCOMPARE(run.stats.badData, 0);
        QVERIFY(run.progressSignals > 0);
        QCOMPARE(run.lastProgress.done, qint64(kMessages));
        QCOMPARE(run.lastProgress.total, qint64(kMessages));
        verifyArchive(m_account, true);
        ArchiveReader reader(m_path);
        QCOMPARE(reader.checkpoint(m_account, {}, str("fullSyncDone")).value_or(QString()), str("1"));
        QVERIFY(!reader.checkpoint(m_account, {}, str("historyId")).value_or(QString()).isEmpty());
    }

    void secondRunIsIncrementalAndFetchesNothing()
    {
        const int before = messagesGetCalls();
        const RunResult run = runSync(m_account);
        QVERIFY(run.finished);
        QVERIFY2(run.failure.ok(), qPrintable(run.failure.detail));
        QVERIFY(run.stats.incremental);
        QCOMPARE(run.stats.fetched, 0);
        QCOMPARE(messagesGetCalls(), before);
    }

    void incrementalAppliesChanges()
    {
        const QJsonArray all = m_server->allMessages(true);
        QStringList ids;
        for (const QJsonValue &v : all)
            ids << v.toObject().value(str("id")).toString();
        QVERIFY(!m_server->addMessages(6, {str("INBOX"), str("UNREAD")}).isEmpty());
        const QStringList deleted = ids.mid(10, 4);
        QVERIFY(!m_server->deletePermanently(deleted).isEmpty());
        QVERIFY(!m_server->modifyLabels(ids.mid(20, 5), {str("Label_1"), str("STARRED")}, {str("UNREAD")}).isEmpty());
        QVERIFY(!m_server->trash(ids.mid(30, 2)).isEmpty());

        const int before = messagesGetCalls();
        const RunResult run = runSync(m_account);
        QVERIFY(run.finished);
        QVERIFY2(run.failure.ok(), qPrintable(run.failure.detail));
        QVERIFY(run.stats.incremental);
        QCOMPARE(run.stats.fetched, 6);
        QCOMPARE(messagesGetCalls() - before, 6);
        QCOMPARE(run.stats.softDeleted, 4);
        QVERIFY(run.stats.labelChanges >= 7);
        verifyArchive(m_account, false);
        ArchiveReader reader(m_path);
        QCOMPARE(reader.messageCount(m_account, true), qint64(kMessages + 6));
        const QSet<QString> live = reader.providerIds(m_account, false);
        for (const QString &id : deleted) {
            QVERIFY(!live.contains(id));
            QVERIFY(reader.rawMessage(m_account, id).has_value()); // kept: the archive never deletes mail
        }
    }

    void expiredHistoryFallsBackToFullPass()
    {
        const QJsonArray all = m_server->allMessages(true);
        QStringList ids;
        for (const QJsonValue &v : all)
            ids << v.toObject().value(str("id")).toString();
        const QStringList deleted = ids.mid(100, 3);
        QVERIFY(!m_server->deletePermanently(deleted).isEmpty());
        QVERIFY(!m_server->addMessages(4).isEmpty());
        QVERIFY(!m_server->modifyLabels(ids.mid(200, 3), {str("Label_2")}, {}).isEmpty());
        const QJsonObject health = m_server->control("GET", str("health")).json();
        QVERIFY(!m_server->expireHistory(health.value(str("historyId")).toString()).isEmpty());

        const int before = messagesGetCalls();
        const RunResult run = runSync(m_account);
        QVERIFY(run.finished);
        QVERIFY2(run.failure.ok(), qPrintable(run.failure.detail));
        QVERIFY(run.stats.fellBackToFull);
        QCOMPARE(run.stats.fetched, 4);
        QCOMPARE(messagesGetCalls() - before, 4);
        QCOMPARE(run.stats.softDeleted, 3);
        // The label changes whose history was lost are found by listing each label's messages.
        QCOMPARE(run.stats.labelChanges, 3);
        verifyArchive(m_account, false);
        ArchiveReader reader(m_path);
        const QSet<QString> live = reader.providerIds(m_account, false);
        for (const QString &id : deleted)
            QVERIFY(!live.contains(id));

        // And incremental again afterwards.
        const RunResult next = runSync(m_account);
        QVERIFY(next.finished && next.failure.ok());
        QVERIFY(next.stats.incremental);
        QCOMPARE(next.stats.fetched, 0);
    }

    // A fallback pass interrupted after its first page, then resumed: deletions on either page are still found.
    void resumedFallbackPassStillFindsDeletions()
    {
        const QJsonArray all = m_server->allMessages(true);
        QVERIFY(all.size() > 500);
        const QStringList deleted{all.first().toObject().value(str("id")).toString(),
                                  all.last().toObject().value(str("id")).toString()};
        QVERIFY(!m_server->deletePermanently(deleted).isEmpty());
        QVERIFY(!m_server->addMessages(2).isEmpty());
        const QJsonObject health = m_server->control("GET", str("health")).json();
        QVERIFY(!m_server->expireHistory(health.value(str("historyId")).toString()).isEmpty());
        QVERIFY(m_server->addFault(QJsonObject{{str("method"), str("messages.list")}, {str("status"), 500},
                                               {str("reason"), str("backendError")}, {str("after"), 1},
                                               {str("count"), 1}}));
        const RunResult failed = runSync(m_account);
        QVERIFY(failed.finished);
        QVERIFY2(failed.failure.kind == FailureKind::ServerTransient, qPrintable(failed.failure.detail));
        QVERIFY(failed.stats.fellBackToFull);
        QCOMPARE(failed.stats.fetched, 2);
        QVERIFY(m_server->clearFaults());

        const RunResult resumed = runSync(m_account);
        QVERIFY(resumed.finished);
        QVERIFY2(resumed.failure.ok(), qPrintable(resumed.failure.detail));
        QVERIFY(!resumed.stats.incremental);
        QCOMPARE(resumed.stats.fetched, 0);
        QCOMPARE(resumed.stats.softDeleted, 2);
        ArchiveReader reader(m_path);
        QCOMPARE(reader.messageCount(m_account, false), qint64(m_server->allMessages(true).size()));
        const QSet<QString> live = reader.providerIds(m_account, false);
        for (const QString &id : deleted)
            QVERIFY(!live.contains(id));
        QCOMPARE(reader.checkpoint(m_account, {}, str("fullSyncDone")).value_or(QString()), str("1"));

        const RunResult next = runSync(m_account);
        QVERIFY(next.finished && next.failure.ok());
        QVERIFY(next.stats.incremental);
        QCOMPARE(next.stats.fetched, 0);
    }

    void resumesAfterServerFailure()
    {
        const qint64 account = addAccount(str("gmail-resume"));
        QVERIFY(account > 0);
        const int total = m_server->allMessages(true).size();
        m_server->resetStats();
        QVERIFY(m_server->addFault(QJsonObject{{str("method"), str("messages.get")}, {str("status"), 500},
                                               {str("reason"), str("backendError")}, {str("after"), 560},
                                               {str("count"), 1}}));
        const RunResult failed = runSync(account);
        QVERIFY(failed.finished);
        QVERIFY2(failed.failure.kind == FailureKind::ServerTransient, qPrintable(toString(failed.failure.kind) + u' ' + failed.failure.detail));
        qint64 kept = 0;
        {
            ArchiveReader reader(m_path);
            // The first page committed with its checkpoint; of the second, what was fetched before the failure is kept.
            kept = reader.messageCount(account);
            QVERIFY2(kept > 500 && kept < total, qPrintable(QString::number(kept)));
            QVERIFY(!reader.checkpoint(account, {}, str("fullSyncPageToken")).value_or(QString()).isEmpty());
        }
        QVERIFY(m_server->clearFaults());
        const RunResult resumed = runSync(account);
        QVERIFY(resumed.finished);
        QVERIFY2(resumed.failure.ok(), qPrintable(resumed.failure.detail));
        QCOMPARE(qint64(resumed.stats.fetched), total - kept);
        // Resumed at the second page (the first is not listed again); its kept messages are skipped, not fetched.
        QCOMPARE(qint64(resumed.stats.skippedArchived), kept - 500);
        ArchiveReader reader(m_path);
        QCOMPARE(reader.messageCount(account, true), qint64(total));
        verifyArchive(account, false);
    }

    void resumesAfterCancel()
    {
        const qint64 account = addAccount(str("gmail-cancel"));
        QVERIFY(account > 0);
        const int total = m_server->allMessages(true).size();
        // Fetches after the first 150 are slowed, so the first batch (fetched messages are committed every 100, well
        // before the 500-message page ends) commits while they are still going; the run is cancelled then.
        QVERIFY(m_server->addFault(QJsonObject{{str("method"), str("messages.get")}, {str("latencyMs"), 300},
                                               {str("after"), 150}}));
        bool cancelled = false;
        const RunResult stopped = runSync(account, [&](GmailSyncJob &job) {
            connect(m_writer.get(), &ArchiveWriter::batchFinished, &job, [&job, &cancelled] {
                if (!cancelled) {
                    cancelled = true;
                    job.cancel();
                }
            });
        });
        QVERIFY(stopped.finished);
        QVERIFY2(stopped.failure.kind == FailureKind::Cancelled, qPrintable(toString(stopped.failure.kind) + u' ' + stopped.failure.detail));
        QVERIFY(m_server->clearFaults());
        qint64 afterCancel = 0;
        {
            ArchiveReader reader(m_path);
            afterCancel = reader.messageCount(account);
            // Mid-page: more than the first committed batch (what was fetched when the cancel came is kept too), and
            // less than a page, so the run did not have to finish a page to keep its work.
            QVERIFY2(afterCancel >= 100 && afterCancel < 500, qPrintable(QString::number(afterCancel)));
        }
        const RunResult resumed = runSync(account);
        QVERIFY(resumed.finished);
        QVERIFY2(resumed.failure.ok(), qPrintable(resumed.failure.detail));
        QCOMPARE(qint64(resumed.stats.fetched), total - afterCancel);
        ArchiveReader reader(m_path);
        QCOMPARE(reader.messageCount(account, true), qint64(total));
        verifyArchive(account, false);
    }

    // A stop that comes while fetched messages are in the parse stage (handed over, not handed back) keeps them: they
    // are committed before the run reports its end, and the resumed run fetches exactly the rest, none twice. The
    // job's clock stands still, so it hands messages over at exactly every 100, never on time; the cancel comes in
    // the same turn as the first hand-off, so the batch cannot be back from the stage yet.
    void stopWhileParsingKeepsTheMessages()
    {
        const qint64 account = addAccount(str("gmail-parsing"));
        QVERIFY(account > 0);
        const int total = m_server->allMessages(true).size();
        FakeClock stands;
        bool cancelled = false;
        qint64 committedAtCancel = -1;
        const RunResult stopped = runSync(
            account,
            [&](GmailSyncJob &job) {
                connect(&job, &SyncJob::progressed, &job, [&](const SyncProgress &p) {
                    if (cancelled || p.done != kFlushMessages)
                        return;
                    cancelled = true;
                    committedAtCancel = ArchiveReader(m_path).messageCount(account);
                    job.cancel();
                });
            },
            &stands);
        QVERIFY(cancelled);
        QVERIFY(stopped.finished);
        QVERIFY2(stopped.failure.kind == FailureKind::Cancelled,
                 qPrintable(toString(stopped.failure.kind) + u' ' + stopped.failure.detail));
        QCOMPARE(committedAtCancel, qint64(0)); // the 100 were in the stage, not yet at the writer
        QCOMPARE(stopped.stats.fetched, kFlushMessages);
        {
            ArchiveReader reader(m_path);
            QCOMPARE(reader.messageCount(account), qint64(kFlushMessages));
            QVERIFY(reader.checkpoint(account, {}, str("fullSyncPageToken")).value_or(QString()).isEmpty());
        }
        m_server->resetStats();
        const RunResult resumed = runSync(account);
        QVERIFY(resumed.finished);
        QVERIFY2(resumed.failure.ok(), qPrintable(resumed.failure.detail));
        QCOMPARE(resumed.stats.fetched, total - kFlushMessages);
        QCOMPARE(resumed.stats.skippedArchived, kFlushMessages);
        QCOMPARE(messagesGetCalls(), total - kFlushMessages);
        ArchiveReader reader(m_path);
        QCOMPARE(reader.messageCount(account, true), qint64(total));
        verifyArchive(account, false);
    }

    // A message Gmail cannot hand out (gone between the listing and the fetch: 404), or hands out with raw content that
    // is not base64url (found on the parse stage's thread), is counted and skipped; the run goes on and succeeds.
    void oneBadMessageIsCountedAndSkipped_data()
    {
        QTest::addColumn<QJsonObject>("fault");
        QTest::newRow("not found") << QJsonObject{{str("status"), 404}, {str("reason"), str("notFound")}};
        QTest::newRow("raw content not base64url") << QJsonObject{{str("badRaw"), true}};
    }

    void oneBadMessageIsCountedAndSkipped()
    {
        QFETCH(QJsonObject, fault);
        const qint64 account = addAccount(str("gmail-bad-") + QString::fromLatin1(QTest::currentDataTag()));
        QVERIFY(account > 0);
        const QJsonArray all = m_server->allMessages(true);
        const QString bad = all.at(all.size() / 2).toObject().value(str("id")).toString();
        fault.insert(str("method"), str("messages.get"));
        fault.insert(str("messageId"), bad);
        QVERIFY(m_server->addFault(fault));
        const RunResult run = runSync(account);
        QVERIFY(m_server->clearFaults());
        QVERIFY(run.finished);
        QVERIFY2(run.failure.ok(), qPrintable(run.failure.detail));
        QCOMPARE(run.stats.badData, 1);
        QCOMPARE(run.stats.fetched, int(all.size()) - 1);
        ArchiveReader reader(m_path);
        QCOMPARE(reader.messageCount(account), qint64(all.size() - 1));
        QVERIFY(!reader.providerIds(account).contains(bad));
        QCOMPARE(run.lastProgress.done, qint64(all.size())); // counted as done: the progress reaches the end
    }

private:
    SystemClock m_clock;
    QNetworkAccessManager m_network;
    std::unique_ptr<GmailServer> m_server;
    std::unique_ptr<FixedTokenSource> m_tokens;
    std::unique_ptr<QuotaLimiter> m_limiter;
    std::unique_ptr<GmailApi> m_api;
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<ArchiveWriter> m_writer;
    qint64 m_account = 0;
};

QTEST_GUILESS_MAIN(TestGmailSync)
#include "tst_gmailsync.moc"
