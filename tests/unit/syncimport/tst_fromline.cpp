// From lines: what separates messages in an mbox, and the arrival date they carry.
#include "sync/import/fromline.h"

#include <QTest>

using namespace vaulttray;

class TestFromLine : public QObject
{
    Q_OBJECT

private slots:
    void parses_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<bool>("isFromLine");
        QTest::addColumn<QByteArray>("sender");
        QTest::addColumn<QDateTime>("date");

        const auto utc = [](int y, int mo, int d, int h, int mi, int s) {
            return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::UTC);
        };
        QTest::newRow("Google Takeout") << QByteArray("From 1589281872837453567@xxx Wed Jan 15 10:00:00 +0000 2020")
                                        << true << QByteArray("1589281872837453567@xxx") << utc(2020, 1, 15, 10, 0, 0);
        QTest::newRow("Thunderbird") << QByteArray("From - Sat Jan  3 01:05:34 1996") << true << QByteArray("-")
                                     << utc(1996, 1, 3, 1, 5, 34);
        QTest::newRow("asctime, one-digit day") << QByteArray("From bob@example.com Fri Jun  3 10:13:40 2011") << true
                                                << QByteArray("bob@example.com") << utc(2011, 6, 3, 10, 13, 40);
        QTest::newRow("a zone east of UTC") << QByteArray("From a@b Mon Feb 01 09:30:00 +0130 2021") << true
                                            << QByteArray("a@b") << utc(2021, 2, 1, 8, 0, 0);
        QTest::newRow("a zone west of UTC, no seconds") << QByteArray("From a@b Mon Feb 01 23:30 -0500 2021") << true
                                                        << QByteArray("a@b") << utc(2021, 2, 2, 4, 30, 0);
        QTest::newRow("MAILER-DAEMON, tab") << QByteArray("From MAILER-DAEMON\tFri Jul  8 12:08:34 2011") << true
                                            << QByteArray("MAILER-DAEMON") << utc(2011, 7, 8, 12, 8, 34);
        QTest::newRow("text: no date") << QByteArray("From here on it is text") << false << QByteArray() << QDateTime();
        QTest::newRow("text: a time but no year")
            << QByteArray("From x@y at 10:00 on Monday") << false << QByteArray() << QDateTime();
        QTest::newRow("a header, not a From line")
            << QByteArray("From: a@b Mon Jan  1 10:00:00 2001") << false << QByteArray() << QDateTime();
        QTest::newRow("no sender") << QByteArray("From  Mon Jan  1 10:00:00 2001") << false << QByteArray()
                                   << QDateTime();
        QTest::newRow("only From") << QByteArray("From ") << false << QByteArray() << QDateTime();
        QTest::newRow("February 30th") << QByteArray("From a@b Mon Feb 30 10:00:00 2001") << false << QByteArray()
                                       << QDateTime();
        QTest::newRow("25 o'clock") << QByteArray("From a@b Mon Jan  1 25:00:00 2001") << false << QByteArray()
                                    << QDateTime();
        QTest::newRow("too long") << QByteArray("From a@b Mon Jan  1 10:00:00 2001 ") +
                                         QByteArray(kMaxFromLineBytes, 'x')
                                  << false << QByteArray() << QDateTime();
    }

    void parses()
    {
        QFETCH(QByteArray, line);
        QFETCH(bool, isFromLine);
        QFETCH(QByteArray, sender);
        QFETCH(QDateTime, date);
        const std::optional<FromLine> parsed = parseFromLine(line);
        QCOMPARE(parsed.has_value(), isFromLine);
        if (!parsed)
            return;
        QCOMPARE(parsed->sender, sender);
        QCOMPARE(parsed->date, date);
    }
};

QTEST_GUILESS_MAIN(TestFromLine)
#include "tst_fromline.moc"
