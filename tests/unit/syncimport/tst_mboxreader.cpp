// The mbox splitter: From line rules, >From unquoting (mboxrd and mboxo), LF and CRLF, a truncated last message,
// inputs that are not mbox files, resuming at an offset, and streaming: the same messages whatever the chunk size,
// and no more read ahead than one chunk however large a message or a line is.
#include "sync/import/mboxreader.h"

#include <QBuffer>
#include <QRandomGenerator>
#include <QTest>

using namespace vaulttray;

namespace {
using Flavour = MboxReader::Flavour;

struct Read
{
    QList<MboxMessage> messages;
    MboxReader::Status last = MboxReader::Status::End;
    qsizetype peakBuffer = 0;
};

Read readAll(const QByteArray &input, Flavour flavour = Flavour::Mboxrd,
             qsizetype chunk = MboxReader::kDefaultChunkBytes)
{
    QBuffer device;
    device.setData(input);
    device.open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    MboxReader reader(device, flavour, chunk);
    Read read;
    MboxMessage message;
    while ((read.last = reader.next(&message)) == MboxReader::Status::Message)
        read.messages << message;
    read.peakBuffer = reader.peakBufferBytes();
    return read;
}

QByteArrayList raws(const Read &read)
{
    QByteArrayList out;
    for (const MboxMessage &m : read.messages)
        out << m.raw;
    return out;
}

QByteArray lf(const char *text)
{
    return QByteArray(text);
}

QByteArray crlf(const char *text)
{
    return QByteArray(text).replace("\n", "\r\n");
}

const char kFrom1[] = "From alice@example.org Mon Jan  1 10:00:00 2001\n";
const char kFrom2[] = "From 1589281872837453567@xxx Wed Jan 15 10:00:00 +0000 2020\n";
const char kFrom3[] = "From - Sat Jan  3 01:05:34 1996\n";

// mboxrd as mutt and Google Takeout write it: every line matching /^>*From / gains a '>', a blank line follows.
QByteArray mboxrd(const QByteArrayList &messages)
{
    QByteArray out;
    for (const QByteArray &m : messages) {
        out += kFrom1;
        for (const QByteArray &line : m.split('\n').mid(0, m.count('\n'))) {
            qsizetype i = 0;
            while (i < line.size() && line.at(i) == '>')
                ++i;
            out += (line.mid(i).startsWith("From ") ? ">" : "") + line + '\n';
        }
        if (!m.endsWith('\n'))
            out += m.mid(m.lastIndexOf('\n') + 1) + '\n';
        out += '\n';
    }
    return out;
}

// Messages full of what an mbox reader can get wrong, with lines of every length (some far longer than a chunk).
QByteArrayList trickyMessages(int count, quint32 seed)
{
    QRandomGenerator random(seed);
    const QByteArray lines[] = {"From here on it is text",
                                "From someone@example.com Mon Jan  1 00:00:00 2001",
                                ">From the archive",
                                ">>From a quote of a quote",
                                "From: not a header",
                                "",
                                ">",
                                "F",
                                "Fro",
                                "plain text line",
                                "\r"};
    QByteArrayList out;
    for (int i = 0; i < count; ++i) {
        QByteArray m = "Subject: tricky " + QByteArray::number(i) + "\n\n";
        const int n = random.bounded(1, 60);
        for (int l = 0; l < n; ++l) {
            const int pick = random.bounded(int(std::size(lines)) + 2);
            if (pick < int(std::size(lines)))
                m += lines[pick] + '\n';
            else
                m += QByteArray(random.bounded(1, pick == int(std::size(lines)) ? 3000 : 9000), 'x') + '\n';
        }
        if (random.bounded(4) == 0)
            m += '\n'; // a message that ends in an empty line
        out << m;
    }
    return out;
}
} // namespace

class TestMboxReader : public QObject
{
    Q_OBJECT

private slots:
    void splits_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("flavour");
        QTest::addColumn<QByteArrayList>("expected");

