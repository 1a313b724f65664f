#include "mail/mimeparser.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace vaulttray;
using namespace Qt::StringLiterals;

namespace {

const QByteArray kHeaders = "From: Alice Example <alice@example.org>\n"
                            "To: bob@example.com\n"
                            "Date: Mon, 6 Mar 2023 10:00:00 +0200\n"
                            "Message-ID: <m1@example.org>\n";
const QDateTime kDate(QDate(2023, 3, 6), QTime(8, 0), Qt::UTC);

QByteArray crlf(QByteArray text)
{
    return text.replace("\n", "\r\n");
}

QByteArray encodedWord(const char *charset, const QByteArray &bytes)
{
    return "=?" + QByteArray(charset) + "?B?" + bytes.toBase64() + "?=";
}

QByteArray withSubject(const QByteArray &subject, const QByteArray &rest)
{
    return kHeaders + "Subject: " + subject + "\n" + rest;
}

QByteArray textMessage(const QByteArray &contentHeaders, const QByteArray &body)
{
    return withSubject("t", "MIME-Version: 1.0\n" + contentHeaders + "\n" + body);
}

// Deterministic noise: the same bytes on every run, NULs included.
QByteArray garbage(int size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    quint32 state = 0x12345678;
    for (char &byte : bytes) {
        state = state * 1664525u + 1013904223u;
        byte = char(state >> 24);
    }
    return bytes;
}

QByteArray nestedMultiparts(int depth)
{
    QByteArray message = kHeaders + "Subject: deep\nMIME-Version: 1.0\n";
    for (int level = 0; level < depth; ++level)
        message += "Content-Type: multipart/mixed; boundary=b" + QByteArray::number(level) + "\n\n--b" +
                   QByteArray::number(level) + "\n";
    message += "Content-Type: text/plain\n\ninnermost\n";
    for (int level = depth - 1; level >= 0; --level)
        message += "--b" + QByteArray::number(level) + "--\n";
    return message;
}

QByteArray dataFile(const QString &name)
{
    const QString root = qEnvironmentVariable("VAULTTRAY_TEST_DATA", QStringLiteral(VAULTTRAY_SOURCE_TEST_DATA));
    QFile file(root + u"/mail/"_s + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", qPrintable(file.fileName()));
    return file.readAll();
}

const QByteArray kNested = withSubject("nested", R"(MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="outer"

--outer
Content-Type: multipart/alternative; boundary="alt"

--alt
Content-Type: text/plain; charset=utf-8

Plain version of the letter.
--alt
Content-Type: multipart/related; boundary="rel"

--rel
Content-Type: text/html; charset=utf-8

<p>HTML version of the letter <img src="cid:logo@x"></p>
--rel
Content-Type: image/png
Content-ID: <logo@x>
Content-Transfer-Encoding: base64

iVBORw0KGgo=
--rel--
--alt--
--outer
Content-Type: application/pdf; name="report.pdf"
Content-Disposition: attachment; filename="report.pdf"
Content-Transfer-Encoding: base64

JVBERi0xLjQKJcOkw7zDtsOfCg==
--outer--
)");

const QByteArray kAttachedMessage = withSubject("Fwd: inner", R"(MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="b"

--b
Content-Type: text/plain

See attached.
--b
Content-Type: message/rfc822

From: Carol <carol@example.net>
Subject: Inner subject
Date: Sun, 5 Mar 2023 09:00:00 +0000

inner message body
--b--
)");

} // namespace

class TestMimeParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void parse_data();
    void parse();
    void addresses();
    void threadingIds_data();
    void threadingIds();
    void attachmentDetails();
    void bodyIsTruncated();
    void snippet_data();
    void snippet();
    void peopleText();
    void crlfParsesLikeLf();
    void problemDetailsQuoteNoContent();
    void parsesConcurrently();
};

void TestMimeParser::initTestCase()
{
    // Every problematic message logs a line; a run over dozens of them would bury the test output.
    QLoggingCategory::setFilterRules(u"vaulttray.mail.debug=false"_s);
}

