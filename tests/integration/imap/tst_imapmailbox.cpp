// Reading a generated mailbox (2,000 messages in 9 folders, nested and non-ASCII names, a \Noselect parent, 8-bit
// bodies, a multi-megabyte message) from a real Dovecot: LIST with SPECIAL-USE, STATUS, EXAMINE, UID SEARCH, and
// pipelined UID FETCH batches that stream every message byte-identical to the server's copy (the Maildir file with
// CRLF line ends), with its flags, INTERNALDATE and size — and leave the server unchanged.
#include "dovecottestbed.h"
#include "imaptestutil.h"
#include "maildirgenerator.h"

#include "net/imap/examinecommand.h"
#include "net/imap/imapsession.h"
#include "net/imap/imapuidset.h"
#include "net/imap/listcommand.h"
#include "net/imap/statuscommand.h"
#include "net/imap/uidfetchcommand.h"
#include "net/imap/uidsearchcommand.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QHash>
#include <QMap>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace vaulttray;
using namespace vaulttray::test;

namespace {

constexpr int kMessages = 2000;
constexpr quint64 kSeed = 6;
constexpr qsizetype kBatch = 100;

struct Expected
{
    QList<QByteArray> flags; // IMAP system flags, sorted
    QDateTime date;
    qint64 size = 0; // with CRLF line ends
    int seen = 0;    // times fetched
};

QByteArray sha256(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256);
}

QList<QByteArray> imapFlags(const QByteArray &maildirFlags)
{
    QList<QByteArray> flags;
    for (const char f : maildirFlags) {
        switch (f) {
        case 'S':
            flags << "\\Seen";
            break;
        case 'F':
            flags << "\\Flagged";
            break;
        case 'R':
            flags << "\\Answered";
            break;
        case 'D':
            flags << "\\Draft";
            break;
        }
    }
    std::sort(flags.begin(), flags.end());
    return flags;
}

QList<QByteArray> withoutRecent(QList<QByteArray> flags)
{
    flags.removeAll("\\Recent");
    std::sort(flags.begin(), flags.end());
    return flags;
}

} // namespace

class TestImapMailbox : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void generatorIsDeterministic();
    void listsEveryFolder();
    void statusCountsEveryFolder();
    void fetchesEveryMessageByteIdentical();
    void largeLiteralArrivesInManyReads();
    void fetchStreamsMessagesAsTheyArrive();
    void serverLeftUnchanged();

private:
    QByteArray rawName(const QString &folder) const;

    DovecotTestbed m_dovecot;
    std::unique_ptr<ImapSession> m_session;
    QList<GeneratedMessage> m_generated;
    QHash<QString, QHash<QByteArray, Expected>> m_expected; // folder -> content hash -> what the server must say
    QList<ImapListEntry> m_folders;
};

