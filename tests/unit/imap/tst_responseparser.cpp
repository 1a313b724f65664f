// The incremental IMAP response parser: every row is parsed whole, byte by byte, and split in two at every offset,
// and must give the same responses each way.
#include "net/imap/responsedata.h"
#include "net/imap/responseparser.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QTest>

using namespace vaulttray;

namespace {

struct Parsed
{
    QByteArrayList debug;
    QByteArrayList literals;
};

void collectLiterals(const ImapValue &v, QByteArrayList &out)
{
    if (v.type() == ImapValue::Type::Literal)
        out.append(v.bytes());
    for (const ImapValue &item : v.items())
        collectLiterals(item, out);
}

Parsed drain(ImapResponseParser &parser, Parsed p = {})
{
    while (auto r = parser.next()) {
        p.debug.append(r->toDebugString());
        for (const ImapValue &v : r->args)
            collectLiterals(v, p.literals);
    }
    return p;
}

Parsed parseChunks(const QByteArrayList &chunks)
{
    ImapResponseParser parser;
    Parsed p;
    for (const QByteArray &c : chunks) {
        parser.feed(c);
        p = drain(parser, p);
    }
    return p;
}

ImapResponse parseOne(const QByteArray &input)
{
    ImapResponseParser parser;
    parser.feed(input);
    auto r = parser.next();
    return r ? *r : ImapResponse();
}

// The rows double as the fuzz target's seed corpus (tests/fuzz, cmake/VaulttrayFuzz.cmake): with
// VAULTTRAY_FUZZ_SEED_DIR set, each row's input is written there in the target's format, four bytes choosing the
// read sizes, then the stream.
void writeFuzzSeed(const char *row, const QByteArray &input)
{
    const QString dir = qEnvironmentVariable("VAULTTRAY_FUZZ_SEED_DIR");
    if (dir.isEmpty())
        return;
    static const QByteArray kReadSizes("\x10\x03\x40\xff", 4);
    QDir().mkpath(dir);
    QFile seed(dir + QLatin1Char('/') +
               QString::fromLatin1(QCryptographicHash::hash(row, QCryptographicHash::Sha1).toHex()));
    if (seed.open(QIODevice::WriteOnly))
        seed.write(kReadSizes + input);
}

QByteArray join(const QByteArrayList &l)
{
    return '[' + l.join("] [") + ']';
}

} // namespace

class TestResponseParser : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void parse_data();
    void parse();
    void largeLiteralStaysBounded();
    void listEntry_data();
    void listEntry();
    void fetch();
    void fetchRejectsMalformed_data();
    void fetchRejectsMalformed();
    void statusData();
    void searchAndESearch();
    void vanished_data();
    void vanished();
    void codesAndCapabilities();
    void internalDate_data();
    void internalDate();
};

void TestResponseParser::initTestCase()
{
    // The malformed rows are parsed hundreds of times each (every split point); their debug lines are only noise.
    QLoggingCategory::setFilterRules(QStringLiteral("vaulttray.net.imap.debug=false"));
}