void TestMimeParser::parse_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("fromName");
    QTest::addColumn<QString>("fromAddress");
    QTest::addColumn<QDateTime>("date");
    QTest::addColumn<QString>("bodyContains");
    QTest::addColumn<QString>("bodyExcludes");
    QTest::addColumn<QStringList>("attachments");
    QTest::addColumn<bool>("hasProblems");

    const QString alice = u"Alice Example"_s;
    const QString aliceAddress = u"alice@example.org"_s;
    const QStringList none;

    // Headers
    QTest::newRow("plain ascii") << withSubject("Hello", "\nHello world\n") << u"Hello"_s << alice << aliceAddress
                                 << kDate << u"Hello world"_s << QString() << none << false;
    QTest::newRow("CRLF line ends") << crlf(withSubject("Hello", "\nHello world\n")) << u"Hello"_s << alice
                                    << aliceAddress << kDate << u"Hello world"_s << u"\r"_s << none << false;
    QTest::newRow("subject Q ISO-8859-1") << withSubject("=?ISO-8859-1?Q?Caf=E9_cr=E8me?=", "\nx\n") << u"Café crème"_s
                                          << alice << aliceAddress << kDate << u"x"_s << QString() << none << false;
    QTest::newRow("subject B windows-1252")
        << withSubject(encodedWord("windows-1252", "\x93Hi\x94 \x80"), "\nx\n") << u"“Hi” €"_s << alice << aliceAddress
        << kDate << u"x"_s << QString() << none << false;
    QTest::newRow("subject KOI8-R") << withSubject(encodedWord("KOI8-R", "\xf0\xd2\xc9\xd7\xc5\xd4"), "\nx\n")
                                    << u"Привет"_s << alice << aliceAddress << kDate << u"x"_s << QString() << none
                                    << false;
    QTest::newRow("subject Shift_JIS") << withSubject(encodedWord("Shift_JIS", "\x93\xfa\x96\x7b\x8c\xea"), "\nx\n")
                                       << u"日本語"_s << alice << aliceAddress << kDate << u"x"_s << QString() << none
                                       << false;
    QTest::newRow("subject character split across encoded words")
        << withSubject(encodedWord("UTF-8", "Gr\xc3") + " " +
                           encodedWord("UTF-8", "\xbc\xc3\x9f"
                                                "e"),
                       "\nx\n")
        << u"Grüße"_s << alice << aliceAddress << kDate << u"x"_s << QString() << none << false;
    QTest::newRow("undeclared latin1 headers")
        << "From: " + u"Jérôme"_s.toLatin1() + " <jerome@example.org>\nSubject: " + u"Café crème"_s.toLatin1() +
               "\nDate: Mon, 6 Mar 2023 10:00:00 +0200\n\nx\n"
        << u"Café crème"_s << u"Jérôme"_s << u"jerome@example.org"_s << kDate << u"x"_s << QString() << none << true;
    // RFC 6532 allows raw UTF-8 in headers.
    QTest::newRow("raw utf-8 headers") << "From: " + u"Jürgen"_s.toUtf8() +
                                              " <j@example.de>\nSubject: " + u"Grüße aus Köln"_s.toUtf8() +
                                              "\nDate: Mon, 6 Mar 2023 10:00:00 +0200\n\nx\n"
                                       << u"Grüße aus Köln"_s << u"Jürgen"_s << u"j@example.de"_s << kDate << u"x"_s
                                       << QString() << none << false;
    QTest::newRow("unknown charset in encoded word")
        << withSubject("=?x-bogus?Q?hello?=", "\nx\n") << u"hello"_s << alice << aliceAddress << kDate << u"x"_s
        << QString() << none << true;
    // GMime's decoder stops at the bad character.
    QTest::newRow("broken base64 in encoded word") << withSubject("=?utf-8?B?SGVsbG8*?=", "\nx\n") << u"Hel"_s << alice
                                                   << aliceAddress << kDate << u"x"_s << QString() << none << true;
    QTest::newRow("conflicting Subject headers, last wins")
        << withSubject("first", "Subject: second\n\nx\n") << u"second"_s << alice << aliceAddress << kDate << u"x"_s
        << QString() << none << true;
    QTest::newRow("1 MB subject") << withSubject(QByteArray(1024 * 1024, 'x'), "\nbody\n") << QString(1024 * 1024, u'x')
                                  << alice << aliceAddress << kDate << u"body"_s << QString() << none << false;
    QTest::newRow("mbox From_ line") << "From alice@example.org Mon Mar  6 10:00:00 2023\n" +
                                            withSubject("mbox", "\nx\n")
                                     << u"mbox"_s << alice << aliceAddress << kDate << u"x"_s << QString() << none
                                     << false;

    // Dates
    QTest::newRow("missing Date") << QByteArray("From: a@example.org\nSubject: no date\n\nx\n") << u"no date"_s
                                  << QString() << u"a@example.org"_s << QDateTime() << u"x"_s << QString() << none
                                  << false;
    QTest::newRow("unparsable Date") << QByteArray(
                                            "From: a@example.org\nSubject: d\nDate: Mon, 32 Foo 2023 99:00\n\nx\n")
                                     << u"d"_s << QString() << u"a@example.org"_s << QDateTime() << u"x"_s << QString()
                                     << none << true;
    QTest::newRow("obsolete day name and two-digit year")
        << QByteArray("From: a@example.org\nSubject: d\nDate: Tuesday, 21-Feb-23 14:05:33 GMT\n\nx\n") << u"d"_s
        << QString() << u"a@example.org"_s << QDateTime(QDate(2023, 2, 21), QTime(14, 5, 33), Qt::UTC) << u"x"_s
        << QString() << none << false;
    QTest::newRow("no seconds, named zone")
        << QByteArray("From: a@example.org\nSubject: d\nDate: Mon, 6 Mar 2023 10:00 EST\n\nx\n") << u"d"_s << QString()
        << u"a@example.org"_s << QDateTime(QDate(2023, 3, 6), QTime(15, 0), Qt::UTC) << u"x"_s << QString() << none
        << false;

    // Body charsets and transfer encodings
    QTest::newRow("body Shift_JIS 8bit")
        << textMessage("Content-Type: text/plain; charset=Shift_JIS\nContent-Transfer-Encoding: 8bit\n",
                       "\x93\xfa\x96\x7b\x8c\xea\n")
        << u"t"_s << alice << aliceAddress << kDate << u"日本語"_s << QString() << none << false;
    QTest::newRow("body GB2312 base64")
        << textMessage("Content-Type: text/plain; charset=gb2312\nContent-Transfer-Encoding: base64\n",
                       "1tDOxLLiytQ=\n")
        << u"t"_s << alice << aliceAddress << kDate << u"中文测试"_s << QString() << none << false;
    QTest::newRow("body KOI8-R quoted-printable")
        << textMessage("Content-Type: text/plain; charset=koi8-r\nContent-Transfer-Encoding: quoted-printable\n",
                       "=F0=D2=C9=D7=C5=D4, =CD=C9=D2\n")
        << u"t"_s << alice << aliceAddress << kDate << u"Привет, мир"_s << QString() << none << false;
    QTest::newRow("body windows-1252 quoted-printable")
        << textMessage("Content-Type: text/plain; charset=windows-1252\n"
                       "Content-Transfer-Encoding: quoted-printable\n",
                       "=93quoted=94 costs =8020\n")
        << u"t"_s << alice << aliceAddress << kDate << u"“quoted” costs €20"_s << QString() << none << false;
    QTest::newRow("body ISO-2022-JP")
        << textMessage("Content-Type: text/plain; charset=ISO-2022-JP\nContent-Transfer-Encoding: 7bit\n",
                       "\x1b$BF|K\\8l\x1b(B mail\n")
        << u"t"_s << alice << aliceAddress << kDate << u"日本語 mail"_s << QString() << none << false;
    QTest::newRow("html charset from meta tag")
        << textMessage("Content-Type: text/html\nContent-Transfer-Encoding: 8bit\n",
                       "<html><head><meta charset=\"windows-1251\"></head><body>\xcf\xf0\xe8\xe2\xe5\xf2</body>\n")
        << u"t"_s << alice << aliceAddress << kDate << u"Привет"_s << QString() << none << false;
    QTest::newRow("unknown body charset")
        << textMessage("Content-Type: text/plain; charset=x-no-such-charset\n", u"Grüße"_s.toUtf8()) << u"t"_s << alice
        << aliceAddress << kDate << u"Grüße"_s << QString() << none << true;
    QTest::newRow("8-bit body without charset")
        << textMessage("Content-Type: text/plain\n", u"café"_s.toLatin1()) << u"t"_s << alice << aliceAddress << kDate
        << u"café"_s << QString() << none << true;
    QTest::newRow("utf-8 body holding latin1")
        << textMessage("Content-Type: text/plain; charset=utf-8\n", u"café crème"_s.toLatin1()) << u"t"_s << alice
        << aliceAddress << kDate << u"café crème"_s << QString() << none << true;
    QTest::newRow("broken base64 body")
        << textMessage("Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n",
                       "SGVsbG8g!!V29ybGQh\n")
        << u"t"_s << alice << aliceAddress << kDate << u"Hello World!"_s << QString() << none << true;
    QTest::newRow("truncated base64 body")
        << textMessage("Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n",
                       "SGVsbG8gV29ybGQhI\n")
        << u"t"_s << alice << aliceAddress << kDate << u"Hello World!"_s << QString() << none << true;
    QTest::newRow("broken quoted-printable body")
        << textMessage("Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: quoted-printable\n",
                       "caf=E9 and =ZZ\n")
        << u"t"_s << alice << aliceAddress << kDate << u"café and =ZZ"_s << QString() << none << true;
    QTest::newRow("quoted-printable soft breaks are sound")
        << textMessage("Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n",
                       "one long=\nline and =3D sign=\r\nok\n")
        << u"t"_s << alice << aliceAddress << kDate << u"one longline and = signok"_s << QString() << none << false;
    QTest::newRow("binary in text/plain")
        << textMessage("Content-Type: text/plain\nContent-Transfer-Encoding: binary\n", garbage(2000)) << u"t"_s
        << alice << aliceAddress << kDate << QString() << QString() << none << true;

    // Structure
    QTest::newRow("nested multiparts") << kNested << u"nested"_s << alice << aliceAddress << kDate
                                       << u"Plain version of the letter."_s << u"HTML version"_s
                                       << QStringList{u"report.pdf"_s} << false;
    QTest::newRow("alternative with html first")
        << textMessage("Content-Type: multipart/alternative; boundary=a\n",
                       "--a\nContent-Type: text/html\n\n<b>rich</b>\n--a\nContent-Type: text/plain\n\nplain\n--a--\n")
        << u"t"_s << alice << aliceAddress << kDate << u"plain"_s << u"rich"_s << none << false;
    QTest::newRow("html only with entities, script and style")
        << textMessage("Content-Type: text/html; charset=utf-8\n",
                       "<html><head><title>T</title><style>p{color:red}</style></head><body>"
                       "<script>alert(1)</script><p>Tom &amp; Jerry &ndash; &ldquo;quoted&rdquo; caf&eacute;</p>"
                       "</body></html>\n")
        << u"t"_s << alice << aliceAddress << kDate << u"Tom & Jerry – “quoted” café"_s << u"alert"_s << none << false;
    QTest::newRow("message/rfc822 attached")
        << kAttachedMessage << u"Fwd: inner"_s << alice << aliceAddress << kDate << u"See attached."_s
        << u"inner message body"_s << QStringList{u"Inner subject.eml"_s} << false;
    QTest::newRow("RFC 2231 continued filename")
        << textMessage("Content-Type: multipart/mixed; boundary=b\n",
                       "--b\nContent-Type: text/plain\n\nbody\n--b\n"
                       "Content-Type: text/plain; charset=utf-8\n"
                       "Content-Disposition: attachment;\n"
                       " filename*0*=utf-8''Gr%C3%BC%C3%9Fe%20aus;\n"
                       " filename*1*=%20M%C3%BCnchen.txt\n\nnote text\n--b--\n")
        << u"t"_s << alice << aliceAddress << kDate << u"body"_s << u"note text"_s
        << QStringList{u"Grüße aus München.txt"_s} << false;
    QTest::newRow("RFC 2047 filename") << textMessage(
                                              "Content-Type: multipart/mixed; boundary=b\n",
                                              "--b\nContent-Type: text/plain\n\nbody\n--b\n"
                                              "Content-Type: application/pdf; name=\"=?UTF-8?B?R3LDvMOfZS5wZGY=?=\"\n"
                                              "Content-Transfer-Encoding: base64\n\nJVBERg==\n--b--\n")
                                       << u"t"_s << alice << aliceAddress << kDate << u"body"_s << QString()
                                       << QStringList{u"Grüße.pdf"_s} << false;
    QTest::newRow("inline image without name is no attachment")
        << textMessage("Content-Type: multipart/mixed; boundary=b\n",
                       "--b\nContent-Type: text/plain\n\nbody\n--b\nContent-Type: image/png\n"
                       "Content-Disposition: inline\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo=\n--b--\n")
        << u"t"_s << alice << aliceAddress << kDate << u"body"_s << QString() << none << false;
    QTest::newRow("nameless octet-stream is an attachment")
        << textMessage("Content-Type: multipart/mixed; boundary=b\n",
                       "--b\nContent-Type: text/plain\n\nbody\n--b\nContent-Type: application/octet-stream\n"
                       "Content-Transfer-Encoding: base64\n\nAAECAw==\n--b--\n")
        << u"t"_s << alice << aliceAddress << kDate << u"body"_s << QString() << QStringList{QString()} << false;
    QTest::newRow("multipart/signed hides its signature")
        << textMessage("Content-Type: multipart/signed; protocol=\"application/pgp-signature\"; boundary=s\n",
                       "--s\nContent-Type: text/plain\n\nSigned text\n--s\n"
                       "Content-Type: application/pgp-signature; name=signature.asc\n\nsig\n--s--\n")
        << u"t"_s << alice << aliceAddress << kDate << u"Signed text"_s << QString() << none << false;
    QTest::newRow("multipart/encrypted yields nothing")
        << textMessage("Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\"; boundary=e\n",
                       "--e\nContent-Type: application/pgp-encrypted\n\nVersion: 1\n--e\n"
                       "Content-Type: application/octet-stream; name=encrypted.asc\n\n-----BEGIN PGP-----\n--e--\n")
        << u"t"_s << alice << aliceAddress << kDate << QString() << u"Version"_s << none << false;
    QTest::newRow("multipart cut before its end")
        << textMessage("Content-Type: multipart/mixed; boundary=b\n",
                       "--b\nContent-Type: text/plain\n\nfirst part\n--b\nContent-Type: text/plain\n\nsecond")
        << u"t"_s << alice << aliceAddress << kDate << u"first part\nsecond"_s << QString() << none << true;
    QTest::newRow("multipart without boundary")
        << textMessage("Content-Type: multipart/mixed\n", "--b\nContent-Type: text/plain\n\nfirst part\n--b--\n")
        << u"t"_s << alice << aliceAddress << kDate << QString() << QString() << none << true;
    QTest::newRow("nesting beyond the limit") << nestedMultiparts(100) << u"deep"_s << alice << aliceAddress << kDate
                                              << QString() << u"innermost"_s << none << true;
    QTest::newRow("nesting within the limit") << nestedMultiparts(20) << u"deep"_s << alice << aliceAddress << kDate
                                              << u"innermost"_s << QString() << none << false;

    // Degenerate input
    QTest::newRow("headers only, no body") << kHeaders + "Subject: bare" << u"bare"_s << alice << aliceAddress << kDate
                                           << QString() << QString() << none << true;
    QTest::newRow("empty body") << withSubject("empty", "\n") << u"empty"_s << alice << aliceAddress << kDate
                                << QString() << QString() << none << false;
    QTest::newRow("empty input") << QByteArray() << QString() << QString() << QString() << QDateTime() << QString()
                                 << QString() << none << true;
    QTest::newRow("binary garbage") << garbage(3000) << QString() << QString() << QString() << QDateTime() << QString()
                                    << QString() << none << true;
    QTest::newRow("text without headers")
        << QByteArray("just some text\nwithout headers\n") << QString() << QString() << QString() << QDateTime()
        << u"just some text\nwithout headers"_s << QString() << none << true;

    // Small real-world samples
    QTest::newRow("file: outlook html windows-1252")
        << dataFile(u"outlook-html-windows1252.eml"_s) << u"Réunion – ordre du jour"_s << u"Émilie Dupont"_s
        << u"emilie.dupont@example.fr"_s << QDateTime(QDate(2023, 5, 2), QTime(7, 30), Qt::UTC)
        << u"Voici l’ordre du jour pour jeudi :\n\n1. Budget 2024 – 15 000 €"_s << u"MsoNormal"_s
        << QStringList{u"image001.png"_s} << false;
    QTest::newRow("file: forwarded with attachments")
        << dataFile(u"forwarded-with-attachments.eml"_s) << u"Fwd: Quarterly numbers"_s << u"Bob Builder"_s
        << u"bob@example.com"_s << QDateTime(QDate(2023, 4, 1), QTime(9, 15, 0), Qt::UTC) << u"FYI, see below."_s
        << u"The numbers are in."_s << QStringList{u"Quarterly numbers.eml"_s, u"q1 report.xlsx"_s} << false;
}

