// Google Takeout's additions to a Gmail mbox: the message id in the From line, X-GM-THRID, X-Gmail-Labels (CSV,
// RFC 2047), the system label names, and removing exactly the header lines Takeout added.
#include "sync/import/takeoutheaders.h"

#include <QTest>

using namespace vaulttray;

class TestTakeoutHeaders : public QObject
{
    Q_OBJECT

private slots:
    void decimalIdsBecomeTheApisHex_data()
    {
        QTest::addColumn<QByteArray>("decimal");
        QTest::addColumn<QString>("hex");
        QTest::newRow("a Gmail id") << QByteArray("1520524314001511398") << QStringLiteral("1519fcceb86793e6");
        QTest::newRow("an old id: no leading zero")
            << QByteArray("1129437153617391461") << QStringLiteral("fac911b717e2f65");
        QTest::newRow("the largest 64-bit id")
            << QByteArray("18446744073709551615") << QStringLiteral("ffffffffffffffff");
        QTest::newRow("too large") << QByteArray("18446744073709551616") << QString();
        QTest::newRow("not a number") << QByteArray("12a4") << QString();
        QTest::newRow("empty") << QByteArray() << QString();
    }

    void decimalIdsBecomeTheApisHex()
    {
        QFETCH(QByteArray, decimal);
        QFETCH(QString, hex);
        QCOMPARE(TakeoutHeaders::decimalToHex(decimal), hex);
    }