void TestResponseParser::parse_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArrayList>("expected"); // ImapResponse::toDebugString() of each response, in order
    QTest::addColumn<QByteArrayList>("literals"); // every literal's bytes, in order

    const QByteArrayList none;
    auto row = [](const char *name, const QByteArray &in, const QByteArrayList &out, const QByteArrayList &lits = {}) {
        QTest::newRow(name) << in << out << lits;
    };

    // Status responses and response codes.
    row("greeting ok", "* OK IMAP4rev1 Service Ready\r\n", {"* OK IMAP4rev1 Service Ready"});
    row("greeting preauth", "* PREAUTH ready\r\n", {"* PREAUTH ready"});
    row("dovecot greeting",
        "* OK [CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ STARTTLS AUTH=PLAIN] Dovecot "
        "(Debian) ready.\r\n",
        {"* OK [CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ STARTTLS AUTH=PLAIN] Dovecot "
         "(Debian) ready."});
    row("gmail greeting", "* OK Gimap ready for requests from 192.0.2.7 a1mb123456abc\r\n",
        {"* OK Gimap ready for requests from 192.0.2.7 a1mb123456abc"});
    row("uidvalidity", "* OK [UIDVALIDITY 3857529045] UIDs valid\r\n", {"* OK [UIDVALIDITY 3857529045] UIDs valid"});
    row("uidnext", "* OK [UIDNEXT 4392] Predicted next UID\r\n", {"* OK [UIDNEXT 4392] Predicted next UID"});
    row("highestmodseq 64-bit", "* OK [HIGHESTMODSEQ 9223372036854775807] Highest\r\n",
        {"* OK [HIGHESTMODSEQ 9223372036854775807] Highest"});
    row("permanentflags", "* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Limited\r\n",
        {"* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Limited"});
    row("tagged ok", "a1 OK [READ-ONLY] EXAMINE completed\r\n", {"a1 OK [READ-ONLY] EXAMINE completed"});
    row("tagged no authenticationfailed", "a2 NO [AUTHENTICATIONFAILED] Authentication failed.\r\n",
        {"a2 NO [AUTHENTICATIONFAILED] Authentication failed."});
    row("tagged no unavailable", "a3 NO [UNAVAILABLE] Try later\r\n", {"a3 NO [UNAVAILABLE] Try later"});
    row("tagged bad", "a4 BAD Error in IMAP command: Unknown command.\r\n",
        {"a4 BAD Error in IMAP command: Unknown command."});
    row("bye", "* BYE Server shutting down\r\n", {"* BYE Server shutting down"});
    row("code without text (RFC 9051)", "a5 OK [CLOSED]\r\n", {"a5 OK [CLOSED]"});
    row("no space before code", "a6 OK[ALERT] hi\r\n", {"a6 OK [ALERT] hi"});
    row("unparsable code args kept raw", "a7 NO [REFERRAL imap://u;AUTH=*@h/ (] go\r\n",
        {"a7 NO [REFERRAL imap://u;AUTH=*@h/ (] go"});
    row("status text ending in {5} is prose", "* OK see {5}\r\n* 3 EXISTS\r\n", {"* OK see {5}", "* 3 EXISTS"});

    // Continuations.
    row("continuation", "+ Ready for literal data\r\n", {"+ Ready for literal data"});
    row("continuation empty", "+\r\n", {"+ "});
    row("continuation xoauth2 error", "+ eyJzdGF0dXMiOiI0MDAifQ==\r\n", {"+ eyJzdGF0dXMiOiI0MDAifQ=="});

    // Data responses.
    row("capability", "* CAPABILITY IMAP4rev1 CONDSTORE QRESYNC AUTH=XOAUTH2\r\n",
        {"* CAPABILITY IMAP4rev1 CONDSTORE QRESYNC AUTH=XOAUTH2"});
    row("gmail capability",
        "* CAPABILITY IMAP4rev1 UNSELECT IDLE NAMESPACE QUOTA ID XLIST CHILDREN X-GM-EXT-1 "
        "UIDPLUS COMPRESS=DEFLATE ENABLE MOVE CONDSTORE ESEARCH UTF8=ACCEPT LIST-EXTENDED "
        "LIST-STATUS LITERAL- SPECIAL-USE APPENDLIMIT=35651584\r\n",
        {"* CAPABILITY IMAP4rev1 UNSELECT IDLE NAMESPACE QUOTA ID XLIST CHILDREN X-GM-EXT-1 UIDPLUS COMPRESS=DEFLATE "
         "ENABLE MOVE CONDSTORE ESEARCH UTF8=ACCEPT LIST-EXTENDED LIST-STATUS LITERAL- SPECIAL-USE "
         "APPENDLIMIT=35651584"});
    row("exists", "* 172 EXISTS\r\n", {"* 172 EXISTS"});
    row("expunge", "* 44 EXPUNGE\r\n", {"* 44 EXPUNGE"});
    row("dovecot list", "* LIST (\\HasNoChildren) \".\" INBOX\r\n", {"* LIST (\\HasNoChildren) \".\" INBOX"});
    row("gmail list", "* LIST (\\HasNoChildren \\Sent) \"/\" \"[Gmail]/Sent Mail\"\r\n",
        {"* LIST (\\HasNoChildren \\Sent) \"/\" \"[Gmail]/Sent Mail\""});
    row("list nil delimiter", "* LIST (\\Noselect) NIL \"\"\r\n", {"* LIST (\\Noselect) NIL \"\""});
    row("list mailbox as literal", "* LIST () \"/\" {7}\r\nA \"b\" c\r\n", {"* LIST () \"/\" {7}"}, {"A \"b\" c"});
    row("status", "* STATUS \"Archive\" (MESSAGES 231 UIDNEXT 44292 UIDVALIDITY 1 HIGHESTMODSEQ 7011231777)\r\n",
        {"* STATUS \"Archive\" (MESSAGES 231 UIDNEXT 44292 UIDVALIDITY 1 HIGHESTMODSEQ 7011231777)"});
    row("search", "* SEARCH 2 84 882\r\n", {"* SEARCH 2 84 882"});
    row("search empty", "* SEARCH\r\n", {"* SEARCH"});
    row("esearch", "* ESEARCH (TAG \"a9\") UID MIN 4 MAX 3800 COUNT 15 ALL 4:18,21\r\n",
        {"* ESEARCH (TAG \"a9\") UID MIN 4 MAX 3800 COUNT 15 ALL 4:18,21"});
    row("vanished earlier", "* VANISHED (EARLIER) 300:310,405,411\r\n", {"* VANISHED (EARLIER) 300:310,405,411"});
    row("fetch flags uid modseq", "* 12 FETCH (UID 4827313 FLAGS (\\Seen $Forwarded) MODSEQ (12121231000))\r\n",
        {"* 12 FETCH (UID 4827313 FLAGS (\\Seen $Forwarded) MODSEQ (12121231000))"});
    row("fetch body literal", "* 1 FETCH (UID 7 RFC822.SIZE 14 BODY[] {14}\r\nHi\r\n\r\n(body)\r\n)\r\na1 OK done\r\n",
        {"* 1 FETCH (UID 7 RFC822.SIZE 14 BODY[] {14})", "a1 OK done"}, {"Hi\r\n\r\n(body)\r\n"});
    row("fetch two literals", "* 2 FETCH (BODY[HEADER.FIELDS (FROM)] {5}\r\nF: x\n BODY[] {0}\r\n)\r\n",
        {"* 2 FETCH (BODY[HEADER.FIELDS (FROM)] {5} BODY[] {0})"}, {"F: x\n", ""});
    row("fetch non-synchronising literal", "* 3 FETCH (BODY[] {4+}\r\nabcd)\r\n", {"* 3 FETCH (BODY[] {4})"}, {"abcd"});
    row("fetch literal8", QByteArray("* 4 FETCH (BINARY[] ~{3}\r\n") + QByteArray("\0\1\2", 3) + ")\r\n",
        {"* 4 FETCH (BINARY[] {3})"}, {QByteArray("\0\1\2", 3)});
    row("literal with bare LF header", "* 5 FETCH (BODY[] {2}\nab)\n", {"* 5 FETCH (BODY[] {2})"}, {"ab"});
    row("fetch body nil", "* 6 FETCH (UID 9 BODY[] NIL)\r\n", {"* 6 FETCH (UID 9 BODY[] NIL)"});
    row("nested lists",
        "* 7 FETCH (BODYSTRUCTURE ((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" "
        "3 1)(\"TEXT\" \"HTML\" NIL NIL NIL \"7BIT\" 4 1) \"ALTERNATIVE\"))\r\n",
        {"* 7 FETCH (BODYSTRUCTURE ((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 3 1) (\"TEXT\" "
         "\"HTML\" NIL NIL NIL \"7BIT\" 4 1) \"ALTERNATIVE\"))"});
    row("enabled", "* ENABLED QRESYNC CONDSTORE\r\n", {"* ENABLED QRESYNC CONDSTORE"});
    row("nomodseq", "* OK [NOMODSEQ] No permanent modsequences\r\n", {"* OK [NOMODSEQ] No permanent modsequences"});
    row("untagged closed before a new selection", "* OK [CLOSED] Previous mailbox closed.\r\n",
        {"* OK [CLOSED] Previous mailbox closed."});
    row("status name as a literal", "* STATUS {4}\r\nR\xc3\xa9s (MESSAGES 2)\r\n", {"* STATUS {4} (MESSAGES 2)"},
        {"R\xc3\xa9s"});
    row("fetch items after the body literal (Exchange order)",
        "* 9 FETCH (BODY[] {3}\r\nabc UID 12 FLAGS (\\Seen) INTERNALDATE \" 1-Jan-2020 00:00:00 +0000\")\r\n",
        {"* 9 FETCH (BODY[] {3} UID 12 FLAGS (\\Seen) INTERNALDATE \" 1-Jan-2020 00:00:00 +0000\")"}, {"abc"});
    row("qresync fetch during examine", "* 49 FETCH (UID 117 FLAGS (\\Seen \\Answered) MODSEQ (90060115194045001))\r\n",
        {"* 49 FETCH (UID 117 FLAGS (\\Seen \\Answered) MODSEQ (90060115194045001))"});
    row("tagged answer right after a literal response",
        "* 1 FETCH (UID 1 BODY[] {2}\r\nhi)\r\nA2 OK Fetch completed (0.001 + 0.000 secs).\r\n",
        {"* 1 FETCH (UID 1 BODY[] {2})", "A2 OK Fetch completed (0.001 + 0.000 secs)."}, {"hi"});
    row("quoted escapes", "* LIST () \"/\" \"a\\\"b\\\\c\"\r\n", {"* LIST () \"/\" \"a\\\"b\\\\c\""});
    row("8-bit quoted and atom", "* LIST (\\HasNoChildren) \"/\" \"Entw\xc3\xbcrfe\" \xc3\xa9t\xc3\xa9\r\n",
        {"* LIST (\\HasNoChildren) \"/\" \"Entw\xc3\xbcrfe\" \xc3\xa9t\xc3\xa9"});
    row("bare LF line ends", "* 1 EXISTS\n* 0 RECENT\na1 OK x\n", {"* 1 EXISTS", "* 0 RECENT", "a1 OK x"});
    row("extra spaces tolerated", "*  2  EXISTS \r\n", {"* 2 EXISTS"});
    row("blank lines ignored", "\r\n\r\n* 2 EXISTS\r\n", {"* 2 EXISTS"});
    row("leading-zero number stays atom", "* LIST () \"/\" 007\r\n", {"* LIST () \"/\" 007"});
    row("lower-case keywords", "* ok fine\r\na1 no [authenticationfailed] bad\r\n",
        {"* OK fine", "a1 NO [authenticationfailed] bad"});

    // Malformed input: one parse error for the offending response, then business as usual.
    row("unbalanced open paren", "* LIST (\\HasNoChildren \"/\" INBOX\r\n* 1 EXISTS\r\n",
        {"PARSE-ERROR unbalanced parenthesis: * LIST (\\HasNoChildren \"/\" INBOX", "* 1 EXISTS"});
    row("unbalanced close paren", "* FLAGS (\\Seen))\r\n* 1 EXISTS\r\n",
        {"PARSE-ERROR unbalanced parenthesis: * FLAGS (\\Seen))", "* 1 EXISTS"});
    row("unterminated quote", "* LIST () \"/\" \"INBOX\r\n* 1 EXISTS\r\n",
        {"PARSE-ERROR unterminated quoted string: * LIST () \"/\" \"INBOX", "* 1 EXISTS"});
    row("bad literal size", "* 1 FETCH (BODY[] {abc}\r\n* 1 EXISTS\r\n",
        {"PARSE-ERROR bad literal marker: * 1 FETCH (BODY[] {abc}", "* 1 EXISTS"});
    row("huge literal size", "* 1 FETCH (BODY[] {99999999999}\r\nxyz\r\n* 2 EXISTS\r\n",
        {"PARSE-ERROR literal size out of range: * 1 FETCH (BODY[] {99999999999}", "PARSE-ERROR no tag: xyz",
         "* 2 EXISTS"});
    row("literal marker mid-line", "* LIST () \"/\" {3}x\r\n* 1 EXISTS\r\n",
        {"PARSE-ERROR bad literal marker: * LIST () \"/\" {3}x", "* 1 EXISTS"});
    row("garbage", "\x01\x02garbage!!\r\n* 1 EXISTS\r\n", {"PARSE-ERROR no tag: \x01\x02garbage!!", "* 1 EXISTS"});
    row("tagged without status", "a1 FETCH 1\r\na1 OK ok\r\n",
        {"PARSE-ERROR tagged response without OK, NO or BAD: a1 FETCH 1", "a1 OK ok"});
    row("too deep nesting", QByteArray("* X ") + QByteArray(100, '(') + QByteArray(100, ')') + "\r\n* 1 EXISTS\r\n",
        {"PARSE-ERROR lists nested too deeply: * X " + QByteArray(100, '(') + QByteArray(96, ')'), "* 1 EXISTS"});
    row("no line end yet", "* 1 EXISTS\r\n* 2 EXI", {"* 1 EXISTS"});
    row("literal not complete yet", "* 1 FETCH (BODY[] {10}\r\nabc", none);
}