void TestMimeParser::parse()
{
    QFETCH(QByteArray, raw);
    QFETCH(QString, subject);
    QFETCH(QString, fromName);
    QFETCH(QString, fromAddress);
    QFETCH(QDateTime, date);
    QFETCH(QString, bodyContains);
    QFETCH(QString, bodyExcludes);
    QFETCH(QStringList, attachments);
    QFETCH(bool, hasProblems);

    const ParsedMessage message = MimeParser::parse(raw);
    QCOMPARE(message.subject, subject);
    QCOMPARE(message.from.isEmpty() ? QString() : message.from.first().name, fromName);
    QCOMPARE(message.from.isEmpty() ? QString() : message.from.first().address, fromAddress);
    QCOMPARE(message.date, date);
    QVERIFY(!message.date.isValid() || message.date.timeSpec() == Qt::UTC);
    if (bodyContains.isEmpty())
        QCOMPARE(message.bodyText, QString());
    else
        QVERIFY2(message.bodyText.contains(bodyContains), qPrintable(message.bodyText.left(500)));
    if (!bodyExcludes.isEmpty())
        QVERIFY2(!message.bodyText.contains(bodyExcludes), qPrintable(message.bodyText.left(500)));
    QStringList names;
    for (const AttachmentInfo &attachment : message.attachments)
        names.append(attachment.fileName);
    QCOMPARE(names, attachments);
    QVERIFY2((message.problems > 0) == hasProblems, qPrintable(message.problemDetails.join(u"; "_s)));
    QVERIFY(message.problemDetails.size() <= message.problems);
}

