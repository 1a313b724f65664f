// ImportJob over generated corpora into a real archive: byte-identical messages from mbox files (CRLF, LF, cut
// short) and Maildirs (folders, flags, dates, one message in two folders), batches of bounded size with progress,
// a cancelled import resumed from its checkpoint with nothing lost or doubled, and a Takeout export into a Gmail
// account: Gmail ids, threads and label ids, checked against the local Gmail server's own messages.
#include "fakes/fakeclock.h"
#include "gmailserver.h"
#include "mailcorpus.h"

#include "mail/mimeparser.h"
#include "store/archive.h"
#include "store/archivereader.h"
#include "store/archivewriter.h"
#include "sync/import/importjob.h"
#include "sync/import/maildirsource.h"
#include "sync/import/mboxsource.h"
#include "sync/messagerecord.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <functional>
#include <memory>

using namespace vaulttray;
using namespace vaulttray::test;

namespace {
constexpr int kRunWaitMs = 90000;

struct Run
{
    bool finished = false;
    Failure failure;
    ImportJob::Stats stats;
    QList<SyncProgress> progress;
    QList<int> insertedPerBatch;
};

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

QStringList strings(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &v : value.toArray())
        out << v.toString();
    return out;
}
} // namespace

class TestImportJob : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        enableEphemeralProfileForTests();
        QVERIFY(m_dir.isValid());
    }

    void init()
    {
        m_path = m_dir.filePath(QStringLiteral("archive-%1.db").arg(++m_archives));
        ArchiveOpenOptions options;
        options.profile = Profile::Ephemeral;
        QVERIFY(!Archive::prepare(m_path, options));
        m_writer = std::make_unique<ArchiveWriter>(m_path, Profile::Ephemeral);
        QVERIFY(!m_writer->start());
    }

    void cleanup() { m_writer.reset(); }

    void mboxIsArchivedByteIdentical_data()
    {
        QTest::addColumn<bool>("lf");
        QTest::addColumn<bool>("truncated");
        QTest::newRow("CRLF") << false << false;
        QTest::newRow("LF") << true << false;
        QTest::newRow("the last message cut short") << false << true;
    }

    void mboxIsArchivedByteIdentical()
    {
        QFETCH(bool, lf);
        QFETCH(bool, truncated);
        const QString path = m_dir.filePath(QStringLiteral("Sent-%1.mbox").arg(m_archives));
        const Corpus corpus = writeMboxCorpus(path, 400, 3, MboxOptions{lf, truncated});
        QVERIFY2(corpus.error.isEmpty(), qPrintable(corpus.error));
        const AccountRecord account = addAccount(QStringLiteral("local"), QStringLiteral("local"));

        const Run run = runImport(account, std::make_unique<MboxSource>(path));
        QVERIFY(run.finished);
        QVERIFY2(run.failure.ok(), qPrintable(run.failure.detail));
        QCOMPARE(run.stats.imported, corpus.messages.size());
        QCOMPARE(run.stats.damaged, truncated ? 1 : 0);
        QCOMPARE(run.stats.alreadyArchived, 0);

        ArchiveReader reader(m_path, Profile::Ephemeral);
        const QList<ArchivedMessage> archived = archivedMessages(reader, account.id);
        QCOMPARE(archived.size(), corpus.messages.size());
        const QHash<QByteArray, CorpusMessage> expected = corpus.bySha256();
        QSet<QByteArray> seen;
        for (const ArchivedMessage &m : archived) {
            QVERIFY2(expected.contains(m.sha256), qPrintable(m.providerId)); // byte-identical to what was written
            QVERIFY(!seen.contains(m.sha256));
            seen.insert(m.sha256);
            QCOMPARE(m.labels, QStringList{QFileInfo(path).completeBaseName()});
            // Skipping keys on the header block alone; the archive must agree with a full parse.
            QCOMPARE(m.providerId, contentKey(MimeParser::parse(m.raw).messageId, m.raw));
        }
        const QJsonObject position =
            QJsonDocument::fromJson(
                reader
                    .checkpoint(account.id, QStringLiteral("import:mbox:") + QFileInfo(path).canonicalFilePath(),
                                MboxSource::kCheckpointKey)
                    .value_or(QString())
                    .toUtf8())
                .object();
        QCOMPARE(position.value(QStringLiteral("offset")).toInteger(), QFileInfo(path).size());
    }

    void maildirKeepsFoldersFlagsAndDates()
    {
        const QString root = m_dir.filePath(QStringLiteral("Maildir-%1").arg(m_archives));
        const Corpus corpus = writeMaildirCorpus(root, 400, 4);
        QVERIFY2(corpus.error.isEmpty(), qPrintable(corpus.error));
        int files = 0;
        for (const CorpusMessage &m : corpus.messages)
            files += int(m.files.size());
        QVERIFY(files > corpus.messages.size()); // some messages sit in two folders
        const AccountRecord account = addAccount(QStringLiteral("local"), QStringLiteral("local"));

        const Run run = runImport(account, std::make_unique<MaildirSource>(root));
        QVERIFY(run.finished);
        QVERIFY2(run.failure.ok(), qPrintable(run.failure.detail));
        QCOMPARE(run.stats.imported, corpus.messages.size());
        QCOMPARE(run.stats.alreadyArchived, files - corpus.messages.size());
        QVERIFY(!run.progress.isEmpty());
        QCOMPARE(run.progress.last().done, files);
        for (const SyncProgress &p : run.progress)
            QCOMPARE(p.total, files); // a Maildir's count is exact

        ArchiveReader reader(m_path, Profile::Ephemeral);
        const QList<ArchivedMessage> archived = archivedMessages(reader, account.id);
        QCOMPARE(archived.size(), corpus.messages.size());
        const QHash<QByteArray, CorpusMessage> expected = corpus.bySha256();
        for (const ArchivedMessage &m : archived) {
            QVERIFY(expected.contains(m.sha256));
            const CorpusMessage &e = expected.value(m.sha256);
            QCOMPARE(m.labels, e.folders);
            QCOMPARE(m.flags, e.flags);
            QCOMPARE(m.internalDateMs, e.internalDateMs);
        }
    }

    // Batches stay within their bounds, and a cancelled import commits what it read with its checkpoint: the next
    // run starts there and ends with every message exactly once.
    void resumesACancelledImportFromItsCheckpoint()
    {
        const QString path = m_dir.filePath(QStringLiteral("big-%1.mbox").arg(m_archives));
        const Corpus corpus = writeMboxCorpus(path, 1300, 5);
        QVERIFY2(corpus.error.isEmpty(), qPrintable(corpus.error));
        const AccountRecord account = addAccount(QStringLiteral("local"), QStringLiteral("local"));

        const Run first = runImport(account, std::make_unique<MboxSource>(path), [](ImportJob &job) {
            connect(&job, &SyncJob::progressed, &job, [&job] { job.cancel(); });
        });
        QVERIFY(first.finished);
        QCOMPARE(toString(first.failure.kind), toString(FailureKind::Cancelled));
        for (int inserted : first.insertedPerBatch)
            QVERIFY(inserted <= ImportJob::kBatchMessages);
        const qint64 offset = checkpointOffset(account.id, path);
        int before = 0;
        for (const CorpusMessage &m : corpus.messages)
            before += m.offset < offset ? 1 : 0;
        QVERIFY2(before > 0 && before < corpus.messages.size(), qPrintable(QString::number(before)));
        {
            ArchiveReader reader(m_path, Profile::Ephemeral);
            QCOMPARE(reader.messageCount(account.id), qint64(before)); // the data and its checkpoint, together
        }

        const Run second = runImport(account, std::make_unique<MboxSource>(path));
        QVERIFY(second.finished);
        QVERIFY2(second.failure.ok(), qPrintable(second.failure.detail));
        QCOMPARE(second.stats.resumedAt, offset);
        QCOMPARE(second.stats.imported, corpus.messages.size() - before);
        QCOMPARE(second.stats.alreadyArchived, 0);
        const int batches = int(std::ceil(double(corpus.messages.size() - before) / ImportJob::kBatchMessages));
        QVERIFY2(second.insertedPerBatch.size() >= batches,
                 qPrintable(QString::number(second.insertedPerBatch.size())));
        for (int inserted : second.insertedPerBatch)
            QVERIFY(inserted <= ImportJob::kBatchMessages);
        qint64 last = 0;
        for (const SyncProgress &p : second.progress) {
            QVERIFY(p.done > last);
            QVERIFY(p.total > 0);
            last = p.done;
        }

        ArchiveReader reader(m_path, Profile::Ephemeral);
        const QList<ArchivedMessage> archived = archivedMessages(reader, account.id);
        QCOMPARE(archived.size(), corpus.messages.size());
        QSet<QByteArray> shas;
        for (const ArchivedMessage &m : archived)
            shas.insert(m.sha256);
        QCOMPARE(shas.size(), corpus.messages.size());
        const QHash<QByteArray, CorpusMessage> expected = corpus.bySha256();
        for (const QByteArray &sha : std::as_const(shas))
            QVERIFY(expected.contains(sha));
    }

    void aCancelBeforeItBeginsWritesNothing()
    {
        const QString path = m_dir.filePath(QStringLiteral("early-%1.mbox").arg(m_archives));
        QVERIFY(writeMboxCorpus(path, 20, 6).error.isEmpty());
        const AccountRecord account = addAccount(QStringLiteral("local"), QStringLiteral("local"));
        const Run run = runImport(account, std::make_unique<MboxSource>(path), [](ImportJob &job) { job.cancel(); });
        QVERIFY(run.finished);
        QVERIFY(run.failure.kind == FailureKind::Cancelled);
        QVERIFY(run.insertedPerBatch.isEmpty());
        ArchiveReader reader(m_path, Profile::Ephemeral);
        QCOMPARE(reader.messageCount(account.id), 0);
        QSqlQuery checkpoints(reader.database());
        QVERIFY(checkpoints.exec(QStringLiteral("SELECT count(*) FROM checkpoints")) && checkpoints.next());
        QCOMPARE(checkpoints.value(0).toInt(), 0);
    }

    // A Takeout export into a Gmail account: every message under its Gmail id and thread, byte-identical to what the
    // server's messages.get returns, with the server's label ids; user labels by the id the account already knows,
    // or by name until the account's labels arrive (as a sync's first batch brings them).
    void takeoutIntoAGmailAccount()
    {
        GmailServerOptions options;
        options.messages = 80;
        options.seed = 5;
        options.email = QStringLiteral("ann@example.org");
        GmailServer server(options);
        const QString error = server.start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QList<FolderRecord> labels;
        for (const QJsonValue &v :
             server.get(QStringLiteral("labels")).json().value(QStringLiteral("labels")).toArray())
            labels << FolderRecord{v[QStringLiteral("id")].toString(), v[QStringLiteral("name")].toString(), true, {}};
        QVERIFY(labels.size() > 14);
        const QString path = m_dir.filePath(QStringLiteral("takeout-%1.mbox").arg(m_archives));
        const TakeoutExport exported = writeTakeout(path, options.messages, options.seed, options.email);
        QVERIFY2(exported.error.isEmpty(), qPrintable(exported.error));
        QCOMPARE(exported.ids.size(), options.messages);

        const AccountRecord synced = addAccount(QStringLiteral("synced"), QStringLiteral("gmail"));
        WriteBatch known;
        known.accountId = synced.id;
        known.at = m_clock.now();
        known.folders = labels;
        QVERIFY(!m_writer->commit(known).error);
        const Run run = runImport(synced, std::make_unique<MboxSource>(path));
        QVERIFY(run.finished);
        QVERIFY2(run.failure.ok(), qPrintable(run.failure.detail));
        QCOMPARE(run.stats.imported, options.messages);
        verifyAgainstServer(server, synced.id, exported.ids);

        const AccountRecord fresh = addAccount(QStringLiteral("fresh"), QStringLiteral("gmail"));
        QVERIFY(runImport(fresh, std::make_unique<MboxSource>(path)).failure.ok());
        bool byName = false;
        {
            ArchiveReader reader(m_path, Profile::Ephemeral);
            for (const ArchivedMessage &m : archivedMessages(reader, fresh.id))
                byName = byName || m.labels.contains(QStringLiteral("Projects/Zürich"));
        }
        QVERIFY(byName);
        WriteBatch firstSyncBatch;
        firstSyncBatch.accountId = fresh.id;
        firstSyncBatch.at = m_clock.now();
        firstSyncBatch.folders = labels;
        QVERIFY(!m_writer->commit(firstSyncBatch).error);
        verifyAgainstServer(server, fresh.id, exported.ids);
    }