void TestResponseParser::parse()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArrayList, expected);
    QFETCH(QByteArrayList, literals);
    writeFuzzSeed(QTest::currentDataTag(), input);

    const Parsed whole = parseChunks({input});
    QCOMPARE(join(whole.debug), join(expected));
    QCOMPARE(whole.literals, literals);

    QByteArrayList bytes;
    for (qsizetype i = 0; i < input.size(); ++i)
        bytes.append(input.mid(i, 1));
    const Parsed byByte = parseChunks(bytes);
    QCOMPARE(join(byByte.debug), join(expected));
    QCOMPARE(byByte.literals, literals);

    for (qsizetype split = 0; split <= input.size(); ++split) {
        const Parsed p = parseChunks({input.left(split), input.mid(split)});
        if (p.debug != expected || p.literals != literals)
            QFAIL(qPrintable(QStringLiteral("split at %1: %2").arg(split).arg(QString::fromLatin1(join(p.debug)))));
    }
}

void TestResponseParser::largeLiteralStaysBounded()
{
    constexpr qsizetype kLiteralSize = 10 * 1024 * 1024;
    constexpr qsizetype kChunkSize = 4096;
    QByteArray body(kLiteralSize, Qt::Uninitialized);
    for (qsizetype i = 0; i < body.size(); ++i)
        body[i] = char((i * 7919) % 251); // every byte value but a few, CR and LF included, no period
    const QByteArray stream =
        "* 1 FETCH (UID 42 BODY[] {" + QByteArray::number(kLiteralSize) + "}\r\n" + body + ")\r\na1 OK done\r\n";

    ImapResponseParser parser;
    qsizetype peakCapacity = 0;
    for (qsizetype offset = 0; offset < stream.size(); offset += kChunkSize) {
        parser.feed(stream.mid(offset, kChunkSize));
        peakCapacity = std::max(peakCapacity, parser.bufferCapacity());
        if (offset + kChunkSize < stream.size() - 20)
            QVERIFY(!parser.hasResponse());
    }
    QVERIFY2(peakCapacity < 2 * kLiteralSize, qPrintable(QString::number(peakCapacity)));
    const auto fetch = parser.next();
    QVERIFY(fetch);
    const auto data = imapFetchData(*fetch);
    QVERIFY(data);
    QCOMPARE(data->uid, 42u);
    QVERIFY(data->body);
    QCOMPARE(data->body->size(), kLiteralSize);
    QVERIFY(*data->body == body);
    const auto done = parser.next();
    QVERIFY(done);
    QCOMPARE(done->tag, QByteArray("a1"));
    QCOMPARE(parser.bufferCapacity() < kLiteralSize, true); // the literal went to the response, not kept twice
}