namespace {

QStringList rendered(const QList<MailAddress> &addresses)
{
    QStringList out;
    for (const MailAddress &address : addresses)
        out.append(address.name + u" <"_s + address.address + u'>');
    return out;
}

QStringList rendered(const QList<AttachmentInfo> &attachments)
{
    QStringList out;
    for (const AttachmentInfo &attachment : attachments)
        out.append(attachment.fileName + u" | "_s + attachment.mimeType + u" | "_s + QString::number(attachment.size));
    return out;
}

} // namespace

void TestMimeParser::addresses()
{
    const ParsedMessage message = MimeParser::parse("From: =?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?= <juergen@example.de>\n"
                                                    "To: \"Doe, John\" <john@example.com>, plain@example.com,\n"
                                                    " Team: a@example.com, \"B\" <b@example.com>;\n"
                                                    "Cc: Carol <carol@example.net>, undisclosed-recipients:;\n"
                                                    "Bcc: hidden@example.org\n"
                                                    "Reply-To: =?iso-8859-1?Q?Liste_=96_Info?= <list@example.org>\n"
                                                    "Subject: a\n\nx\n");
    QCOMPARE(rendered(message.from), QStringList{u"Jürgen Müller <juergen@example.de>"_s});
    QCOMPARE(rendered(message.to), (QStringList{u"Doe, John <john@example.com>"_s, u" <plain@example.com>"_s,
                                                u" <a@example.com>"_s, u"B <b@example.com>"_s}));
    QCOMPARE(rendered(message.cc), QStringList{u"Carol <carol@example.net>"_s});
    QCOMPARE(rendered(message.bcc), QStringList{u" <hidden@example.org>"_s});
    // The sender's iso-8859-1 label hides a windows-1252 dash.
    QCOMPARE(rendered(message.replyTo), QStringList{u"Liste – Info <list@example.org>"_s});
    QCOMPARE(message.problems, 0);
}

