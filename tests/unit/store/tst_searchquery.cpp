// Search: what a person types, understood by SearchQuery and run by ArchiveReader::find against a real archive.
// Each row names the messages that must come back, in order (newest first) — so a translation that is too loose
// (from: matching a recipient, an unescaped % in LIKE, a day boundary off by one) fails its row.
#include "store/archive.h"
#include "store/archivereader.h"
#include "store/archivewriter.h"
#include "store/searchquery.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace vaulttray;

namespace {
const QDateTime kCreated(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC);

struct Mail
{
    QString id, from, to, cc, subject, body;
    QDateTime date;
    QStringList labels;
    QStringList attachments;
};

MessageRecord record(const Mail &m)
{
    MessageRecord r;
    r.providerId = m.id;
    r.messageId = m.id + QStringLiteral("@example.org");
    r.internalDate = m.date;
    r.sentDate = m.date;
    r.from = m.from;
    r.to = m.to;
    r.cc = m.cc;
    r.subject = m.subject;
    r.snippet = m.body.left(40);
    r.raw =
        QStringLiteral("From: %1\r\nTo: %2\r\nSubject: %3\r\n\r\n%4\r\n").arg(m.from, m.to, m.subject, m.body).toUtf8();
    r.peopleText = QStringList{m.from, m.to, m.cc}.join(QLatin1Char(' '));
    r.bodyText = m.body;
    r.labels = m.labels;
    for (const QString &name : m.attachments)
        r.attachments << AttachmentRecord{name, QStringLiteral("application/pdf"), 100};
    return r;
}

QDateTime at(int y, int mo, int d, int h = 10, int mi = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), Qt::UTC);
}
} // namespace

class TestSearchQuery : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase() { m_writer.reset(); }

    void finds_data();
    void finds();
    void refuses_data();
    void refuses();
    void datesAreDaysInTheGivenZone();
    void textNeverBecomesFtsSyntax();
    void limitIsHonoured();

private:
    QStringList run(const QString &text, const QTimeZone &zone = QTimeZone::utc(), int limit = 100);

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<ArchiveWriter> m_writer;
    QHash<qint64, QString> m_providerIds;
};

void TestSearchQuery::initTestCase()
{
    m_path = m_dir.filePath(QStringLiteral("archive.db"));
    QVERIFY(!Archive::prepare(m_path));
    m_writer = std::make_unique<ArchiveWriter>(m_path);
    QVERIFY(!m_writer->start());
    qint64 work = 0, home = 0;
    QVERIFY(!m_writer->addAccount({0, QStringLiteral("work"), QStringLiteral("gmail"), {}, "{}", kCreated}, &work));
    QVERIFY(!m_writer->addAccount({0, QStringLiteral("home"), QStringLiteral("imap"), {}, "{}", kCreated}, &home));
    const QList<FolderRecord> folders{{QStringLiteral("INBOX"), QStringLiteral("Inbox"), true, {}},
                                      {QStringLiteral("Label_7"), QStringLiteral("Projects/Zürich"), true, {}}};
    const QList<Mail> workMail{
        {QStringLiteral("m1"),
         QStringLiteral("Ann Smith <ann@example.org>"),
         QStringLiteral("bob@example.org"),
         {},
         QStringLiteral("Quarterly invoice"),
         QStringLiteral("Please pay the invoice"),
         at(2024, 3, 10),
         {QStringLiteral("INBOX")},
         {QStringLiteral("invoice.pdf")}},
        {QStringLiteral("m2"),
         QStringLiteral("bob@example.org"),
         QStringLiteral("Ann <ann@example.org>"),
         QStringLiteral("carol@example.org"),
         QStringLiteral("Re: lunch"),
         QStringLiteral("See you at noon. The invoice is paid."),
         at(2024, 3, 15, 0, 30),
         {QStringLiteral("INBOX"), QStringLiteral("Label_7")},
         {}},
        {QStringLiteral("m3"),
         QStringLiteral("carol@example.org"),
         QStringLiteral("dave@example.org"),
         {},
         QStringLiteral("Zürich trip"),
         QStringLiteral("Tickets attached"),
         at(2024, 4, 1),
         {QStringLiteral("Label_7")},
         {QStringLiteral("tickets.pdf")}},
        {QStringLiteral("m5"),
         QStringLiteral("percent%user@example.org"),
         QStringLiteral("bob@example.org"),
         {},
         QStringLiteral("100% done"),
         QStringLiteral("Discount code inside"),
         at(2024, 5, 1),
         {QStringLiteral("INBOX")},
         {}},
        {QStringLiteral("m6"),
         QStringLiteral("erin@example.org"),
         QStringLiteral("bob@example.org"),
         {},
         QStringLiteral("Late night"),
         QStringLiteral("Almost midnight"),
         at(2024, 6, 1, 23, 30),
         {QStringLiteral("INBOX")},
         {}},
    };
    const QList<Mail> homeMail{{QStringLiteral("m4"),
                                QStringLiteral("ann@example.org"),
                                QStringLiteral("me@home.example"),
                                {},
                                QStringLiteral("Holiday photos"),
                                QStringLiteral("invoice? no, photos"),
                                at(2023, 12, 24),
                                {QStringLiteral("INBOX")},
                                {}}};
    for (const auto &[account, mails] : {std::make_pair(work, workMail), std::make_pair(home, homeMail)}) {
        WriteBatch batch;
        batch.accountId = account;
        batch.at = kCreated;
        batch.folders = folders;
        for (const Mail &m : mails)
            batch.messages << record(m);
        const BatchResult result = m_writer->commit(batch);
        QVERIFY2(!result.error, qPrintable(result.error.message));
    }
    ArchiveReader reader(m_path);
    QSqlQuery q(reader.database());
    QVERIFY(q.exec(QStringLiteral("SELECT id, provider_id FROM messages")));
    while (q.next())
        m_providerIds.insert(q.value(0).toLongLong(), q.value(1).toString());
    QCOMPARE(m_providerIds.size(), 6);
}

