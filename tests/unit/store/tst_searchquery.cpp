// What the person types in the search box selects the right messages from a real archive: words, phrases,
// operators, date ranges, account and label filters; FTS5 syntax in the input is only ever text.
#include "store/archive.h"
#include "store/archivereader.h"
#include "store/archivewriter.h"
#include "store/searchquery.h"

#include <QTemporaryDir>
#include <QTest>

using namespace vaulttray;

namespace {
QDateTime at(int month, int day, int hour = 10)
{
    return QDateTime(QDate(2024, month, day), QTime(hour, 0), Qt::UTC);
}

struct Mail
{
    const char *account;
    const char *subject;
    const char *from;
    const char *to;
    const char *cc;
    const char *body;
    QDateTime date;
    QStringList labels;
    bool attachment;
};

MessageRecord recordOf(const Mail &mail, int n)
{
    MessageRecord m;
    m.providerId = QStringLiteral("p%1").arg(n);
    m.messageId = QStringLiteral("m%1@example.org").arg(n);
    m.internalDate = mail.date;
    m.sentDate = mail.date;
    m.from = QString::fromUtf8(mail.from);
    m.to = QString::fromUtf8(mail.to);
    m.cc = QString::fromUtf8(mail.cc);
    m.subject = QString::fromUtf8(mail.subject);
    m.peopleText = m.from + QLatin1Char(' ') + m.to + QLatin1Char(' ') + m.cc;
    m.bodyText = QString::fromUtf8(mail.body);
    m.raw = "Subject: " + QByteArray(mail.subject) + "\r\n\r\n" + QByteArray(mail.body) + "\r\n";
    m.labels = mail.labels;
    if (mail.attachment)
        m.attachments << AttachmentRecord{QStringLiteral("report.pdf"), QStringLiteral("application/pdf"), 10};
    return m;
}

const QString kInbox = QStringLiteral("INBOX");
const QString kProjects = QStringLiteral("Label_7");

const QList<Mail> kMails{
    {"work", "Quarterly budget", "Alice <alice@example.org>", "bob@example.org", "", "the budget for the façade",
     at(3, 10), {kInbox}, true},
    {"work", "Lunch", "Bob <bob@example.org>", "alice@example.org", "carol@example.org",
     "NEAR the park (by the fountain)", at(3, 11), {kProjects}, false},
    {"home", "Budget ideas", "Carol <carol@example.org>", "me@example.org", "", "holiday money", at(4, 1, 23),
     {kInbox}, false},
    {"work", "Re: (draft) 50% off", "Dave_Smith <dave@example.org>", "alice@example.org", "",
     "a \"quoted\" word and 100% sure", at(2, 1), {kInbox}, true},
};
} // namespace