void TestMimeParser::threadingIds_data()
{
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<QString>("messageId");
    QTest::addColumn<QString>("inReplyTo");
    QTest::addColumn<QStringList>("references");

    QTest::newRow("standard") << QByteArray("Message-ID: <a@x>\nIn-Reply-To: <b@x>\nReferences: <c@x> <b@x>\n")
                              << u"a@x"_s << u"b@x"_s << QStringList{u"c@x"_s, u"b@x"_s};
    QTest::newRow("folded references with a repeat") << QByteArray("References: <c@x>\n <b@x>\n\t<c@x>\n") << QString()
                                                     << QString() << QStringList{u"c@x"_s, u"b@x"_s};
    QTest::newRow("in-reply-to with prose")
        << QByteArray("In-Reply-To: <b@x> (Bob's message of Monday)\n") << QString() << u"b@x"_s << QStringList{};
    QTest::newRow("in-reply-to prose only")
        << QByteArray("In-Reply-To: Your message of Monday\n") << QString() << QString() << QStringList{};
    QTest::newRow("message-id without brackets")
        << QByteArray("Message-ID: a@x\n") << u"a@x"_s << QString() << QStringList{};
    QTest::newRow("none") << QByteArray() << QString() << QString() << QStringList{};

    QByteArray references = "References:";
    QStringList ids;
    for (int i = 0; i < 20000; ++i) {
        ids.append(u"id%1@example.org"_s.arg(i));
        references += " <" + ids.last().toLatin1() + ">\n";
    }
    QTest::newRow("20000 references") << references + "\n" << QString() << QString() << ids;
}