void TestImapMailbox::initTestCase()
{
    QString error;
    QVERIFY2(m_dovecot.start(&error), qPrintable(error));
    MaildirOptions options;
    options.root = m_dovecot.mailRoot();
    options.messages = kMessages;
    options.seed = kSeed;
    options.uid = m_dovecot.mailUid();
    options.gid = m_dovecot.mailGid();
    QVERIFY2(MaildirGenerator::generate(options, &m_generated, &error), qPrintable(error));
    for (const GeneratedMessage &m : std::as_const(m_generated)) {
        QFile f(m.path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray crlf = MaildirGenerator::toCrlf(f.readAll());
        Expected &e = m_expected[m.folder][sha256(crlf)];
        QCOMPARE(e.size, 0); // the generator wrote no two identical messages into one folder
        e = Expected{imapFlags(m.flags), m.date.toUTC(), crlf.size(), 0};
    }
    m_session = std::make_unique<ImapSession>(m_dovecot.endpoint(ImapSecurity::Imaps), passwordOf(m_dovecot));
    const ImapOpenResult opened = openSession(*m_session);
    QVERIFY2(opened.failure.ok(), qPrintable(opened.failure.detail));
}

void TestImapMailbox::generatorIsDeterministic()
{
    // The same seed writes the same files, names and bytes; another seed does not.
    const auto write = [](quint64 seed, QMap<QString, QByteArray> *files) {
        QTemporaryDir dir;
        MaildirOptions o;
        o.root = dir.path();
        o.messages = 40;
        o.seed = seed;
        o.largeMessageBytes = 100 * 1024;
        QList<GeneratedMessage> out;
        QString error;
        if (!MaildirGenerator::generate(o, &out, &error))
            return false;
        QDirIterator it(dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (!f.open(QIODevice::ReadOnly))
                return false;
            files->insert(f.fileName().mid(dir.path().size()), f.readAll());
        }
        return true;
    };
    QMap<QString, QByteArray> a;
    QMap<QString, QByteArray> b;
    QMap<QString, QByteArray> c;
    QVERIFY(write(kSeed, &a) && write(kSeed, &b) && write(kSeed + 1, &c));
    QVERIFY(a.size() > 40); // the messages and the subscriptions and folder markers
    QCOMPARE(a, b);
    QVERIFY(a != c);
}

QByteArray TestImapMailbox::rawName(const QString &folder) const
{
    for (const ImapListEntry &e : m_folders)
        if (e.name == folder)
            return e.rawName;
    return {};
}

void TestImapMailbox::listsEveryFolder()
{
    const auto list = runCommand<ImapListResult>(m_session->connection(), new ListCommand);
    QVERIFY(list);
    QVERIFY2(list->failure.ok(), qPrintable(list->failure.detail));
    QCOMPARE(list->unreadable, 0);
    m_folders = list->mailboxes;
    QSet<QString> selectable;
    QSet<QString> hierarchyOnly;
    QHash<QString, QByteArray> specialUse;
    for (const ImapListEntry &e : std::as_const(m_folders)) {
        (e.isSelectable() ? selectable : hierarchyOnly).insert(e.name);
        specialUse.insert(e.name, e.specialUse());
        QCOMPARE(e.delimiter, QLatin1Char('/'));
    }
    QSet<QString> generated;
    for (const GeneratedFolder &f : MaildirGenerator::folders())
        generated.insert(f.name);
    QCOMPARE(selectable, generated);
    QCOMPARE(hierarchyOnly, QSet<QString>{QStringLiteral("Lists")}); // a parent with no Maildir of its own
    QCOMPARE(rawName(QStringLiteral("Reçus")), QByteArray("Re&AOc-us"));
    QCOMPARE(specialUse.value(QStringLiteral("Sent")), QByteArray("\\Sent"));
    QCOMPARE(specialUse.value(QStringLiteral("Trash")), QByteArray("\\Trash"));
    QCOMPARE(specialUse.value(QStringLiteral("Drafts")), QByteArray("\\Drafts"));
    QCOMPARE(specialUse.value(QStringLiteral("Archive")), QByteArray("\\Archive"));
    QCOMPARE(specialUse.value(QStringLiteral("INBOX")), QByteArray());
}

void TestImapMailbox::statusCountsEveryFolder()
{
    QVERIFY(!m_folders.isEmpty());
    for (const GeneratedFolder &f : MaildirGenerator::folders()) {
        const auto status = runCommand<ImapStatusResult>(m_session->connection(), new StatusCommand(rawName(f.name)));
        QVERIFY(status);
        QVERIFY2(status->failure.ok(), qPrintable(status->failure.detail));
        QCOMPARE(status->status.name, f.name);
        QCOMPARE(qsizetype(status->status.messages.value_or(0)), m_expected.value(f.name).size());
        QVERIFY(status->status.uidValidity.value_or(0) > 0);
        QVERIFY(status->status.highestModSeq.has_value());
    }
}

void TestImapMailbox::fetchesEveryMessageByteIdentical()
{
    QVERIFY(!m_folders.isEmpty());
    ImapConnection &connection = m_session->connection();
    qint64 total = 0;
    for (const GeneratedFolder &f : MaildirGenerator::folders()) {
        QHash<QByteArray, Expected> &expected = m_expected[f.name];
        const auto examined =
            runCommand<ImapExamineResult>(connection, new ExamineCommand(rawName(f.name), {true, std::nullopt}));
        QVERIFY(examined);
        QVERIFY2(examined->failure.ok(), qPrintable(examined->failure.detail));
        QVERIFY(examined->readOnly);
        QVERIFY(examined->uidValidity > 0);
        QVERIFY(examined->highestModSeq.has_value());
        QCOMPARE(qsizetype(examined->exists), expected.size());

        const auto search = runCommand<ImapSearchResult>(connection, new UidSearchCommand);
        QVERIFY(search && search->failure.ok());
        QCOMPARE(search->uids.size(), expected.size());

        // Every batch goes out at once; the answers stream back in order.
        QList<ImapFetchedMessage> fetched;
        QList<ImapFetchResult> results;
        const QList<QList<ImapUidRange>> batches = uidBatches(search->uids, kBatch);
        for (const QList<ImapUidRange> &batch : batches) {
            auto *fetch = new UidFetchCommand(batch, {true, true, std::nullopt, false});
            connect(fetch, &UidFetchCommand::messageFetched, this,
                    [&fetched](const ImapFetchedMessage &m) { fetched << m; });
            connect(fetch, &UidFetchCommand::finished, this, [&results](const ImapFetchResult &r) { results << r; });
            connection.send(fetch);
        }
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), batches.size(), int(kDovecotWait.count()));
        for (const ImapFetchResult &r : std::as_const(results)) {
            QVERIFY2(r.failure.ok(), qPrintable(r.failure.detail));
            QCOMPARE(r.unreadable, 0);
        }
        QCOMPARE(fetched.size(), expected.size());
        QSet<quint32> uids;
        for (const ImapFetchedMessage &m : std::as_const(fetched)) {
            uids.insert(m.uid);
            auto it = expected.find(sha256(m.raw));
            QVERIFY2(it != expected.end(),
                     qPrintable(QStringLiteral("%1 UID %2: bytes differ from every file").arg(f.name).arg(m.uid)));
            ++it->seen;
            QCOMPARE(withoutRecent(m.flags), it->flags);
            QCOMPARE(m.internalDate, it->date);
            QCOMPARE(qint64(m.rfc822Size.value_or(0)), it->size);
            QVERIFY(m.modSeq.has_value());
        }
        QCOMPARE(uids.size(), expected.size());
        for (const Expected &e : std::as_const(expected))
            QCOMPARE(e.seen, 1);
        total += fetched.size();
    }
    QCOMPARE(total, qint64(kMessages));
}