    void splitsLabels_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QStringList>("names");
        QTest::newRow("plain") << QByteArray("Inbox,Category Promotions,Unread")
                               << QStringList{"Inbox", "Category Promotions", "Unread"};
        QTest::newRow("blanks around names") << QByteArray(" Inbox , Sent ") << QStringList{"Inbox", "Sent"};
        QTest::newRow("a quoted name with a comma")
            << QByteArray("Inbox,\"Work, 2024\",Opened") << QStringList{"Inbox", "Work, 2024", "Opened"};
        QTest::newRow("a quote inside quotes")
            << QByteArray("\"say \"\"hi\"\"\",Sent") << QStringList{"say \"hi\"", "Sent"};
        QTest::newRow("nested label") << QByteArray("Projects/Zürich")
                                      << QStringList{QStringLiteral("Projects/Zürich")};
        QTest::newRow("RFC 2047 Q") << QByteArray("Important,=?utf-8?q?Projects/Z=C3=BCrich?=,Opened")
                                    << QStringList{"Important", QStringLiteral("Projects/Zürich"), "Opened"};
        QTest::newRow("RFC 2047 B") << QByteArray("=?UTF-8?B?w4RyZ2Vy?=") << QStringList{QStringLiteral("Ärger")};
        QTest::newRow("empty fields") << QByteArray(",Inbox,,") << QStringList{"Inbox"};
        QTest::newRow("empty") << QByteArray() << QStringList{};
    }

    void splitsLabels()
    {
        QFETCH(QByteArray, value);
        QFETCH(QStringList, names);
        QCOMPARE(TakeoutHeaders::splitLabels(value), names);
    }

    void namesSystemLabelsByTheirApiIds_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("pseudo");
        QTest::newRow("Inbox") << "Inbox"
                               << "INBOX" << false;
        QTest::newRow("Sent") << "Sent"
                              << "SENT" << false;
        QTest::newRow("Starred") << "Starred"
                                 << "STARRED" << false;
        QTest::newRow("Important") << "Important"
                                   << "IMPORTANT" << false;
        QTest::newRow("Spam") << "Spam"
                              << "SPAM" << false;
        QTest::newRow("Trash") << "Trash"
                               << "TRASH" << false;
        QTest::newRow("Drafts") << "Drafts"
                                << "DRAFT" << false;
        QTest::newRow("Draft") << "Draft"
                               << "DRAFT" << false;
        QTest::newRow("Unread") << "Unread"
                                << "UNREAD" << false;
        QTest::newRow("Chat") << "Chat"
                              << "CHAT" << false;
        QTest::newRow("Category Personal") << "Category Personal"
                                           << "CATEGORY_PERSONAL" << false;
        QTest::newRow("Category Social") << "Category Social"
                                         << "CATEGORY_SOCIAL" << false;
        QTest::newRow("Category Promotions") << "Category Promotions"
                                             << "CATEGORY_PROMOTIONS" << false;
        QTest::newRow("Category Updates") << "Category Updates"
                                          << "CATEGORY_UPDATES" << false;
        QTest::newRow("Category Forums") << "Category Forums"
                                         << "CATEGORY_FORUMS" << false;
        QTest::newRow("Opened") << "Opened"
                                << "" << true;
        QTest::newRow("Archived") << "Archived"
                                  << "" << true;
        QTest::newRow("a user label") << "Receipts"
                                      << "" << false;
        QTest::newRow("a user label under Inbox") << "Inbox/Receipts"
                                                  << "" << false;
    }

    void namesSystemLabelsByTheirApiIds()
    {
        QFETCH(QString, name);
        QFETCH(QString, id);
        QFETCH(bool, pseudo);
        QCOMPARE(TakeoutHeaders::systemLabelId(name), id);
        QCOMPARE(TakeoutHeaders::isPseudoLabel(name), pseudo);
    }

    void readsAndMeasuresTakeoutsHeaderLines_data()
    {
        QTest::addColumn<QByteArray>("sender");
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<bool>("isTakeout");
        QTest::addColumn<QString>("threadId");
        QTest::addColumn<QStringList>("labels");
        QTest::addColumn<QByteArray>("message"); // what is left after Takeout's lines

        const QByteArray message = "Delivered-To: ann@example.org\r\nSubject: hi\r\n\r\nX-GM-THRID: 1 in the body\r\n";
        QTest::newRow("CRLF") << QByteArray("1520524314001511398@xxx")
                              << "X-GM-THRID: 1520524314001511398\r\nX-Gmail-Labels: Inbox,Opened\r\n" + message << true
                              << "1519fcceb86793e6" << QStringList{"Inbox", "Opened"} << message;
        QTest::newRow("LF, labels first, folded")
            << QByteArray("1520524314001511398@xxx")
            << QByteArray(
                   "X-Gmail-Labels: Inbox,\n Category Updates\nX-GM-THRID: 1520524314001511398\nSubject: x\n\nb\n")
            << true << "1519fcceb86793e6" << QStringList{"Inbox", "Category Updates"}
            << QByteArray("Subject: x\n\nb\n");
        QTest::newRow("only at the top: a later X-Gmail-Labels is the message's")
            << QByteArray("1@xxx") << QByteArray("Subject: x\r\nX-Gmail-Labels: Inbox\r\n\r\nb\r\n") << true
            << QString() << QStringList{} << QByteArray("Subject: x\r\nX-Gmail-Labels: Inbox\r\n\r\nb\r\n");
        QTest::newRow("not from Takeout")
            << QByteArray("alice@example.org") << "X-GM-THRID: 1520524314001511398\r\n" + message << false << QString()
            << QStringList{} << QByteArray();
        QTest::newRow("a Takeout-like sender that is no number")
            << QByteArray("abc@xxx") << message << false << QString() << QStringList{} << QByteArray();
    }

    void readsAndMeasuresTakeoutsHeaderLines()
    {
        QFETCH(QByteArray, sender);
        QFETCH(QByteArray, raw);
        QFETCH(bool, isTakeout);
        QFETCH(QString, threadId);
        QFETCH(QStringList, labels);
        QFETCH(QByteArray, message);
        const std::optional<TakeoutMessage> t = TakeoutHeaders::read(sender, raw);
        QCOMPARE(t.has_value(), isTakeout);
        if (!t)
            return;
        QCOMPARE(t->threadId, threadId);
        QCOMPARE(t->labelNames, labels);
        QCOMPARE(raw.mid(t->addedHeaderBytes), message);
    }
};

QTEST_GUILESS_MAIN(TestTakeoutHeaders)
#include "tst_takeoutheaders.moc"