void TestMimeParser::threadingIds()
{
    QFETCH(QByteArray, headers);
    QFETCH(QString, messageId);
    QFETCH(QString, inReplyTo);
    QFETCH(QStringList, references);

    const ParsedMessage message = MimeParser::parse("From: a@x\nSubject: s\n" + headers + "\nbody\n");
    QCOMPARE(message.messageId, messageId);
    QCOMPARE(message.inReplyTo, inReplyTo);
    QCOMPARE(message.references, references);
}

void TestMimeParser::attachmentDetails()
{
    QByteArray binary(100000, Qt::Uninitialized);
    for (int i = 0; i < binary.size(); ++i)
        binary[i] = char(i * 7);
    QByteArray folded;
    const QByteArray base64 = binary.toBase64();
    for (int i = 0; i < base64.size(); i += 76)
        folded += base64.mid(i, 76) + "\n";

    const ParsedMessage message = MimeParser::parse(
        textMessage("Content-Type: multipart/mixed; boundary=b\n", "--b\nContent-Type: text/plain\n\nbody\n"
                                                                   "--b\nContent-Type: application/pdf\n"
                                                                   "Content-Disposition: attachment; filename=a.pdf\n"
                                                                   "Content-Transfer-Encoding: base64\n\n"
                                                                   "JVBERi0xLjQKJcOkw7zDtsOfCg==\n"
                                                                   "--b\nContent-Type: Text/CSV; name=q.csv\n"
                                                                   "Content-Transfer-Encoding: quoted-printable\n\n"
                                                                   "a=3Db=\nc\n"
                                                                   "--b\nContent-Type: application/octet-stream; "
                                                                   "name=blob.bin\n"
                                                                   "Content-Transfer-Encoding: base64\n\n" +
                                                                       folded + "--b--\n"));
    QCOMPARE(rendered(message.attachments), (QStringList{u"a.pdf | application/pdf | 19"_s, u"q.csv | text/csv | 4"_s,
                                                         u"blob.bin | application/octet-stream | 100000"_s}));
    QCOMPARE(message.bodyText, u"body"_s);
    QCOMPARE(message.problems, 0);

    const ParsedMessage forwarded = MimeParser::parse(kAttachedMessage);
    QCOMPARE(forwarded.attachments.size(), 1);
    QCOMPARE(forwarded.attachments.first().mimeType, u"message/rfc822"_s);
    // The attached message as written, less the newline before the boundary, which belongs to the boundary
    // (RFC 2046 5.1.1).
    const qint64 innerSize = QByteArray("From: Carol <carol@example.net>\nSubject: Inner subject\n"
                                        "Date: Sun, 5 Mar 2023 09:00:00 +0000\n\ninner message body")
                                 .size();
    QCOMPARE(forwarded.attachments.first().size, innerSize);
}