void TestResponseParser::listEntry_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("delimiter");
    QTest::addColumn<bool>("selectable");
    QTest::addColumn<QByteArray>("specialUse");

    QTest::newRow("dovecot inbox") << QByteArray("* LIST (\\HasNoChildren) \".\" INBOX") << true << "INBOX"
                                   << "." << true << QByteArray();
    QTest::newRow("gmail sent") << QByteArray("* LIST (\\HasNoChildren \\Sent) \"/\" \"[Gmail]/Sent Mail\"") << true
                                << "[Gmail]/Sent Mail"
                                << "/" << true << QByteArray("\\Sent");
    QTest::newRow("gmail all mail") << QByteArray("* LIST (\\All \\HasNoChildren) \"/\" \"[Gmail]/All Mail\"") << true
                                    << "[Gmail]/All Mail"
                                    << "/" << true << QByteArray("\\All");
    QTest::newRow("gmail noselect parent")
        << QByteArray("* LIST (\\HasChildren \\Noselect) \"/\" \"[Gmail]\"") << true << "[Gmail]"
        << "/" << false << QByteArray();
    QTest::newRow("nonexistent") << QByteArray("* LIST (\\NonExistent) \"/\" gone") << true << "gone"
                                 << "/" << false << QByteArray();
    QTest::newRow("flags case-insensitive") << QByteArray("* LIST (\\NOSELECT \\trash) \"/\" T") << true << "T"
                                            << "/" << false << QByteArray("\\Trash");
    QTest::newRow("modified utf-7 name") << QByteArray("* LIST () \"/\" \"~peter/mail/&U,BTFw-/&ZeVnLIqe-\"") << true
                                         << QString::fromUtf8("~peter/mail/\xe5\x8f\xb0\xe5\x8c\x97/\xe6\x97\xa5\xe6"
                                                              "\x9c\xac\xe8\xaa\x9e")
                                         << "/" << true << QByteArray();
    QTest::newRow("raw utf-8 name") << QByteArray("* LIST () \"/\" \"Entw\xc3\xbcrfe\"") << true
                                    << QString::fromUtf8("Entw\xc3\xbcrfe") << "/" << true << QByteArray();
    QTest::newRow("nil delimiter") << QByteArray("* LIST () NIL Flat") << true << "Flat" << QString() << true
                                   << QByteArray();
    QTest::newRow("mailbox called NIL") << QByteArray("* LIST () \"/\" NIL") << true << "NIL"
                                        << "/" << true << QByteArray();
    QTest::newRow("lsub") << QByteArray("* LSUB () \".\" Sub") << true << "Sub"
                          << "." << true << QByteArray();
    QTest::newRow("flags not a list") << QByteArray("* LIST \\Noselect \"/\" x") << false << QString() << QString()
                                      << false << QByteArray();
    QTest::newRow("name missing") << QByteArray("* LIST () \"/\"") << false << QString() << QString() << false
                                  << QByteArray();
}