void TestImapMailbox::largeLiteralArrivesInManyReads()
{
    ImapConnection &connection = m_session->connection();
    const auto examined = runCommand<ImapExamineResult>(connection, new ExamineCommand("INBOX"));
    QVERIFY(examined && examined->failure.ok());
    const auto search = runCommand<ImapSearchResult>(connection, new UidSearchCommand("LARGER 2000000"));
    QVERIFY(search && search->failure.ok());
    QCOMPARE(search->uids.size(), 1);
    const qint64 readsBefore = connection.readCount();
    QList<ImapFetchedMessage> fetched;
    auto *fetch = new UidFetchCommand(compressUids(search->uids));
    connect(fetch, &UidFetchCommand::messageFetched, this, [&fetched](const ImapFetchedMessage &m) { fetched << m; });
    const auto result = runCommand<ImapFetchResult>(connection, fetch);
    QVERIFY(result && result->failure.ok());
    QCOMPARE(fetched.size(), 1);
    QVERIFY(fetched.at(0).raw.size() > 2000000);
    QVERIFY(m_expected.value(QStringLiteral("INBOX")).contains(sha256(fetched.at(0).raw)));
    // TLS records are at most 16 KB: the literal came in dozens of reads and was put together right.
    QVERIFY2(connection.readCount() - readsBefore > 20,
             qPrintable(QString::number(connection.readCount() - readsBefore)));
}

void TestImapMailbox::fetchStreamsMessagesAsTheyArrive()
{
    ImapConnection &connection = m_session->connection();
    const auto examined =
        runCommand<ImapExamineResult>(connection, new ExamineCommand(rawName(QStringLiteral("Archive"))));
    QVERIFY(examined && examined->failure.ok());
    QList<qint64> receivedAt; // bytes received when each message was handed over
    auto *fetch = new UidFetchCommand({{1, kImapLastUid}});
    connect(fetch, &UidFetchCommand::messageFetched, this,
            [&receivedAt, &connection](const ImapFetchedMessage &) { receivedAt << connection.bytesReceived(); });
    const qint64 before = connection.bytesReceived();
    const auto result = runCommand<ImapFetchResult>(connection, fetch);
    QVERIFY(result && result->failure.ok());
    QCOMPARE(receivedAt.size(), qsizetype(examined->exists));
    // The first message went to the caller long before the last bytes had arrived: nothing waited for the batch.
    QVERIFY(receivedAt.first() - before < (connection.bytesReceived() - before) / 4);
    QVERIFY(std::is_sorted(receivedAt.begin(), receivedAt.end()));
}

void TestImapMailbox::serverLeftUnchanged()
{
    // BODY.PEEK[] under EXAMINE: unseen mail is still unseen.
    const auto status = runCommand<ImapStatusResult>(m_session->connection(), new StatusCommand("INBOX"));
    QVERIFY(status && status->failure.ok());
    int unseen = 0;
    for (const GeneratedMessage &m : std::as_const(m_generated))
        if (m.folder == QLatin1String("INBOX") && !m.flags.contains('S'))
            ++unseen;
    QVERIFY(unseen > 0);
    QCOMPARE(int(status->status.unseen.value_or(0)), unseen);
}

QTEST_GUILESS_MAIN(TestImapMailbox)
#include "tst_imapmailbox.moc"
