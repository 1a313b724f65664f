// A malformed message never fails a batch: the raw bytes are always kept byte-identical, what can be
// read is indexed, and the problems are counted on the message.
#include "store/archive.h"
#include "store/archivereader.h"
#include "store/archivewriter.h"
#include "sync/messagerecord.h"

#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace vaulttray;

namespace {
struct Sample
{
    const char *name;
    QByteArray raw;
    bool expectProblems;
    const char *searchFor; // a word the index must find, or nullptr
};

QList<Sample> samples()
{
    QByteArray garbage(4096, Qt::Uninitialized);
    QRandomGenerator gen(42);
    for (char &c : garbage)
        c = static_cast<char>(gen.bounded(256));
    return {
        {"plain", "From: Ann <ann@example.org>\r\nSubject: Lunch plans\r\nDate: Tue, 3 Mar 2026 10:00:00 +0100\r\n"
                  "Message-ID: <a1@example.org>\r\n\r\nShall we try the ramen place?\r\n",
         false, "ramen"},
        {"latin1 body", "From: b@example.org\r\nSubject: =?ISO-8859-1?Q?Gr=FC=DFe?=\r\nContent-Type: text/plain; "
                        "charset=iso-8859-1\r\n\r\nSch\xf6ne Gr\xfc\xdf" "e aus Z\xfcrich\r\n",
         false, "zurich"},
        {"broken base64", "From: c@example.org\r\nSubject: Broken attachment\r\nMIME-Version: 1.0\r\n"
                          "Content-Type: multipart/mixed; boundary=XX\r\n\r\n--XX\r\nContent-Type: text/plain\r\n\r\n"
                          "see attached invoice\r\n--XX\r\nContent-Type: application/pdf; name=a.pdf\r\n"
                          "Content-Transfer-Encoding: base64\r\n\r\n%%%not*base64!!\r\n--XX--\r\n",
         true, "invoice"},
        {"no headers at all", "just some words without any header\r\n", true, "words"},
        {"empty", "", true, nullptr},
        {"binary garbage", garbage, true, nullptr},
        {"unparsable date", "From: d@example.org\r\nSubject: Dated\r\nDate: the day after tomorrow\r\n\r\nbody\r\n",
         true, "dated"},
    };
}
} // namespace

class TestArchiveMail : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLoggingCategory::setFilterRules(QStringLiteral("vaulttray.*.debug=false")); }

    void everyMessageIsKeptAndTheBrokenOnesCounted()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("archive.db"));
        QVERIFY(!Archive::prepare(path));
        ArchiveWriter writer(path);
        QVERIFY(!writer.start());
        qint64 account = 0;
        QVERIFY(!writer.addAccount(AccountRecord{0, QStringLiteral("local"), QStringLiteral("local"), {}, "{}",
                                                 QDateTime::currentDateTimeUtc()},
                                   &account));
        WriteBatch batch;
        batch.accountId = account;
        batch.at = QDateTime::currentDateTimeUtc();
        batch.folders << FolderRecord{QStringLiteral("INBOX"), QStringLiteral("Inbox"), false, {}};
        const QList<Sample> all = samples();
        for (const Sample &s : all) {
            MessageOrigin origin;
            origin.providerId = contentKey(QString(), s.raw);
            origin.labels = {QStringLiteral("INBOX")};
            batch.messages << buildMessageRecord(s.raw, origin);
        }
        const BatchResult result = writer.commit(batch);
        QVERIFY2(!result.error, qPrintable(result.error.message));
        QCOMPARE(result.inserted, all.size());

        ArchiveReader reader(path);
        for (const Sample &s : all) {
            const QString key = contentKey(QString(), s.raw);
            QCOMPARE(reader.rawMessage(account, key), std::optional<QByteArray>(s.raw));
            QSqlQuery q(reader.database());
            q.prepare(QStringLiteral("SELECT parse_problems FROM messages WHERE provider_id = ?"));
            q.addBindValue(key);
            QVERIFY(q.exec() && q.next());
            QVERIFY2((q.value(0).toInt() > 0) == s.expectProblems, s.name);
            if (s.searchFor)
                QVERIFY2(reader.search(QString::fromLatin1(s.searchFor), 10).size() == 1, s.name);
        }
    }

    void contentKeySeparatesSameMessageIdDifferentBytes()
    {
        const QString a = contentKey(QStringLiteral("x@y"), "one");
        const QString b = contentKey(QStringLiteral("x@y"), "two");
        QVERIFY(a != b);
        QCOMPARE(contentKey(QStringLiteral("x@y"), "one"), a);
        QVERIFY(a.startsWith(QStringLiteral("x@y ")));
    }
};

QTEST_GUILESS_MAIN(TestArchiveMail)
#include "tst_archivemail.moc"