void TestResponseParser::listEntry()
{
    QFETCH(QByteArray, line);
    QFETCH(bool, valid);
    const auto e = imapListEntry(parseOne(line + "\r\n"));
    QCOMPARE(e.has_value(), valid);
    if (!valid)
        return;
    QFETCH(QString, name);
    QFETCH(QString, delimiter);
    QFETCH(bool, selectable);
    QFETCH(QByteArray, specialUse);
    QCOMPARE(e->name, name);
    QCOMPARE(e->delimiter.isNull() ? QString() : QString(e->delimiter), delimiter);
    QCOMPARE(e->isSelectable(), selectable);
    QCOMPARE(e->specialUse(), specialUse);
}

void TestResponseParser::fetch()
{
    const ImapResponse r = parseOne("* 12 FETCH (UID 4827313 FLAGS (\\Seen) INTERNALDATE \"17-Jul-1996 02:44:25 "
                                    "-0700\" RFC822.SIZE 4286 MODSEQ (12121231000) BODY[] {5}\r\nhello)\r\n");
    const auto f = imapFetchData(r);
    QVERIFY(f);
    QCOMPARE(f->sequenceNumber, 12u);
    QCOMPARE(f->uid, 4827313u);
    QCOMPARE(f->flags, QList<QByteArray>{"\\Seen"});
    QCOMPARE(f->internalDate, QDateTime(QDate(1996, 7, 17), QTime(9, 44, 25), Qt::UTC));
    QCOMPARE(f->rfc822Size, quint64(4286));
    QCOMPARE(f->modSeq, quint64(12121231000));
    QCOMPARE(f->body, QByteArray("hello"));

    const auto partial = imapFetchData(parseOne("* 1 FETCH (BODY[]<0> \"abc\" UID 3)\r\n"));
    QVERIFY(partial);
    QCOMPARE(partial->body, QByteArray("abc"));
    const auto nil = imapFetchData(parseOne("* 1 FETCH (UID 3 BODY[] NIL)\r\n"));
    QVERIFY(nil && nil->body && nil->body->isEmpty());
    const auto flagsOnly = imapFetchData(parseOne("* 1 FETCH (FLAGS ())\r\n"));
    QVERIFY(flagsOnly && !flagsOnly->uid && !flagsOnly->body && flagsOnly->flags->isEmpty());
}

