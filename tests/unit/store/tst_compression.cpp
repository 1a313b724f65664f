#include "store/compression.h"

#include <QRandomGenerator>
#include <QTest>

using namespace vaulttray;

class TestCompression : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("crlf text") << QByteArray("Subject: hi\r\n\r\nline one\r\nline two\r\n").repeated(100);
        QByteArray binary(70000, Qt::Uninitialized);
        QRandomGenerator gen(7);
        for (char &c : binary)
            c = static_cast<char>(gen.bounded(256));
        QTest::newRow("incompressible binary") << binary;
        QTest::newRow("nul bytes and 8-bit") << QByteArray("\0\xff\xfe\x80 caf\xc3\xa9\0", 11);
    }
    void roundTrip()
    {
        QFETCH(QByteArray, raw);
        const QByteArray packed = compressRaw(raw);
        const auto back = decompressRaw(packed, raw.size());
        QVERIFY(back.has_value());
        QCOMPARE(*back, raw);
    }

    void textShrinks()
    {
        const QByteArray raw = QByteArray("Received: from mx.example.org by mail.example.org; Tue, 1 Jan 2026\r\n").repeated(500);
        QVERIFY(compressRaw(raw).size() * 4 < raw.size());
    }

    void corruptDataIsRefused()
    {
        const QByteArray raw = QByteArray("hello world ").repeated(50);
        QByteArray packed = compressRaw(raw);
        packed[packed.size() / 2] = static_cast<char>(packed[packed.size() / 2] ^ 0x5a);
        packed.chop(3);
        QVERIFY(!decompressRaw(packed, raw.size()).has_value());
        QVERIFY(!decompressRaw(compressRaw(raw), raw.size() + 1).has_value()); // wrong recorded size
    }
};

QTEST_GUILESS_MAIN(TestCompression)
#include "tst_compression.moc"