QStringList TestSearchQuery::run(const QString &text, const QTimeZone &zone, int limit)
{
    ArchiveReader reader(m_path);
    QList<SearchHit> hits;
    QString error;
    if (!reader.find(SearchQuery::parse(text), limit, zone, &hits, &error))
        return {QStringLiteral("error: ") + error};
    QStringList ids;
    for (const SearchHit &hit : hits)
        ids << m_providerIds.value(hit.messageId);
    return ids;
}

void TestSearchQuery::finds_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("expected");
    const auto ids = [](const char *list) {
        return QString::fromLatin1(list).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    };
    QTest::newRow("a word, in subject or body, newest first") << "invoice" << ids("m2 m1 m4");
    QTest::newRow("two words: both") << "invoice lunch" << ids("m2");
    QTest::newRow("a phrase") << "\"invoice is paid\"" << ids("m2");
    QTest::newRow("a phrase is not two words") << "\"paid invoice\"" << ids("");
    QTest::newRow("a prefix") << "tick*" << ids("m3");
    QTest::newRow("without diacritics") << "zurich" << ids("m3");
    QTest::newRow("from: the sender only, never a recipient") << "from:ann" << ids("m1 m4");
    QTest::newRow("from: a quoted display name") << "from:\"Ann Smith\"" << ids("m1");
    QTest::newRow("from: any case") << "FROM:ANN@EXAMPLE.ORG" << ids("m1 m4");
    QTest::newRow("to: To and Cc") << "to:carol" << ids("m2");
    QTest::newRow("to: not the sender") << "to:erin" << ids("");
    QTest::newRow("subject: only the subject") << "subject:invoice" << ids("m1");
    QTest::newRow("subject: a quoted phrase") << "subject:\"Quarterly invoice\"" << ids("m1");
    QTest::newRow("has:attachment") << "has:attachment" << ids("m3 m1");
    QTest::newRow("after: includes its day") << "after:2024-03-15" << ids("m6 m5 m3 m2");
    QTest::newRow("before: excludes its day") << "before:2024-03-15" << ids("m1 m4");
    QTest::newRow("a date range") << "after:2024-03-11 before:2024/04/01" << ids("m2");
    QTest::newRow("account:") << "account:home" << ids("m4");
    QTest::newRow("label: by its name") << "label:\"Projects/Zürich\"" << ids("m3 m2");
    QTest::newRow("label: by its id, any case") << "label:label_7" << ids("m3 m2");
    QTest::newRow("label: unknown") << "label:Nowhere" << ids("");
    QTest::newRow("everything together") << "invoice from:ann account:work has:attachment" << ids("m1");
    QTest::newRow("from: % is a character, not a wildcard") << "from:%" << ids("m5");
    QTest::newRow("from: _ is a character, not a wildcard") << "from:_" << ids("");
    QTest::newRow("a number with a sign") << "100%" << ids("m5");
    QTest::newRow("a colon after digits is text") << "10:30" << ids("");
    QTest::newRow("punctuation alone is ignored") << "invoice ---" << ids("m2 m1 m4");
}