void TestResponseParser::fetchRejectsMalformed_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::newRow("uid not a number") << QByteArray("* 1 FETCH (UID x)");
    QTest::newRow("uid beyond 32 bits") << QByteArray("* 1 FETCH (UID 4294967296)");
    QTest::newRow("item without value") << QByteArray("* 1 FETCH (UID 5 FLAGS)");
    QTest::newRow("flags not a list") << QByteArray("* 1 FETCH (FLAGS \\Seen)");
    QTest::newRow("bad internaldate") << QByteArray("* 1 FETCH (INTERNALDATE \"yesterday\")");
    QTest::newRow("body is a list") << QByteArray("* 1 FETCH (BODY[] (x))");
    QTest::newRow("not a list") << QByteArray("* 1 FETCH UID 5");
    QTest::newRow("no number") << QByteArray("* FETCH (UID 5)");
}

void TestResponseParser::fetchRejectsMalformed()
{
    QFETCH(QByteArray, line);
    const ImapResponse r = parseOne(line + "\r\n");
    QVERIFY2(!r.isParseError(), r.toDebugString().constData());
    QVERIFY(!imapFetchData(r));
}

void TestResponseParser::statusData()
{
    const auto s = imapStatusData(
        parseOne("* STATUS \"&AMQ-rger\" (MESSAGES 231 UIDNEXT 44292 UIDVALIDITY 3857529045 HIGHESTMODSEQ "
                 "90060115205545359 UNSEEN 2 RECENT 0)\r\n"));
    QVERIFY(s);
    QCOMPARE(s->name, QString::fromUtf8("\xc3\x84rger"));
    QCOMPARE(s->rawName, QByteArray("&AMQ-rger"));
    QCOMPARE(s->messages, 231u);
    QCOMPARE(s->uidNext, 44292u);
    QCOMPARE(s->uidValidity, 3857529045u);
    QCOMPARE(s->highestModSeq, quint64(90060115205545359ull));
    QCOMPARE(s->unseen, 2u);
    QVERIFY(!imapStatusData(parseOne("* STATUS INBOX (MESSAGES)\r\n")));
    QVERIFY(!imapStatusData(parseOne("* STATUS INBOX (UIDNEXT 99999999999)\r\n")));
    QCOMPARE(imapNumbered(parseOne("* 172 EXISTS\r\n"), "EXISTS"), 172u);
    QVERIFY(!imapNumbered(parseOne("* 172 EXISTS\r\n"), "EXPUNGE"));
    QVERIFY(!imapNumbered(parseOne("* 5000000000 EXISTS\r\n"), "EXISTS"));
}

