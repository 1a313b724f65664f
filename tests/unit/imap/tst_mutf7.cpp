// Modified UTF-7 mailbox names (RFC 3501 §5.1.3).
#include "net/imap/mutf7.h"

#include <QTest>

using namespace vaulttray;

class TestMutf7 : public QObject
{
    Q_OBJECT

private slots:
    void decode_data();
    void decode();
    void roundTrip_data();
    void roundTrip();
    void invalid_data();
    void invalid();
    void mailboxNameFallsBackToUtf8();
};

void TestMutf7::decode_data()
{
    QTest::addColumn<QByteArray>("encoded");
    QTest::addColumn<QString>("decoded");
    QTest::newRow("rfc 3501 example") << QByteArray("~peter/mail/&U,BTFw-/&ZeVnLIqe-")
                                      << QString::fromUtf8("~peter/mail/\xe5\x8f\xb0\xe5\x8c\x97/\xe6\x97\xa5\xe6\x9c"
                                                           "\xac\xe8\xaa\x9e");
    QTest::newRow("ampersand") << QByteArray("Tom &- Jerry") << QStringLiteral("Tom & Jerry");
    QTest::newRow("only ampersand") << QByteArray("&-") << QStringLiteral("&");
    QTest::newRow("plain ascii") << QByteArray("INBOX.Sent Items") << QStringLiteral("INBOX.Sent Items");
    QTest::newRow("empty") << QByteArray() << QString();
    QTest::newRow("german umlaut") << QByteArray("Entw&APw-rfe") << QString::fromUtf8("Entw\xc3\xbcrfe");
    QTest::newRow("cyrillic") << QByteArray("&BB4EQgQ,BEAEMAQyBDsENQQ9BD0ESwQ1-")
                              << QString::fromUtf8("\xd0\x9e\xd1\x82\xd0\xbf\xd1\x80\xd0\xb0\xd0\xb2\xd0\xbb\xd0\xb5"
                                                   "\xd0\xbd\xd0\xbd\xd1\x8b\xd0\xb5");
    QTest::newRow("astral plane (surrogate pair)") << QByteArray("&2D3eAA-") << QString::fromUtf8("\xf0\x9f\x98\x80");
    QTest::newRow("non-canonical adjacent runs accepted")
        << QByteArray("&AOQ-&APY-") << QString::fromUtf8("\xc3\xa4\xc3\xb6");
}

void TestMutf7::decode()
{
    QFETCH(QByteArray, encoded);
    QFETCH(QString, decoded);
    const auto d = decodeModifiedUtf7(encoded);
    QVERIFY(d);
    QCOMPARE(*d, decoded);
}

void TestMutf7::roundTrip_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("encoded"); // canonical form; empty: not checked
    QTest::newRow("rfc 3501 example") << QString::fromUtf8("~peter/mail/\xe5\x8f\xb0\xe5\x8c\x97/\xe6\x97\xa5\xe6\x9c"
                                                           "\xac\xe8\xaa\x9e")
                                      << QByteArray("~peter/mail/&U,BTFw-/&ZeVnLIqe-");
    QTest::newRow("ampersand") << QStringLiteral("R&D") << QByteArray("R&-D");
    QTest::newRow("umlaut") << QString::fromUtf8("Entw\xc3\xbcrfe") << QByteArray("Entw&APw-rfe");
    QTest::newRow("emoji") << QString::fromUtf8("\xf0\x9f\x98\x80 mail") << QByteArray("&2D3eAA- mail");
    QTest::newRow("tab and newline are encoded") << QStringLiteral("a\tb") << QByteArray("a&AAk-b");
    QTest::newRow("one to three unit runs") << QString::fromUtf8("\xc3\xa9/\xc3\xa9\xc3\xa9/\xc3\xa9\xc3\xa9\xc3\xa9")
                                            << QByteArray("&AOk-/&AOkA6Q-/&AOkA6QDp-");
    QTest::newRow("slash stays ascii, comma in alphabet")
        << QString::fromUtf8("\xe5\x8f\xb0/x") << QByteArray("&U,A-/x");
}

void TestMutf7::roundTrip()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, encoded);
    const QByteArray e = encodeModifiedUtf7(name);
    QCOMPARE(e, encoded);
    QCOMPARE(decodeModifiedUtf7(e), std::optional<QString>(name));
}

void TestMutf7::invalid_data()
{
    QTest::addColumn<QByteArray>("encoded");
    QTest::newRow("unterminated run") << QByteArray("&U,BTFw");
    QTest::newRow("lone ampersand at end") << QByteArray("abc&");
    QTest::newRow("standard base64 slash") << QByteArray("&U/BTFw-");
    QTest::newRow("8-bit byte") << QByteArray("Entw\xc3\xbcrfe");
    QTest::newRow("control byte") << QByteArray("a\tb");
    QTest::newRow("half a unit") << QByteArray("&AO-");
    QTest::newRow("non-zero leftover bits") << QByteArray("&AOl-");
    QTest::newRow("unpaired high surrogate") << QByteArray("&2D0-");
    QTest::newRow("unpaired low surrogate") << QByteArray("&3gA-");
    QTest::newRow("padding sign") << QByteArray("&AOk=-");
}

void TestMutf7::invalid()
{
    QFETCH(QByteArray, encoded);
    QVERIFY(!decodeModifiedUtf7(encoded));
}

void TestMutf7::mailboxNameFallsBackToUtf8()
{
    QCOMPARE(decodeMailboxName("Entw\xc3\xbcrfe"), QString::fromUtf8("Entw\xc3\xbcrfe"));
    QCOMPARE(decodeMailboxName("Entw&APw-rfe"), QString::fromUtf8("Entw\xc3\xbcrfe"));
    // Garbage never crashes, whatever it decodes to.
    QByteArray all;
    for (int b = 0; b < 256; ++b)
        all += char(b);
    QVERIFY(!decodeMailboxName(all).isEmpty());
}

QTEST_GUILESS_MAIN(TestMutf7)
#include "tst_mutf7.moc"
