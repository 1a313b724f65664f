#include "mail/charsetdecoder.h"

#include <QElapsedTimer>
#include <QTest>

using namespace vaulttray;
using namespace Qt::StringLiterals;
using Issue = CharsetDecoder::Issue;

class TestCharsetDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decode_data();
    void decode();
    void isKnown_data();
    void isKnown();
};

void TestCharsetDecoder::decode_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("charset");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<Issue>("issue");

    QTest::newRow("ascii, no charset") << QByteArray("plain") << QByteArray() << u"plain"_s << Issue::None;
    QTest::newRow("utf-8") << QByteArray("Gr\xc3\xbc\xc3\x9f"
                                         "e")
                           << QByteArray("UTF-8") << u"Grüße"_s << Issue::None;
    QTest::newRow("utf-8 label quoted and padded") << QByteArray("Gr\xc3\xbc\xc3\x9f"
                                                                 "e")
                                                   << QByteArray(" \"utf-8\" ") << u"Grüße"_s << Issue::None;
    QTest::newRow("utf-8 label holding latin1 is re-read as windows-1252")
        << QByteArray("caf\xe9 cr\xe8me") << QByteArray("utf-8") << u"café crème"_s << Issue::InvalidBytes;
    QTest::newRow("utf-8 label, one stray byte among real utf-8 is replaced")
        << QByteArray("\xc3\xa9t\xc3\xa9 \xff ok") << QByteArray("utf-8") << u"été \uFFFD ok"_s << Issue::InvalidBytes;
    QTest::newRow("iso-8859-1 label means windows-1252")
        << QByteArray("\x93Hi\x94 \x80 5") << QByteArray("ISO-8859-1") << u"“Hi” € 5"_s << Issue::None;
    QTest::newRow("windows-1252 hole keeps its C1 code point")
        << QByteArray("a\x81z") << QByteArray("windows-1252") << u"a\u0081z"_s << Issue::None;
    QTest::newRow("us-ascii with 8-bit utf-8")
        << QByteArray("\xc3\xa9t\xc3\xa9") << QByteArray("us-ascii") << u"été"_s << Issue::Undeclared8Bit;
    QTest::newRow("no charset with 8-bit latin1")
        << QByteArray("caf\xe9") << QByteArray() << u"café"_s << Issue::Undeclared8Bit;
    QTest::newRow("unknown charset guesses utf-8")
        << QByteArray("Gr\xc3\xbc\xc3\x9f"
                      "e")
        << QByteArray("x-no-such-charset") << u"Grüße"_s << Issue::UnknownCharset;
    QTest::newRow("unknown charset guesses windows-1252")
        << QByteArray("caf\xe9") << QByteArray("x-no-such-charset") << u"café"_s << Issue::UnknownCharset;
    QTest::newRow("KOI8-R") << QByteArray("\xf0\xd2\xc9\xd7\xc5\xd4") << QByteArray("koi8-r") << u"Привет"_s
                            << Issue::None;
    QTest::newRow("windows-1251") << QByteArray("\xcf\xf0\xe8\xe2\xe5\xf2") << QByteArray("windows-1251") << u"Привет"_s
                                  << Issue::None;
    QTest::newRow("Shift_JIS") << QByteArray("\x93\xfa\x96\x7b\x8c\xea") << QByteArray("Shift_JIS") << u"日本語"_s
                               << Issue::None;
    QTest::newRow("Shift_JIS label with a CP932 extension")
        << QByteArray("\x87\x40") << QByteArray("shift_jis") << u"①"_s << Issue::None;
    QTest::newRow("Shift_JIS with a truncated double byte")
        << QByteArray("\x93\xfa\x93") << QByteArray("shift_jis") << u"日\uFFFD"_s << Issue::InvalidBytes;
    QTest::newRow("GB2312") << QByteArray("\xd6\xd0\xce\xc4") << QByteArray("gb2312") << u"中文"_s << Issue::None;
    QTest::newRow("GB2312 label with a GBK character")
        << QByteArray("\xe9\x46") << QByteArray("GB2312") << u"镕"_s << Issue::None;
    QTest::newRow("Big5") << QByteArray("\xa4\xa4\xa4\xe5") << QByteArray("big5") << u"中文"_s << Issue::None;
    QTest::newRow("EUC-KR") << QByteArray("\xc7\xd1\xb1\xb9\xbe\xee") << QByteArray("euc-kr") << u"한국어"_s
                            << Issue::None;
    QTest::newRow("ISO-2022-JP is stateful")
        << QByteArray("\x1b$BF|K\\8l\x1b(B!") << QByteArray("iso-2022-jp") << u"日本語!"_s << Issue::None;
    QTest::newRow("UTF-16 with BOM") << QByteArray("\xff\xfeh\0i\0", 6) << QByteArray("utf-16") << u"hi"_s
                                     << Issue::None;
}

void TestCharsetDecoder::decode()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, charset);
    QFETCH(QString, expected);
    QFETCH(Issue, issue);

    const CharsetDecoder::Result result = CharsetDecoder::decode(bytes, charset);
    QCOMPARE(result.text, expected);
    QCOMPARE(result.issue, issue);
}

void TestCharsetDecoder::isKnown_data()
{
    QTest::addColumn<QByteArray>("charset");
    QTest::addColumn<bool>("known");

    // Every superset the decoder maps to must exist in this iconv.
    for (const char *label : {"utf-8", "us-ascii", "iso-8859-1", "iso-8859-9", "iso-8859-11", "iso-8859-8-i", "gb2312",
                              "ks_c_5601-1987", "shift_jis", "big5", "koi8-u", "iso-2022-jp", "utf-7"})
        QTest::newRow(label) << QByteArray(label) << true;
    QTest::newRow("invented") << QByteArray("x-no-such-charset") << false;
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("garbage") << QByteArray("\"\"") << false;
}

void TestCharsetDecoder::isKnown()
{
    QFETCH(QByteArray, charset);
    QFETCH(bool, known);
    QCOMPARE(CharsetDecoder::isKnown(charset), known);
}

QTEST_GUILESS_MAIN(TestCharsetDecoder)
#include "tst_charsetdecoder.moc"