void TestResponseParser::searchAndESearch()
{
    const auto s = imapSearchData(parseOne("* SEARCH 2 5 6 7 11 12 18 19 20 23 (MODSEQ 917162500)\r\n"));
    QVERIFY(s);
    QCOMPARE(s->ids, (QList<quint32>{2, 5, 6, 7, 11, 12, 18, 19, 20, 23}));
    QCOMPARE(s->modSeq, quint64(917162500));
    const auto empty = imapSearchData(parseOne("* SEARCH\r\n"));
    QVERIFY(empty && empty->ids.isEmpty() && !empty->modSeq);
    QVERIFY(!imapSearchData(parseOne("* SEARCH 1 x\r\n")));

    const auto e = imapESearchData(parseOne("* ESEARCH (TAG \"a9\") UID MIN 4 MAX 3800 COUNT 15 ALL 4:18,21\r\n"));
    QVERIFY(e);
    QCOMPARE(e->tag, QByteArray("a9"));
    QVERIFY(e->uid);
    QCOMPARE(e->min, 4u);
    QCOMPARE(e->max, 3800u);
    QCOMPARE(e->count, 15u);
    QVERIFY(e->all);
    QCOMPARE(e->all->count(), quint64(16));
    QVERIFY(e->all->contains(21) && !e->all->contains(19));
    const auto bare = imapESearchData(parseOne("* ESEARCH (TAG \"a1\")\r\n"));
    QVERIFY(bare && !bare->uid && !bare->all);
}

void TestResponseParser::vanished_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<bool>("earlier");
    QTest::addColumn<quint64>("count");
    QTest::newRow("earlier") << QByteArray("* VANISHED (EARLIER) 300:310,405,411") << true << true << quint64(13);
    QTest::newRow("live") << QByteArray("* VANISHED 505,507,510,625") << true << false << quint64(4);
    QTest::newRow("reversed range") << QByteArray("* VANISHED 9:7") << true << false << quint64(3);
    QTest::newRow("whole uid space") << QByteArray("* VANISHED (EARLIER) 1:4294967295") << true << true
                                     << quint64(4294967295u);
    QTest::newRow("star rejected") << QByteArray("* VANISHED 1:*") << false << false << quint64(0);
    QTest::newRow("empty element") << QByteArray("* VANISHED 1,,2") << false << false << quint64(0);
    QTest::newRow("unknown tag") << QByteArray("* VANISHED (LATER) 1") << false << false << quint64(0);
}