        const int rd = int(Flavour::Mboxrd);
        const int o = int(Flavour::Mboxo);
        QTest::newRow("two messages, LF") << lf(kFrom1) + "S: 1\n\nbody 1\n\n" + kFrom2 + "S: 2\n\nbody 2\n\n"
                                          << rd << QByteArrayList{"S: 1\n\nbody 1\n", "S: 2\n\nbody 2\n"};
        QTest::newRow("two messages, CRLF")
            << crlf(kFrom1) + crlf("S: 1\n\nbody 1\n\n") + crlf(kFrom2) + crlf("S: 2\n\nbody 2\n\n") << rd
            << QByteArrayList{crlf("S: 1\n\nbody 1\n"), crlf("S: 2\n\nbody 2\n")};
        QTest::newRow("no blank line before the next From line")
            << lf(kFrom1) + "S: 1\n\nbody 1\n" + kFrom3 + "S: 2\n\nbody 2\n"
            << rd << QByteArrayList{"S: 1\n\nbody 1\n", "S: 2\n\nbody 2\n"};
        QTest::newRow("a message ending in an empty line keeps it")
            << lf(kFrom1) + "S: 1\n\nbody 1\n\n\n" + kFrom3 + "S: 2\n\nbody 2\n\n"
            << rd << QByteArrayList{"S: 1\n\nbody 1\n\n", "S: 2\n\nbody 2\n"};
        QTest::newRow("From text that is no From line stays in the message")
            << lf(kFrom1) + "S: 1\n\nFrom here on\nFrom me to you\nFrom x@y at 10:00 on Monday\nFrom \n\n"
            << rd << QByteArrayList{"S: 1\n\nFrom here on\nFrom me to you\nFrom x@y at 10:00 on Monday\nFrom \n"};
        QTest::newRow("mboxrd takes one '>' from every quoted From line")
            << lf(kFrom1) + "S: 1\n\n>From a\n>>From b\n>>>From c\n>From: x\n> From y\n>From\n\n"
            << rd << QByteArrayList{"S: 1\n\nFrom a\n>From b\n>>From c\n>From: x\n> From y\n>From\n"};
        QTest::newRow("mboxo unquotes >From only")
            << lf(kFrom1) + "S: 1\n\n>From a\n>>From b\n>>>From c\n>From: x\n\n"
            << o << QByteArrayList{"S: 1\n\nFrom a\n>>From b\n>>>From c\n>From: x\n"};
        QTest::newRow("a quoted From line that would split is unquoted, not split")
            << lf(kFrom1) + "S: 1\n\nbefore\n>From someone@example.com Mon Jan  1 00:00:00 2001\nafter\n\n"
            << rd << QByteArrayList{"S: 1\n\nbefore\nFrom someone@example.com Mon Jan  1 00:00:00 2001\nafter\n"};
        QTest::newRow("quoted From lines, CRLF") << crlf(kFrom1) + crlf("S: 1\n\n>From a\n>>From b\n\n") << rd
                                                 << QByteArrayList{crlf("S: 1\n\nFrom a\n>From b\n")};
        QTest::newRow("a '>' run longer than the look-ahead")
            << lf(kFrom1) + "S: 1\n\n" + QByteArray(5000, '>') + "From far\n" + QByteArray(5000, '>') + "x\n\n"
            << rd << QByteArrayList{"S: 1\n\n" + QByteArray(4999, '>') + "From far\n" + QByteArray(5000, '>') + "x\n"};
        QTest::newRow("Takeout and Thunderbird From lines") << lf(kFrom2) + "S: 1\n\n\n" + kFrom3 + "S: 2\n\n"
                                                            << rd << QByteArrayList{"S: 1\n\n", "S: 2\n"};
        QTest::newRow("an empty mbox") << QByteArray() << rd << QByteArrayList{};
        QTest::newRow("a From line at the very end")
            << lf(kFrom1) + "S: 1\n\nb\n\n" + "From c@d Tue Jan  2 10:00:00 2001" << rd
            << QByteArrayList{"S: 1\n\nb\n", ""};
    }

    void splits()
    {
        QFETCH(QByteArray, input);
        QFETCH(int, flavour);
        QFETCH(QByteArrayList, expected);
        const Read read = readAll(input, Flavour(flavour));
        QCOMPARE(read.last, MboxReader::Status::End);
        QCOMPARE(raws(read), expected);
        for (const MboxMessage &m : read.messages)
            QVERIFY(!m.truncated);
    }

    void keepsAndMarksATruncatedLastMessage_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("last");
        QTest::newRow("LF") << lf(kFrom1) + "S: 1\n\nbody\n\n" + kFrom2 + "S: 2\n\nthe file ends in the mid"
                            << lf("S: 2\n\nthe file ends in the mid");
        QTest::newRow("CRLF, cut between CR and LF")
            << crlf(kFrom1) + crlf("S: 1\n\nbody\n\n") + crlf(kFrom2) + "S: 2\r\n\r\nlast line\r"
            << QByteArray("S: 2\r\n\r\nlast line\r");
    }

    void keepsAndMarksATruncatedLastMessage()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, last);
        const Read read = readAll(input);
        QCOMPARE(read.last, MboxReader::Status::End);
        QCOMPARE(read.messages.size(), 2);
        QVERIFY(!read.messages.at(0).truncated);
        QVERIFY(read.messages.at(1).truncated);
        QCOMPARE(read.messages.at(1).raw, last);
    }

    void refusesWhatIsNotAnMbox_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::newRow("a single message (.eml)") << lf("Subject: hi\nFrom: a@b\n\nbody\n");
        QTest::newRow("a From line without a date") << lf("From alice@example.org\nSubject: hi\n\nbody\n");
        QTest::newRow("a blank line first") << lf("\n") + kFrom1 + "S: 1\n\nbody\n";
        QTest::newRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
        QTest::newRow("HTML") << lf("<!DOCTYPE html>\n<html><body>From me</body></html>\n");
        QTest::newRow("a header line of From ") << lf("From: alice@example.org\nTo: b@c\n\nhi\n");
    }

    void refusesWhatIsNotAnMbox()
    {
        QFETCH(QByteArray, input);
        const Read read = readAll(input);
        QCOMPARE(read.last, MboxReader::Status::NotMbox);
        QVERIFY(read.messages.isEmpty());
    }

    // What the reader returns must not depend on where chunks end: lines, quote runs and From lines cut at every
    // possible place give the same messages, and they are exactly the messages that were written.
    void sameMessagesWhateverTheChunkSize()
    {
        const QByteArrayList originals = trickyMessages(120, 42);
        const QByteArray input = mboxrd(originals);
        for (const qsizetype chunk : {qsizetype(2048), qsizetype(2049), qsizetype(2053), qsizetype(3001),
                                      qsizetype(8192), qsizetype(65537), MboxReader::kDefaultChunkBytes}) {
            const Read read = readAll(input, Flavour::Mboxrd, chunk);
            QCOMPARE(read.last, MboxReader::Status::End);
            QCOMPARE(raws(read), originals);
        }
    }

    void reportsOffsetsAndResumesAtOne()
    {
        const QByteArrayList originals = trickyMessages(30, 7);
        const QByteArray input = mboxrd(originals);
        const Read all = readAll(input, Flavour::Mboxrd, 4096);
        QCOMPARE(all.messages.size(), originals.size());
        QCOMPARE(all.messages.first().offset, 0);
        for (int i = 0; i < all.messages.size(); ++i) {
            const MboxMessage &m = all.messages.at(i);
            QVERIFY(input.mid(m.offset).startsWith("From "));
            QCOMPARE(m.nextOffset, i + 1 < all.messages.size() ? all.messages.at(i + 1).offset : input.size());
        }
        QBuffer device;
        device.setData(input);
        device.open(QIODevice::ReadOnly | QIODevice::Unbuffered);
        MboxReader reader(device, Flavour::Mboxrd, 4096);
        QVERIFY(reader.seek(all.messages.at(17).offset));
        MboxMessage m;
        for (int i = 17; i < originals.size(); ++i) {
            QCOMPARE(reader.next(&m), MboxReader::Status::Message);
            QCOMPARE(m.raw, originals.at(i));
            QCOMPARE(m.offset, all.messages.at(i).offset);
        }
        QCOMPARE(reader.next(&m), MboxReader::Status::End);
        // An offset in the middle of a message is no place to resume.
        QVERIFY(reader.seek(all.messages.at(3).offset + 7));
        QCOMPARE(reader.next(&m), MboxReader::Status::NotMbox);
    }

    // Streaming: a message and a line far larger than the buffer. The reader's buffer stays at its chunk size and,
    // when it returns a message, it has read at most one chunk past that message's end.
    void readsNoMoreThanAChunkAhead_data()
    {
        QTest::addColumn<qsizetype>("chunk");
        QTest::addColumn<bool>("withinBound");
        QTest::newRow("the reader") << MboxReader::kDefaultChunkBytes << true;
        // The guard catches a reader that takes the whole input at once.
        QTest::newRow("a whole-file reader is caught") << qsizetype(64 * 1024 * 1024) << false;
    }

    void readsNoMoreThanAChunkAhead()
    {
        QFETCH(qsizetype, chunk);
        QFETCH(bool, withinBound);
        const QByteArray bigLine(5 * 1024 * 1024, 'y');
        QByteArray big = "Subject: big\n\n";
        for (int i = 0; i < 200000; ++i)
            big += "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3\n";
        big += bigLine + '\n';
        const QByteArrayList originals{"Subject: small\n\nhi\n", big, "Subject: after\n\nbye\n"};
        const QByteArray input = mboxrd(originals);
        QVERIFY(input.size() > 20 * 1024 * 1024);

        QBuffer device;
        device.setData(input);
        device.open(QIODevice::ReadOnly | QIODevice::Unbuffered);
        MboxReader reader(device, Flavour::Mboxrd, chunk);
        MboxMessage m;
        bool bounded = true;
        for (const QByteArray &original : originals) {
            QCOMPARE(reader.next(&m), MboxReader::Status::Message);
            QCOMPARE(m.raw, original);
            bounded = bounded && device.pos() <= m.nextOffset + MboxReader::kDefaultChunkBytes;
        }
        QCOMPARE(reader.next(&m), MboxReader::Status::End);
        QCOMPARE(bounded, withinBound);
        QCOMPARE(reader.peakBufferBytes() <= MboxReader::kDefaultChunkBytes, withinBound);
    }
};

QTEST_GUILESS_MAIN(TestMboxReader)
#include "tst_mboxreader.moc"