void TestMimeParser::bodyIsTruncated()
{
    const QByteArray words = QByteArray("word ").repeated(3 * 1024 * 1024 / 5);
    const ParsedMessage plain = MimeParser::parse(withSubject("big", "\n" + words));
    QCOMPARE(plain.bodyText.size(), kMaxIndexedBodyChars);
    QCOMPARE(plain.problems, 0);

    // The cut must not leave half a surrogate pair behind.
    const QByteArray emoji = "a" + QString(u"\U0001F600"_s).repeated(int(kMaxIndexedBodyChars)).toUtf8();
    const ParsedMessage astral = MimeParser::parse(textMessage("Content-Type: text/plain; charset=utf-8\n", emoji));
    QCOMPARE(astral.bodyText.size(), kMaxIndexedBodyChars - 1);
    QVERIFY(astral.bodyText.back().isLowSurrogate());
}

void TestMimeParser::snippet_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("snippet");

    QTest::newRow("whitespace collapses") << QByteArray("  Hello\n\n   world\t!  \n") << u"Hello world !"_s;
    QTest::newRow("cut at the limit") << QByteArray(300, 'x') << QString(kSnippetChars, u'x');
    QTest::newRow("no trailing space at the cut")
        << QByteArray(kSnippetChars, 'x') + " more" << QString(kSnippetChars, u'x');
    QTest::newRow("surrogate pair at the cut")
        << "a" + QString(u"\U0001F600"_s).repeated(150).toUtf8() << u"a"_s + QString(u"\U0001F600"_s).repeated(99);
    QTest::newRow("empty") << QByteArray() << QString();
}

