// The writer thread: a batch and its checkpoint commit together or not at all; a replayed batch
// (after a crash) adds nothing twice; raw messages come back byte-identical; the index finds them.
#include "store/archive.h"
#include "store/archivereader.h"
#include "store/archivewriter.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace vaulttray;

namespace {
const QDateTime kT0(QDate(2026, 5, 1), QTime(9, 0), Qt::UTC);

MessageRecord message(int n, const QStringList &labels = {QStringLiteral("INBOX")})
{
    MessageRecord m;
    m.providerId = QStringLiteral("id%1").arg(n);
    m.threadId = QStringLiteral("t%1").arg(n / 2);
    m.messageId = QStringLiteral("msg%1@example.org").arg(n);
    m.internalDate = kT0.addSecs(n * 60);
    m.sentDate = m.internalDate;
    m.from = QStringLiteral("Zoë <zoe@example.org>");
    m.subject = QStringLiteral("Quarterly report %1").arg(n);
    m.snippet = QStringLiteral("numbers inside");
    m.raw = QByteArray("From: =?UTF-8?Q?Zo=C3=AB?= <zoe@example.org>\r\nSubject: Quarterly report ") +
            QByteArray::number(n) + QByteArray("\r\n\r\nbody \xff\x00 bytes ") + QByteArray::number(n) + "\r\n";
    m.peopleText = QStringLiteral("Zoë zoe@example.org");
    m.bodyText = QStringLiteral("The budget for façade number %1").arg(n);
    m.labels = labels;
    if (n % 3 == 0)
        m.attachments << AttachmentRecord{QStringLiteral("Rechnung_März.pdf"), QStringLiteral("application/pdf"), 1234};
    return m;
}

WriteBatch page(qint64 account, int first, int count, const QString &pageToken)
{
    WriteBatch b;
    b.accountId = account;
    b.at = kT0;
    b.folders << FolderRecord{QStringLiteral("INBOX"), QStringLiteral("Inbox"), true, {}}
              << FolderRecord{QStringLiteral("Label_7"), QStringLiteral("Projects/Zürich"), true, {}};
    for (int i = first; i < first + count; ++i)
        b.messages << message(i);
    b.checkpoints << CheckpointRecord{QString(), QStringLiteral("pageToken"), pageToken};
    return b;
}
} // namespace