void TestResponseParser::vanished()
{
    QFETCH(QByteArray, line);
    QFETCH(bool, valid);
    const auto v = imapVanishedData(parseOne(line + "\r\n"));
    QCOMPARE(v.has_value(), valid);
    if (!valid)
        return;
    QFETCH(bool, earlier);
    QFETCH(quint64, count);
    QCOMPARE(v->earlier, earlier);
    QCOMPARE(v->uids.count(), count);
    constexpr quint64 kExpandLimit = 1000;
    QCOMPARE(v->uids.toList(kExpandLimit).has_value(), count <= kExpandLimit);
}

void TestResponseParser::codesAndCapabilities()
{
    const ImapResponse greeting = parseOne("* OK [CAPABILITY IMAP4rev1 literal+ AUTH=PLAIN] ready\r\n");
    QCOMPARE(imapCapabilities(greeting), (QList<QByteArray>{"IMAP4REV1", "LITERAL+", "AUTH=PLAIN"}));
    QCOMPARE(imapCapabilities(parseOne("* CAPABILITY IMAP4rev1 CONDSTORE\r\n")),
             (QList<QByteArray>{"IMAP4REV1", "CONDSTORE"}));
    QVERIFY(!imapCapabilities(parseOne("* OK ready\r\n")));

    QCOMPARE(imapCodeNumber(parseOne("* OK [UIDVALIDITY 3857529045] x\r\n"), "UIDVALIDITY"), quint64(3857529045u));
    QCOMPARE(imapCodeNumber(parseOne("* OK [HIGHESTMODSEQ 715194045007]\r\n"), "HIGHESTMODSEQ"), quint64(715194045007));
    QVERIFY(!imapCodeNumber(parseOne("* OK [UIDNEXT] x\r\n"), "UIDNEXT"));
    QCOMPARE(imapFlags(parseOne("* OK [PERMANENTFLAGS (\\Seen \\*)] x\r\n")), (QList<QByteArray>{"\\Seen", "\\*"}));
    QCOMPARE(imapFlags(parseOne("* FLAGS (\\Answered $Junk)\r\n")), (QList<QByteArray>{"\\Answered", "$Junk"}));

    const ImapResponse failed = parseOne("a2 NO [AUTHENTICATIONFAILED] Authentication failed.\r\n");
    QCOMPARE(failed.kind, ImapResponse::Kind::Tagged);
    QCOMPARE(failed.status, ImapStatus::No);
    QCOMPARE(failed.code, QByteArray("AUTHENTICATIONFAILED"));
    QCOMPARE(failed.codeRaw, QByteArray("AUTHENTICATIONFAILED"));
    QCOMPARE(failed.text, QByteArray("Authentication failed."));
    const ImapResponse bye = parseOne("* BYE [UNAVAILABLE] shutting down\r\n");
    QCOMPARE(bye.status, ImapStatus::Bye);
    QCOMPARE(bye.code, QByteArray("UNAVAILABLE"));
}

void TestResponseParser::internalDate_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QDateTime>("utc"); // invalid: rejected
    QTest::newRow("rfc example") << QByteArray("17-Jul-1996 02:44:25 -0700")
                                 << QDateTime(QDate(1996, 7, 17), QTime(9, 44, 25), Qt::UTC);
    QTest::newRow("space-padded day") << QByteArray(" 7-Feb-2024 23:30:00 +0100")
                                      << QDateTime(QDate(2024, 2, 7), QTime(22, 30), Qt::UTC);
    QTest::newRow("month case") << QByteArray("01-jan-2000 00:00:00 +0000")
                                << QDateTime(QDate(2000, 1, 1), QTime(0, 0), Qt::UTC);
    QTest::newRow("bad month") << QByteArray("01-Foo-2000 00:00:00 +0000") << QDateTime();
    QTest::newRow("bad zone") << QByteArray("01-Jan-2000 00:00:00 0000") << QDateTime();
    QTest::newRow("feb 30") << QByteArray("30-Feb-2000 00:00:00 +0000") << QDateTime();
}

void TestResponseParser::internalDate()
{
    QFETCH(QByteArray, text);
    QFETCH(QDateTime, utc);
    const auto parsed = parseImapDateTime(text);
    QCOMPARE(parsed.has_value(), utc.isValid());
    if (parsed)
        QCOMPARE(*parsed, utc);
}

QTEST_GUILESS_MAIN(TestResponseParser)
#include "tst_responseparser.moc"