void TestMimeParser::snippet()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, snippet);
    const ParsedMessage message = MimeParser::parse(textMessage("Content-Type: text/plain; charset=utf-8\n", body));
    QCOMPARE(message.snippet, snippet);
}

void TestMimeParser::peopleText()
{
    const ParsedMessage message = MimeParser::parse(kHeaders + "Cc: Carol <carol@example.net>\n"
                                                               "Bcc: hidden@example.org\n"
                                                               "Reply-To: Not Indexed <reply@example.org>\n"
                                                               "Subject: s\n\nx\n");
    QCOMPARE(message.peopleText(), u"Alice Example alice@example.org bob@example.com Carol carol@example.net "
                                   "hidden@example.org"_s);
}

void TestMimeParser::crlfParsesLikeLf()
{
    const QList<QByteArray> samples = {kNested, kAttachedMessage, nestedMultiparts(3),
                                       textMessage("Content-Type: text/html\n", "<p>a</p>\n<pre>x\n y</pre>\n")};
    for (const QByteArray &lf : samples) {
        const ParsedMessage a = MimeParser::parse(lf);
        const ParsedMessage b = MimeParser::parse(crlf(lf));
        QCOMPARE(b.subject, a.subject);
        QCOMPARE(rendered(b.from), rendered(a.from));
        QCOMPARE(b.date, a.date);
        QCOMPARE(b.bodyText, a.bodyText);
        QCOMPARE(b.attachments.size(), a.attachments.size());
        for (int i = 0; i < a.attachments.size(); ++i)
            QCOMPARE(b.attachments[i].fileName, a.attachments[i].fileName);
        QCOMPARE(b.problems, a.problems);
    }
}

void TestMimeParser::problemDetailsQuoteNoContent()
{
    const ParsedMessage message = MimeParser::parse("Subject: SECRET-subject \xe9\n"
                                                    "SECRET-line that is no header\n"
                                                    "From: SECRET-name <<<@@ SECRET\n"
                                                    "Date: SECRET-date\n"
                                                    "Content-Type: text/plain; charset=x-unknown\n"
                                                    "Content-Transfer-Encoding: base64\n\n"
                                                    "SECRET-body!!\n");
    QVERIFY(message.problems >= 4);
    for (const QString &detail : message.problemDetails)
        QVERIFY2(!detail.contains(u"SECRET"_s, Qt::CaseInsensitive), qPrintable(detail));
}

void TestMimeParser::parsesConcurrently()
{
    const QList<QByteArray> samples = {
        kNested,
        kAttachedMessage,
        garbage(3000),
        withSubject(encodedWord("KOI8-R", "\xf0\xd2\xc9\xd7\xc5\xd4"), "\nx\n"),
        textMessage("Content-Type: text/plain; charset=Shift_JIS\n", "\x93\xfa\x96\x7b\x8c\xea\n"),
        textMessage("Content-Type: text/html; charset=gb2312\n", "<p>\xd6\xd0\xce\xc4</p>\n")};
    QList<ParsedMessage> expected;
    for (const QByteArray &sample : samples)
        expected.append(MimeParser::parse(sample));

    constexpr int kThreads = 4;
    constexpr int kRounds = 50;
    std::atomic<int> mismatches{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&] {
            for (int round = 0; round < kRounds; ++round) {
                for (int i = 0; i < samples.size(); ++i) {
                    const ParsedMessage got = MimeParser::parse(samples[i]);
                    if (got.subject != expected[i].subject || got.bodyText != expected[i].bodyText ||
                        rendered(got.attachments) != rendered(expected[i].attachments) ||
                        got.problems != expected[i].problems)
                        ++mismatches;
                }
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(mismatches.load(), 0);
}

QTEST_GUILESS_MAIN(TestMimeParser)
#include "tst_mimeparser.moc"