private:
    AccountRecord addAccount(const QString &name, const QString &provider)
    {
        AccountRecord account{0, name, provider, QString(), "{}", m_clock.now()};
        const StoreError error = m_writer->addAccount(account, &account.id);
        if (error)
            qWarning() << error.message;
        return account;
    }

    Run runImport(const AccountRecord &account, std::unique_ptr<ImportSource> source,
                  const std::function<void(ImportJob &)> &hook = {})
    {
        Run run;
        // Connected before the job is: the writer thread posts this observer's event first, so it has run when
        // the job, after its own, announces the end.
        const QMetaObject::Connection batches =
            connect(m_writer.get(), &ArchiveWriter::batchFinished, this,
                    [&run](quint64, const BatchResult &result) { run.insertedPerBatch << result.inserted; });
        ImportJob job(account, std::move(source), *m_writer, m_clock, m_path);
        connect(&job, &SyncJob::progressed, this, [&run](const SyncProgress &p) { run.progress << p; });
        if (hook)
            hook(job);
        QSignalSpy spy(&job, &SyncJob::finished);
        job.start();
        run.finished = spy.wait(kRunWaitMs) && spy.size() == 1;
        if (run.finished)
            run.failure = spy.at(0).at(0).value<Failure>();
        run.stats = job.stats();
        disconnect(batches);
        return run;
    }

    qint64 checkpointOffset(qint64 accountId, const QString &path)
    {
        ArchiveReader reader(m_path, Profile::Ephemeral);
        const QString scope = QStringLiteral("import:mbox:") + QFileInfo(path).canonicalFilePath();
        return QJsonDocument::fromJson(
                   reader.checkpoint(accountId, scope, MboxSource::kCheckpointKey).value_or(QString()).toUtf8())
            .object()
            .value(QStringLiteral("offset"))
            .toInteger();
    }

    void verifyAgainstServer(GmailServer &server, qint64 accountId, const QStringList &ids)
    {
        QHash<QString, QJsonObject> onServer;
        for (const QJsonValue &v : server.allMessages(true))
            onServer.insert(v[QStringLiteral("id")].toString(), v.toObject());
        ArchiveReader reader(m_path, Profile::Ephemeral);
        const QList<ArchivedMessage> archived = archivedMessages(reader, accountId);
        QCOMPARE(archived.size(), ids.size());
        for (const ArchivedMessage &m : archived) {
            QVERIFY2(ids.contains(m.providerId), qPrintable(m.providerId));
            const QJsonObject s = onServer.value(m.providerId);
            QCOMPARE(m.threadId, s.value(QStringLiteral("threadId")).toString());
            QCOMPARE(m.labels, sorted(strings(s.value(QStringLiteral("labelIds")))));
            QCOMPARE(m.raw, server.raw(m.providerId));
        }
    }

    QTemporaryDir m_dir;
    QString m_path;
    int m_archives = 0;
    FakeClock m_clock;
    std::unique_ptr<ArchiveWriter> m_writer;
};

QTEST_GUILESS_MAIN(TestImportJob)
#include "tst_importjob.moc"