class TestSearchQuery : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("archive.db"));
        QVERIFY(!Archive::prepare(m_path));
        ArchiveWriter writer(m_path);
        QVERIFY(!writer.start());
        QHash<QString, qint64> accounts;
        for (const char *name : {"home", "work"}) {
            qint64 id = 0;
            QVERIFY(!writer.addAccount(AccountRecord{0, QString::fromLatin1(name), QStringLiteral("imap"), {}, "{}",
                                                     at(1, 1)},
                                       &id));
            accounts.insert(QString::fromLatin1(name), id);
        }
        for (int i = 0; i < kMails.size(); ++i) {
            WriteBatch b;
            b.accountId = accounts.value(QString::fromLatin1(kMails.at(i).account));
            b.at = at(5, 1);
            b.folders << FolderRecord{kInbox, QStringLiteral("Inbox"), false, {}}
                      << FolderRecord{kProjects, QStringLiteral("Projects/Zürich"), true, {}};
            b.messages << recordOf(kMails.at(i), i);
            const BatchResult r = writer.commit(b);
            QVERIFY2(!r.error, qPrintable(r.error.message));
        }
    }

    void selects_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QStringList>("subjects"); // newest first

        const QString budget = QStringLiteral("Quarterly budget");
        const QString lunch = QStringLiteral("Lunch");
        const QString ideas = QStringLiteral("Budget ideas");
        const QString draft = QStringLiteral("Re: (draft) 50% off");
        QTest::newRow("one word, any column") << "budget" << QStringList{ideas, budget};
        QTest::newRow("two words are AND") << "budget façade" << QStringList{budget};
        QTest::newRow("diacritics folded") << "facade" << QStringList{budget};
        QTest::newRow("phrase") << "\"the park\"" << QStringList{lunch};
        QTest::newRow("phrase not adjacent") << "\"park the\"" << QStringList{};
        QTest::newRow("prefix") << "budg*" << QStringList{ideas, budget};
        QTest::newRow("from: name") << "from:alice" << QStringList{budget};
        QTest::newRow("from: address, any case") << "from:BOB@example" << QStringList{lunch};
        QTest::newRow("to: includes cc") << "to:carol" << QStringList{lunch};
        QTest::newRow("subject: only the subject") << "subject:budget" << QStringList{ideas, budget};
        QTest::newRow("subject: quoted") << "subject:\"budget ideas\"" << QStringList{ideas};
        QTest::newRow("word not in subject") << "subject:holiday" << QStringList{};
        QTest::newRow("has:attachment") << "has:attachment" << QStringList{budget, draft};
        QTest::newRow("words and has:attachment") << "budget has:attachment" << QStringList{budget};
        QTest::newRow("after: includes its day") << "after:2024-03-11" << QStringList{ideas, lunch};
        QTest::newRow("before: excludes its day") << "before:2024-03-11" << QStringList{budget, draft};
        QTest::newRow("date range") << "after:2024-03-01 before:2024-04-01" << QStringList{lunch, budget};
        QTest::newRow("on: one day") << "on:2024-04-01" << QStringList{ideas};
        QTest::newRow("account:") << "budget account:home" << QStringList{ideas};
        QTest::newRow("label: by id") << "label:Label_7" << QStringList{lunch};
        QTest::newRow("label: by name") << "label:\"projects/zürich\"" << QStringList{lunch};
        QTest::newRow("label: and account:") << "label:INBOX account:work" << QStringList{budget, draft};
        QTest::newRow("unknown operator is text") << "foo:budget" << QStringList{};
        // FTS5 syntax typed as text searches for the text and never breaks the query.
        QTest::newRow("unbalanced parenthesis") << "budget)" << QStringList{ideas, budget};
        QTest::newRow("open parenthesis") << "(fountain" << QStringList{lunch};
        QTest::newRow("unbalanced quote") << "\"the park" << QStringList{lunch};
        QTest::newRow("NEAR is a word") << "NEAR(park fountain)" << QStringList{};
        QTest::newRow("NEAR word alone") << "near" << QStringList{lunch};
        QTest::newRow("OR is a word") << "budget OR lunch" << QStringList{};
        QTest::newRow("NOT is a word") << "NOT budget" << QStringList{};
        QTest::newRow("lone star") << "*" << QStringList{};
        QTest::newRow("quote inside a word") << "quo\"ted" << QStringList{};
        QTest::newRow("column filter syntax is text") << "body:budget" << QStringList{};
        QTest::newRow("SQL in from:") << "from:'); DROP TABLE messages; --" << QStringList{};
        QTest::newRow("LIKE wildcard % is literal") << "from:%" << QStringList{};
        QTest::newRow("LIKE wildcard _ is literal") << "from:dave_" << QStringList{draft};
        QTest::newRow("LIKE _ not any char") << "from:alic_" << QStringList{};
    }

    void selects()
    {
        QFETCH(QString, typed);
        QFETCH(QStringList, subjects);
        ArchiveReader reader(m_path);
        const SearchQuery query = SearchQuery::parse(typed, QTimeZone::utc());
        QVERIFY(query.problems().isEmpty());
        QStringList got;
        for (const SearchHit &hit : reader.search(query, 100))
            got << hit.subject;
        QCOMPARE(got, subjects);
        QCOMPARE(reader.messageCount(1) + reader.messageCount(2), kMails.size()); // nothing dropped
    }

    // The guard above matters: the same text handed to FTS5 raw is an error, not a search.
    void rawInputWouldBreakFts5()
    {
        ArchiveReader reader(m_path);
        QVERIFY(reader.search(QStringLiteral("budget)"), 100).isEmpty());
        QCOMPARE(reader.search(SearchQuery::parse(QStringLiteral("budget)")), 100).size(), 2);
    }

    void problems_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<int>("kind");
        QTest::newRow("bad date") << "after:yesterday" << int(SearchQuery::Problem::Kind::BadDate);
        QTest::newRow("impossible date") << "before:2024-02-30" << int(SearchQuery::Problem::Kind::BadDate);
        QTest::newRow("empty from") << "from: budget" << int(SearchQuery::Problem::Kind::MissingValue);
        QTest::newRow("unknown has") << "has:star" << int(SearchQuery::Problem::Kind::UnknownHas);
    }

    void problems()
    {
        QFETCH(QString, typed);
        QFETCH(int, kind);
        const SearchQuery query = SearchQuery::parse(typed, QTimeZone::utc());
        QCOMPARE(query.problems().size(), 1);
        QCOMPARE(int(query.problems().constFirst().kind), kind);
    }

    void emptyInputSelectsNothing()
    {
        QVERIFY(SearchQuery::parse(QStringLiteral("   ")).isEmpty());
        QVERIFY(SearchQuery::parse(QStringLiteral("\"\" * ()")).isEmpty());
        ArchiveReader reader(m_path);
        QVERIFY(reader.search(SearchQuery::parse(QString()), 100).isEmpty());
    }

    void pagesAreNewestFirstAndDisjoint()
    {
        ArchiveReader reader(m_path);
        const SearchQuery all = SearchQuery::parse(QStringLiteral("after:2000-01-01"));
        QStringList pages;
        for (int offset = 0; offset < 6; offset += 2)
            for (const SearchHit &hit : reader.search(all, 2, offset))
                pages << hit.subject;
        QCOMPARE(pages, (QStringList{QStringLiteral("Budget ideas"), QStringLiteral("Lunch"),
                                     QStringLiteral("Quarterly budget"), QStringLiteral("Re: (draft) 50% off")}));
    }

    void messageAndRawById()
    {
        ArchiveReader reader(m_path);
        const QList<SearchHit> hits = reader.search(SearchQuery::parse(QStringLiteral("fountain")), 10);
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits.constFirst().accountName, QStringLiteral("work"));
        const std::optional<StoredMessage> m = reader.message(hits.constFirst().messageId);
        QVERIFY(m.has_value());
        QCOMPARE(m->cc, QStringLiteral("carol@example.org"));
        QCOMPARE(m->labels, QStringList{QStringLiteral("Projects/Zürich")});
        QVERIFY(m->bodyText.contains(QStringLiteral("fountain")));
        QCOMPARE(reader.rawMessage(hits.constFirst().messageId), recordOf(kMails.at(1), 1).raw);
        QVERIFY(!reader.message(9999).has_value());
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
};

QTEST_GUILESS_MAIN(TestSearchQuery)
#include "tst_searchquery.moc"