void TestSearchQuery::finds()
{
    QFETCH(QString, query);
    QFETCH(QStringList, expected);
    QCOMPARE(run(query), expected);
}

void TestSearchQuery::refuses_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("says");
    QTest::newRow("nothing") << "   "
                             << "Nothing to search for";
    QTest::newRow("only punctuation") << "--- ..."
                                      << "Nothing to search for";
    QTest::newRow("an operator without a value") << "from:"
                                                 << "needs something after the colon";
    QTest::newRow("an unknown operator") << "form:ann"
                                         << "Unknown search operator form:";
    QTest::newRow("a quote not closed") << "\"invoice paid"
                                        << "not closed";
    QTest::newRow("not a date") << "after:yesterday"
                                << "needs a date";
    QTest::newRow("no such day") << "before:2024-02-30"
                                 << "needs a date";
    QTest::newRow("has: something else") << "has:pdf"
                                         << "has:attachment";
    QTest::newRow("a range that is empty") << "after:2024-05-01 before:2024-04-01"
                                           << "not earlier than";
    QTest::newRow("the same day twice") << "after:2024-05-01 before:2024-05-01"
                                        << "not earlier than";
    QTest::newRow("two accounts") << "account:work account:home"
                                  << "Only one account:";
}

void TestSearchQuery::refuses()
{
    QFETCH(QString, query);
    QFETCH(QString, says);
    const SearchQuery q = SearchQuery::parse(query);
    QVERIFY(!q.isValid());
    QVERIFY2(q.error().contains(says), qPrintable(q.error()));
    // The reader refuses it the same way and runs nothing.
    const QStringList result = run(query);
    QCOMPARE(result.size(), 1);
    QVERIFY2(result.first().startsWith(QStringLiteral("error: ")), qPrintable(result.first()));
}

// m6 is 2024-06-01 23:30 UTC: still June 1st in UTC, already June 2nd at UTC+2.
void TestSearchQuery::datesAreDaysInTheGivenZone()
{
    const QTimeZone plusTwo(2 * 3600);
    QCOMPARE(run(QStringLiteral("after:2024-06-02")), QStringList());
    QCOMPARE(run(QStringLiteral("after:2024-06-02"), plusTwo), QStringList{QStringLiteral("m6")});
    QCOMPARE(run(QStringLiteral("before:2024-06-02 after:2024-06-01")), QStringList{QStringLiteral("m6")});
    QCOMPARE(run(QStringLiteral("before:2024-06-02 after:2024-06-01"), plusTwo), QStringList());
}

// Whatever a person types is quoted before FTS5 sees it: its operators and brackets are plain text.
void TestSearchQuery::textNeverBecomesFtsSyntax()
{
    for (const QString &text : {QStringLiteral("(invoice"), QStringLiteral("invoice)"), QStringLiteral("NEAR(invoice"),
                                QStringLiteral("invoice^"), QStringLiteral("in\"voice"), QStringLiteral("{subject}")}) {
        const QStringList result = run(text);
        QVERIFY2(result.isEmpty() || !result.first().startsWith(QStringLiteral("error")), qPrintable(text));
    }
    QCOMPARE(run(QStringLiteral("(invoice")),
             (QStringList{QStringLiteral("m2"), QStringLiteral("m1"), QStringLiteral("m4")}));
    // "OR" and "NOT" are words to look for, not operators: everything is ANDed.
    QCOMPARE(run(QStringLiteral("invoice OR lunch")), QStringList());
    QCOMPARE(SearchQuery::parse(QStringLiteral("a\"b")).ftsExpression(), QStringLiteral("\"a\"\"b\""));
}

void TestSearchQuery::limitIsHonoured()
{
    QCOMPARE(run(QStringLiteral("invoice"), QTimeZone::utc(), 2),
             (QStringList{QStringLiteral("m2"), QStringLiteral("m1")}));
}

QTEST_GUILESS_MAIN(TestSearchQuery)
#include "tst_searchquery.moc"