class TestArchiveWriter : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir.reset(new QTemporaryDir);
        m_path = m_dir->filePath(QStringLiteral("archive.db"));
        QVERIFY(!Archive::prepare(m_path));
        m_writer.reset(new ArchiveWriter(m_path));
        QVERIFY(!m_writer->start());
        QVERIFY(!m_writer->addAccount(
            AccountRecord{0, QStringLiteral("me"), QStringLiteral("gmail"), QStringLiteral("me@example.org"), "{}", kT0},
            &m_account));
    }
    void cleanup() { m_writer.reset(); }

    void batchAndCheckpointCommitTogether()
    {
        const BatchResult r = m_writer->commit(page(m_account, 0, 20, QStringLiteral("p1")));
        QVERIFY2(!r.error, qPrintable(r.error.message));
        QCOMPARE(r.inserted, 20);
        ArchiveReader reader(m_path);
        QCOMPARE(reader.messageCount(m_account), 20);
        QCOMPARE(reader.checkpoint(m_account, QString(), QStringLiteral("pageToken")), QStringLiteral("p1"));
        for (int i = 0; i < 20; ++i)
            QCOMPARE(reader.rawMessage(m_account, QStringLiteral("id%1").arg(i)), message(i).raw);
        QCOMPARE(reader.labelsOf(m_account, QStringLiteral("id3")), QStringList{QStringLiteral("INBOX")});
    }

    // A batch that fails half-way (its 11th message names a label nobody stored) leaves
    // neither its first ten messages nor its checkpoint.
    void batchFailingHalfWayLeavesNothing()
    {
        QVERIFY(!m_writer->commit(page(m_account, 0, 5, QStringLiteral("p1"))).error);
        WriteBatch bad = page(m_account, 5, 10, QStringLiteral("p2"));
        bad.messages << message(99, {QStringLiteral("NoSuchLabel")});
        bad.messages << message(100);
        const BatchResult r = m_writer->commit(bad);
        QCOMPARE(r.error.code, StoreError::Code::Sql);
        QCOMPARE(r.inserted, 0);
        ArchiveReader reader(m_path);
        QCOMPARE(reader.messageCount(m_account), 5);
        QCOMPARE(reader.checkpoint(m_account, QString(), QStringLiteral("pageToken")), QStringLiteral("p1"));
        QVERIFY(!reader.rawMessage(m_account, QStringLiteral("id5")).has_value());
        QVERIFY(reader.search(QStringLiteral("façade"), 100).size() == 5);
    }

    // The same guard with a constraint failure in the checkpoint itself, the last statement of the batch.
    void failingCheckpointTakesTheMessagesWithIt()
    {
        WriteBatch bad = page(m_account, 0, 10, QStringLiteral("p1"));
        bad.checkpoints << CheckpointRecord{QString(), QStringLiteral("historyId"), QString()};
        bad.checkpoints.last().value = QString(); // NULL value violates NOT NULL
        const BatchResult r = m_writer->commit(bad);
        QVERIFY(r.error);
        ArchiveReader reader(m_path);
        QCOMPARE(reader.messageCount(m_account), 0);
        QVERIFY(!reader.checkpoint(m_account, QString(), QStringLiteral("pageToken")).has_value());
    }

    void replayedBatchAddsNothingTwice()
    {
        QVERIFY(!m_writer->commit(page(m_account, 0, 10, QStringLiteral("p1"))).error);
        const BatchResult again = m_writer->commit(page(m_account, 5, 10, QStringLiteral("p2")));
        QVERIFY(!again.error);
        QCOMPARE(again.inserted, 5);
        QCOMPARE(again.alreadyPresent, 5);
        ArchiveReader reader(m_path);
        QCOMPARE(reader.messageCount(m_account), 15);
        QCOMPARE(reader.search(QStringLiteral("budget"), 100).size(), 15);
        QSqlQuery q(reader.database());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM message_raw")) && q.next());
        QCOMPARE(q.value(0).toInt(), 15);
    }

    void labelChangesAndSoftDeletes()
    {
        QVERIFY(!m_writer->commit(page(m_account, 0, 4, QStringLiteral("p1"))).error);
        WriteBatch b;
        b.accountId = m_account;
        b.at = kT0.addDays(1);
        b.labelChanges << LabelChange{QStringLiteral("id1"), {QStringLiteral("Label_7")}, {QStringLiteral("INBOX")}};
        b.softDeletes << QStringLiteral("id2");
        b.checkpoints << CheckpointRecord{QString(), QStringLiteral("historyId"), QStringLiteral("12345")};
        const BatchResult r = m_writer->commit(b);
        QVERIFY2(!r.error, qPrintable(r.error.message));
        QCOMPARE(r.labelsChanged, 2);
        QCOMPARE(r.softDeleted, 1);
        ArchiveReader reader(m_path);
        QCOMPARE(reader.labelsOf(m_account, QStringLiteral("id1")), QStringList{QStringLiteral("Label_7")});
        QCOMPARE(reader.messageCount(m_account, true), 4);  // the archive never deletes mail
        QCOMPARE(reader.messageCount(m_account, false), 3);
        QVERIFY(reader.rawMessage(m_account, QStringLiteral("id2")).has_value());
    }

    void searchFindsSubjectPeopleBodyAndAttachments_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("hits");
        QTest::newRow("subject word") << QStringLiteral("subject:quarterly") << 6;
        QTest::newRow("person, diacritics folded") << QStringLiteral("people:zoe") << 6;
        QTest::newRow("body word with cedilla") << QStringLiteral("facade") << 6;
        QTest::newRow("attachment name") << QStringLiteral("attachments:rechnung*") << 2;
        QTest::newRow("nothing") << QStringLiteral("zebra") << 0;
    }
    void searchFindsSubjectPeopleBodyAndAttachments()
    {
        QFETCH(QString, query);
        QFETCH(int, hits);
        QVERIFY(!m_writer->commit(page(m_account, 1, 6, QStringLiteral("p1"))).error);
        ArchiveReader reader(m_path);
        QCOMPARE(reader.search(query, 100).size(), hits);
    }

    void syncRunBookkeeping()
    {
        WriteBatch b = page(m_account, 0, 3, QStringLiteral("p1"));
        b.runStartedAt = kT0;
        b.progress = RunProgress{3, 0, 0, 1, 300};
        QVERIFY(!m_writer->commit(b).error);
        b.runStartedAt.reset();
        b.runEnd = RunEnd{kT0.addSecs(5), RunStatus::Failed,
                          Failure::of(FailureKind::NetworkTransient, QStringLiteral("DNS"))};
        QVERIFY(!m_writer->commit(b).error);
        ArchiveReader reader(m_path);
        QCOMPARE(reader.syncRuns(m_account, 10).size(), 1);
        const SyncRunRecord r = reader.syncRuns(m_account, 1).first();
        QCOMPARE(r.status, QStringLiteral("failed"));
        QCOMPARE(r.added, 6);
        QCOMPARE(r.badData, 2);
        QCOMPARE(r.bytes, 600);
        QCOMPARE(r.errorKind, QStringLiteral("network-transient"));
        QCOMPARE(r.endedAt, kT0.addSecs(5));
    }

    // A run left open by a crash is closed as interrupted when the next run of the account starts.
    void aNewRunClosesALeftoverRunningOne()
    {
        WriteBatch open;
        open.accountId = m_account;
        open.runStartedAt = kT0;
        QVERIFY(!m_writer->commit(open).error);
        open.runStartedAt = kT0.addSecs(60);
        QVERIFY(!m_writer->commit(open).error);
        ArchiveReader reader(m_path);
        const QList<SyncRunRecord> runs = reader.syncRuns(m_account, 10);
        QCOMPARE(runs.size(), 2);
        QCOMPARE(runs.at(0).status, QStringLiteral("running"));
        QCOMPARE(runs.at(1).status, QStringLiteral("interrupted"));
    }

    void removingAnAccountKeepsItsMailUnlessAsked()
    {
        QVERIFY(!m_writer->commit(page(m_account, 0, 4, QStringLiteral("p1"))).error);
        QVERIFY(!m_writer->removeAccount(m_account, false, kT0));
        {
            ArchiveReader reader(m_path);
            QVERIFY(reader.accounts().isEmpty());
            QCOMPARE(reader.messageCount(m_account), 4);
            QCOMPARE(reader.search(QStringLiteral("budget"), 10).size(), 4);
        }
        qint64 again = 0; // the name is free for a new account
        QVERIFY(!m_writer->addAccount(AccountRecord{0, QStringLiteral("me"), QStringLiteral("gmail"), {}, "{}", kT0}, &again));
        QVERIFY(!m_writer->commit(page(again, 10, 2, QStringLiteral("p1"))).error);
        QVERIFY(!m_writer->removeAccount(again, true, kT0));
        ArchiveReader reader(m_path);
        QCOMPARE(reader.messageCount(again), 0);
        QCOMPARE(reader.search(QStringLiteral("budget"), 10).size(), 4); // only the first account's mail is left
        QSqlQuery q(reader.database());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM message_raw")) && q.next());
        QCOMPARE(q.value(0).toInt(), 4);
        QCOMPARE(m_writer->removeAccount(again, true, kT0).code, StoreError::Code::Sql);
    }

    void asyncSubmitReportsEachTicket()
    {
        QSignalSpy spy(m_writer.get(), &ArchiveWriter::batchFinished);
        const quint64 a = m_writer->submit(page(m_account, 0, 5, QStringLiteral("p1")));
        const quint64 b = m_writer->submit(page(m_account, 5, 5, QStringLiteral("p2")));
        QVERIFY(a != b);
        QTRY_COMPARE(spy.size(), 2);
        QCOMPARE(spy.at(0).at(0).toULongLong(), a);
        QCOMPARE(spy.at(1).at(0).toULongLong(), b);
        QVERIFY(!spy.at(1).at(1).value<BatchResult>().error);
        ArchiveReader reader(m_path);
        QCOMPARE(reader.checkpoint(m_account, QString(), QStringLiteral("pageToken")), QStringLiteral("p2"));
    }

    void readerSeesCommittedWorkOnly()
    {
        ArchiveReader reader(m_path);
        QCOMPARE(reader.messageCount(m_account), 0);
        QVERIFY(!m_writer->commit(page(m_account, 0, 3, QStringLiteral("p1"))).error);
        QCOMPARE(reader.messageCount(m_account), 3);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ArchiveWriter> m_writer;
    QString m_path;
    qint64 m_account = 0;
};

QTEST_GUILESS_MAIN(TestArchiveWriter)
#include "tst_archivewriter.moc"
