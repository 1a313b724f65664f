// How commands reach the wire: string arguments quoted or sent as literals (synchronising, or LITERAL+), UID sets
// compressed and cut into batches, and the plaintext rule for endpoints.
#include "net/imap/imaparguments.h"
#include "net/imap/imapendpoint.h"
#include "net/imap/imapuidset.h"

#include <QTest>

using namespace vaulttray;

Q_DECLARE_METATYPE(vaulttray::ImapSecurity)

namespace {

QByteArray describe(const QList<ImapUidRange> &ranges)
{
    return formatUidSet(ranges);
}

} // namespace

class TestImapArguments : public QObject
{
    Q_OBJECT

private slots:
    void strings_data();
    void strings();
    void literalParts();
    void uidSets_data();
    void uidSets();
    void batches();
    void endpointRules_data();
    void endpointRules();
};

void TestImapArguments::strings_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArray>("wire"); // after "A1 LOGIN ", with LITERAL+

    QTest::newRow("plain atom-like") << QByteArray("alice") << QByteArray("\"alice\"\r\n");
    QTest::newRow("empty") << QByteArray() << QByteArray("\"\"\r\n");
    QTest::newRow("space") << QByteArray("a b") << QByteArray("\"a b\"\r\n");
    QTest::newRow("quote and backslash escaped") << QByteArray("a\"b\\c") << QByteArray("\"a\\\"b\\\\c\"\r\n");
    QTest::newRow("8-bit goes as a literal") << QByteArray("p\xc3\xa4ss") << QByteArray("{5+}\r\np\xc3\xa4ss\r\n");
    QTest::newRow("CR/LF goes as a literal") << QByteArray("a\r\nb") << QByteArray("{4+}\r\na\r\nb\r\n");
    QTest::newRow("NUL goes as a literal") << QByteArray("a\0b", 3) << QByteArray("{3+}\r\na\0b\r\n", 11);
    QTest::newRow("mailbox in modified UTF-7") << QByteArray("Re&AOc-us") << QByteArray("\"Re&AOc-us\"\r\n");
}

void TestImapArguments::strings()
{
    QFETCH(QByteArray, value);
    QFETCH(QByteArray, wire);
    ImapArguments a;
    a.string(value);
    const QList<QByteArray> parts = a.render("A1", "LOGIN", true);
    QCOMPARE(parts.size(), 1);
    QCOMPARE(parts.constFirst(), "A1 LOGIN " + wire);
}

void TestImapArguments::literalParts()
{
    ImapArguments a;
    a.string("alice").string("p\xc3\xa4ss").atom("(X)");
    // Without LITERAL+ the command stops after "{5}" until the server says "+".
    const QList<QByteArray> sync = a.render("A7", "LOGIN", false);
    QCOMPARE(sync, (QList<QByteArray>{"A7 LOGIN \"alice\" {5}\r\n", "p\xc3\xa4ss (X)\r\n"}));
    const QList<QByteArray> plus = a.render("A7", "LOGIN", true);
    QCOMPARE(plus, (QList<QByteArray>{"A7 LOGIN \"alice\" {5+}\r\np\xc3\xa4ss (X)\r\n"}));
    ImapArguments none;
    QCOMPARE(none.render("A1", "CAPABILITY", false), (QList<QByteArray>{"A1 CAPABILITY\r\n"}));
}

void TestImapArguments::uidSets_data()
{
    QTest::addColumn<QList<quint32>>("uids");
    QTest::addColumn<QByteArray>("wire");
    QTest::newRow("one") << QList<quint32>{7} << QByteArray("7");
    QTest::newRow("run") << QList<quint32>{1, 2, 3} << QByteArray("1:3");
    QTest::newRow("unsorted with duplicates") << QList<quint32>{9, 3, 2, 3, 1, 10, 5} << QByteArray("1:3,5,9:10");
    QTest::newRow("largest UID is a number, not *") << QList<quint32>{4294967294u} << QByteArray("4294967294");
    QTest::newRow("empty") << QList<quint32>{} << QByteArray();
}

void TestImapArguments::uidSets()
{
    QFETCH(QList<quint32>, uids);
    QFETCH(QByteArray, wire);
    const QList<ImapUidRange> ranges = compressUids(uids);
    QCOMPARE(describe(ranges), wire);
    for (const quint32 uid : uids)
        QVERIFY(uidSetContains(ranges, uid));
    QVERIFY(!uidSetContains(ranges, 4));
    QCOMPARE(formatUidSet({{1200, kImapLastUid}}), QByteArray("1200:*"));
    QVERIFY(uidSetContains({{1200, kImapLastUid}}, 99999));
}

void TestImapArguments::batches()
{
    QList<quint32> uids;
    for (quint32 uid = 1; uid <= 250; ++uid)
        if (uid % 10 != 0)
            uids << uid;
    const QList<QList<ImapUidRange>> b = uidBatches(uids, 100);
    QCOMPARE(b.size(), 3);
    QCOMPARE(describe(b.at(0)), QByteArray("1:9,11:19,21:29,31:39,41:49,51:59,61:69,71:79,81:89,91:99,101:109,111"));
    QList<quint32> back;
    for (const QList<ImapUidRange> &batch : b)
        for (const ImapUidRange &r : batch)
            for (quint32 uid = r.first; uid <= r.last; ++uid)
                back << uid;
    QCOMPARE(back, uids);
    QVERIFY(uidBatches({}, 100).isEmpty());
}

void TestImapArguments::endpointRules_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<ImapSecurity>("security");
    QTest::addColumn<bool>("allowPlaintext");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("imaps anywhere") << "imap.example.org" << ImapSecurity::Imaps << false << true;
    QTest::newRow("starttls anywhere") << "imap.example.org" << ImapSecurity::StartTls << false << true;
    QTest::newRow("plain to 127.0.0.1") << "127.0.0.1" << ImapSecurity::Plain << false << true;
    QTest::newRow("plain to localhost") << "localhost" << ImapSecurity::Plain << false << true;
    QTest::newRow("plain to ::1") << "::1" << ImapSecurity::Plain << false << true;
    QTest::newRow("plain elsewhere refused") << "imap.example.org" << ImapSecurity::Plain << false << false;
    QTest::newRow("plain to a LAN address refused") << "192.168.1.10" << ImapSecurity::Plain << false << false;
    QTest::newRow("plain elsewhere when allowed") << "imap.example.org" << ImapSecurity::Plain << true << true;
    QTest::newRow("no host") << "" << ImapSecurity::Imaps << false << false;
}

void TestImapArguments::endpointRules()
{
    QFETCH(QString, host);
    QFETCH(ImapSecurity, security);
    QFETCH(bool, allowPlaintext);
    QFETCH(bool, accepted);
    ImapEndpoint e;
    e.host = host;
    e.port = 143;
    e.security = security;
    e.allowPlaintext = allowPlaintext;
    const Failure f = checkEndpoint(e);
    QCOMPARE(f.ok(), accepted);
    if (!accepted)
        QCOMPARE(toString(f.kind), toString(FailureKind::ClientMisconfigured));
}

QTEST_GUILESS_MAIN(TestImapArguments)
#include "tst_imaparguments.moc"
