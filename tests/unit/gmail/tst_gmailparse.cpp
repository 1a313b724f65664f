// Google's answer formats into typed records: base64url to the exact bytes, each response shape (Google's
// documented samples first), history records, and the malformed-answer rule (not JSON → ServerTransient, unusable
// content → BadData, an unusable list entry → skipped and counted).
#include "net/gmail/gmailparse.h"

#include <QTest>

using namespace vaulttray;

namespace {

using K = FailureKind;

QString kindName(FailureKind kind)
{
    return toString(kind);
}

QByteArray b64url(const QByteArray &bytes, bool padded)
{
    return bytes.toBase64(padded ? QByteArray::Base64UrlEncoding
                                 : QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray allBytes()
{
    QByteArray out;
    for (int i = 0; i < 256; ++i)
        out.append(char(i));
    return out;
}

// A message as Gmail stores it: CRLF, 8-bit UTF-8 in a header and the body.
const QByteArray kMime = "From: =?UTF-8?B?SsO8cmdlbg==?= <j@example.org>\r\nTo: alice@example.org\r\n"
                         "Subject: Zürich\r\nContent-Type: text/plain; charset=utf-8\r\n"
                         "Content-Transfer-Encoding: 8bit\r\n\r\nGrüße aus Zürich\r\n.\r\n";

QByteArray rawMessageJson(const QByteArray &raw)
{
    return R"({
  "id": "18f3a4b5c6d7e8f9",
  "threadId": "18f3a4b5c6d7e800",
  "labelIds": ["INBOX", "UNREAD", "Label_3"],
  "snippet": "Grüße aus Zürich",
  "sizeEstimate": 254,
  "raw": ")" +
           raw + R"(",
  "historyId": "4242",
  "internalDate": "1717228800000"
})";
}

// A canonical one-line rendering of parsed history, so rows can say what they expect in a readable way:
// "id: +added[labels] -deleted msg+LABEL msg-LABEL; ..."
QString render(const GmailHistoryResult &r)
{
    QStringList records;
    for (const GmailHistoryRecord &rec : r.records) {
        QStringList parts;
        for (const GmailHistoryMessage &m : rec.messagesAdded)
            parts << QStringLiteral("+%1/%2[%3]").arg(m.id, m.threadId, m.labelIds.join(QLatin1Char(',')));
        for (const GmailHistoryMessage &m : rec.messagesDeleted)
            parts << QStringLiteral("-%1").arg(m.id);
        for (const GmailLabelChange &c : rec.labelsAdded)
            parts << QStringLiteral("%1+%2").arg(c.message.id, c.labelIds.join(QLatin1Char(',')));
        for (const GmailLabelChange &c : rec.labelsRemoved)
            parts << QStringLiteral("%1-%2").arg(c.message.id, c.labelIds.join(QLatin1Char(',')));
        records << QStringLiteral("%1: %2").arg(rec.id).arg(parts.join(QLatin1Char(' ')));
    }
    return records.join(QStringLiteral("; "));
}

// The rows live outside the test class to keep it short. moc (Qt 6.4) reads raw strings as plain ones: a raw string
// with an odd number of '"' makes it miss the class, so such bodies are written as escaped plain strings.

void base64UrlRows()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QByteArray>("bytes");

    QTest::newRow("empty") << QByteArray() << true << QByteArray();
    QTest::newRow("one byte, padded") << QByteArray("QQ==") << true << QByteArray("A");
    QTest::newRow("one byte, unpadded") << QByteArray("QQ") << true << QByteArray("A");
    QTest::newRow("two bytes, padded") << QByteArray("QUI=") << true << QByteArray("AB");
    QTest::newRow("two bytes, unpadded") << QByteArray("QUI") << true << QByteArray("AB");
    QTest::newRow("three bytes: no padding exists") << QByteArray("QUJD") << true << QByteArray("ABC");
    QTest::newRow("url-safe '-' and '_'") << QByteArray("-_-_") << true << QByteArray("\xfb\xff\xbf");
    QTest::newRow("every byte value, padded") << b64url(allBytes(), true) << true << allBytes();
    QTest::newRow("every byte value, unpadded") << b64url(allBytes(), false) << true << allBytes();
    QTest::newRow("MIME with CRLF and UTF-8, padded") << b64url(kMime, true) << true << kMime;
    QTest::newRow("MIME with CRLF and UTF-8, unpadded") << b64url(kMime, false) << true << kMime;
    QTest::newRow("NUL bytes kept") << b64url(QByteArray("a\0b\0", 4), false) << true << QByteArray("a\0b\0", 4);

    QTest::newRow("standard alphabet '+' refused") << QByteArray("+/+/") << false << QByteArray();
    QTest::newRow("space refused") << QByteArray("QU JD") << false << QByteArray();
    QTest::newRow("CRLF line break refused") << QByteArray("QUJD\r\nQUJD") << false << QByteArray();
    QTest::newRow("padding in the middle refused") << QByteArray("QQ==QUJD") << false << QByteArray();
    QTest::newRow("three '=' refused") << QByteArray("QQ===") << false << QByteArray();
    QTest::newRow("padding to a length no encoder makes") << QByteArray("QQ=") << false << QByteArray();
    QTest::newRow("one character left over") << QByteArray("QUJDR") << false << QByteArray();
    QTest::newRow("only padding") << QByteArray("==") << false << QByteArray();
    QTest::newRow("non-ASCII refused") << QByteArray("QU\xc3\xa4") << false << QByteArray();
}

void uint64Rows()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<quint64>("number");

    QTest::newRow("string, as Gmail sends") << QJsonValue(QStringLiteral("123456")) << true << quint64(123456);
    QTest::newRow("the largest 64-bit id, exact")
        << QJsonValue(QStringLiteral("18446744073709551615")) << true << quint64(18446744073709551615ULL);
    QTest::newRow("JSON number") << QJsonValue(4242.0) << true << quint64(4242);
    QTest::newRow("zero") << QJsonValue(QStringLiteral("0")) << true << quint64(0);
    QTest::newRow("beyond 64 bits") << QJsonValue(QStringLiteral("18446744073709551616")) << false << quint64(0);
    QTest::newRow("negative string") << QJsonValue(QStringLiteral("-5")) << false << quint64(0);
    QTest::newRow("negative number") << QJsonValue(-5.0) << false << quint64(0);
    QTest::newRow("fraction") << QJsonValue(1.5) << false << quint64(0);
    QTest::newRow("signed string") << QJsonValue(QStringLiteral("+5")) << false << quint64(0);
    QTest::newRow("spaces") << QJsonValue(QStringLiteral(" 5")) << false << quint64(0);
    QTest::newRow("empty string") << QJsonValue(QString()) << false << quint64(0);
    QTest::newRow("absent") << QJsonValue(QJsonValue::Undefined) << false << quint64(0);
    QTest::newRow("boolean") << QJsonValue(true) << false << quint64(0);
}

void profileRows()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("email");
    QTest::addColumn<qint64>("messagesTotal");
    QTest::addColumn<quint64>("historyId");

    const QString ok = kindName(K::None);
    // developers.google.com/gmail/api/reference/rest/v1/users/getProfile
    QTest::newRow("Google's shape")
        << QByteArray(R"({"emailAddress": "alice@example.org", "messagesTotal": 3000, "threadsTotal": 1957,
                          "historyId": "123456"})")
        << ok << QStringLiteral("alice@example.org") << qint64(3000) << quint64(123456);
    QTest::newRow("compact, historyId as a number")
        << QByteArray(R"({"emailAddress":"a@b.org","messagesTotal":0,"threadsTotal":0,"historyId":7})") << ok
        << QStringLiteral("a@b.org") << qint64(0) << quint64(7);
    QTest::newRow("no historyId") << QByteArray(R"({"emailAddress":"a@b.org"})") << kindName(K::BadData) << QString()
                                  << qint64(0) << quint64(0);
    QTest::newRow("historyId not a number") << QByteArray(R"({"emailAddress":"a@b.org","historyId":"12a"})")
                                            << kindName(K::BadData) << QString() << qint64(0) << quint64(0);
    QTest::newRow("no emailAddress") << QByteArray(R"({"historyId":"1"})") << kindName(K::BadData) << QString()
                                     << qint64(0) << quint64(0);
    QTest::newRow("cut off") << QByteArray("{\"emailAddress\":\"a@b") << kindName(K::ServerTransient) << QString()
                             << qint64(0) << quint64(0);
    QTest::newRow("empty 200") << QByteArray() << kindName(K::ServerTransient) << QString() << qint64(0) << quint64(0);
    QTest::newRow("a JSON array") << QByteArray("[]") << kindName(K::ServerTransient) << QString() << qint64(0)
                                  << quint64(0);
}

void labelsRows()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QStringList>("ids");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<int>("skipped");

    // developers.google.com/gmail/api/reference/rest/v1/users.labels/list and the Label resource
    QTest::newRow("Google's shape") << QByteArray(R"({"labels": [
             {"id": "CHAT", "name": "CHAT", "messageListVisibility": "hide", "labelListVisibility": "labelHide",
              "type": "system"},
             {"id": "INBOX", "name": "INBOX", "type": "system"},
             {"id": "Label_7", "name": "Projects/Zürich", "messageListVisibility": "show",
              "labelListVisibility": "labelShow", "type": "user"}]})")
                                    << kindName(K::None) << QStringList{"CHAT", "INBOX", "Label_7"}
                                    << QStringList{"CHAT", "INBOX", "Projects/Zürich"} << 0;
    QTest::newRow("no labels at all") << QByteArray("{}") << kindName(K::None) << QStringList() << QStringList() << 0;
    QTest::newRow("an entry without id is skipped")
        << QByteArray(R"({"labels":[{"name":"x"},{"id":"SENT","name":"SENT","type":"system"}]})") << kindName(K::None)
        << QStringList{"SENT"} << QStringList{"SENT"} << 1;
    QTest::newRow("not JSON") << QByteArray("labels: none") << kindName(K::ServerTransient) << QStringList()
                              << QStringList() << 0;
}

void messageListRows()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QStringList>("ids");
    QTest::addColumn<QString>("nextPageToken");
    QTest::addColumn<qint64>("estimate");
    QTest::addColumn<int>("skipped");

    // developers.google.com/gmail/api/reference/rest/v1/users.messages/list
    QTest::newRow("Google's shape") << QByteArray(
                                           R"({"messages": [{"id": "18f3a4b5c6d7e8f9", "threadId": "18f3a4b5c6d7e800"},
                                      {"id": "18f3a4b5c6d7e800", "threadId": "18f3a4b5c6d7e800"}],
                          "nextPageToken": "09876543210987654321", "resultSizeEstimate": 3000})")
                                    << kindName(K::None) << QStringList{"18f3a4b5c6d7e8f9", "18f3a4b5c6d7e800"}
                                    << QStringLiteral("09876543210987654321") << qint64(3000) << 0;
    QTest::newRow("the last page has no nextPageToken")
        << QByteArray(R"({"messages":[{"id":"a1","threadId":"a1"}],"resultSizeEstimate":1})") << kindName(K::None)
        << QStringList{"a1"} << QString() << qint64(1) << 0;
    QTest::newRow("an empty mailbox leaves messages out")
        << QByteArray(R"({"resultSizeEstimate": 0})") << kindName(K::None) << QStringList() << QString() << qint64(0)
        << 0;
    QTest::newRow("an entry without id is skipped")
        << QByteArray(R"({"messages":[{"threadId":"t"},{"id":"b2","threadId":"t"}]})") << kindName(K::None)
        << QStringList{"b2"} << QString() << qint64(0) << 1;
    QTest::newRow("garbled") << QByteArray(R"({"messages":[{"id":)") << kindName(K::ServerTransient) << QStringList()
                             << QString() << qint64(0) << 0;
}

void rawMessageRows()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("kind");

    // developers.google.com/gmail/api/reference/rest/v1/users.messages (format=raw: no payload)
    QTest::newRow("Google's shape, padded raw as Gmail sends")
        << rawMessageJson(b64url(kMime, true)) << kindName(K::None);
    QTest::newRow("unpadded raw") << rawMessageJson(b64url(kMime, false)) << kindName(K::None);
    QTest::newRow("'=' escaped as \\u003d, as Google's JSON may")
        << rawMessageJson(b64url(kMime, true).replace("=", "\\u003d")) << kindName(K::None);
    QTest::newRow("raw in the standard alphabet")
        << rawMessageJson(QByteArray("\xfb\xff\xbf").toBase64()) << kindName(K::BadData);
    QTest::newRow("no raw (a format=minimal answer)")
        << QByteArray(R"({"id":"18f3a4b5c6d7e8f9","historyId":"1","internalDate":"1"})") << kindName(K::BadData);
    QTest::newRow("no id") << QByteArray(R"({"raw":"QQ","historyId":"1","internalDate":"1"})") << kindName(K::BadData);
    QTest::newRow("no internalDate") << QByteArray(R"({"id":"a","raw":"QQ","historyId":"1"})") << kindName(K::BadData);
    QTest::newRow("cut off in the middle of raw")
        << rawMessageJson(b64url(kMime, true)).left(120) << kindName(K::ServerTransient);
    QTest::newRow("an HTML page") << QByteArray("<html><body>Sign in to the Wi-Fi</body></html>")
                                  << kindName(K::ServerTransient);
}

void historyRows()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("records");
    QTest::addColumn<quint64>("historyId");
    QTest::addColumn<QString>("nextPageToken");
    QTest::addColumn<int>("skipped");

    // developers.google.com/gmail/api/reference/rest/v1/users.history/list and the History resource
    QTest::newRow("Google's shape, all four kinds") << QByteArray(R"({
  "history": [
{"id": "1001", "messages": [{"id": "m1", "threadId": "t1"}],
 "messagesAdded": [{"message": {"id": "m1", "threadId": "t1", "labelIds": ["UNREAD", "INBOX"]}}]},
{"id": "1002", "messages": [{"id": "m1", "threadId": "t1"}],
 "labelsAdded": [{"message": {"id": "m1", "threadId": "t1", "labelIds": ["UNREAD", "INBOX", "STARRED"]},
                  "labelIds": ["STARRED"]}]},
{"id": "1003", "messages": [{"id": "m1", "threadId": "t1"}],
 "labelsRemoved": [{"message": {"id": "m1", "threadId": "t1", "labelIds": ["INBOX", "STARRED"]},
                    "labelIds": ["UNREAD"]}]},
{"id": "1004", "messages": [{"id": "m2", "threadId": "t2"}],
 "messagesDeleted": [{"message": {"id": "m2", "threadId": "t2"}}]}
  ],
  "nextPageToken": "00000000000000001004",
  "historyId": "1010"
})") << kindName(K::None) << QStringLiteral("1001: +m1/t1[UNREAD,INBOX]; 1002: m1+STARRED; 1003: m1-UNREAD; 1004: -m2")
                                                    << quint64(1010) << QStringLiteral("00000000000000001004") << 0;
    QTest::newRow("trash: TRASH added and INBOX removed in one record")
        << QByteArray(R"({"history":[{"id":"77","labelsAdded":[{"message":{"id":"m3","threadId":"m3",
             "labelIds":["TRASH"]},"labelIds":["TRASH"]}],"labelsRemoved":[{"message":{"id":"m3",
             "threadId":"m3","labelIds":["TRASH"]},"labelIds":["INBOX"]}]}],"historyId":"78"})")
        << kindName(K::None) << QStringLiteral("77: m3+TRASH m3-INBOX") << quint64(78) << QString() << 0;
    QTest::newRow("no changes: only the historyId")
        << QByteArray(R"({"historyId": "5000"})") << kindName(K::None) << QString() << quint64(5000) << QString() << 0;
    QTest::newRow("a record of another kind only (messages)")
        << QByteArray(R"({"history":[{"id":"9","messages":[{"id":"m","threadId":"m"}]}],"historyId":"9"})")
        << kindName(K::None) << QStringLiteral("9: ") << quint64(9) << QString() << 0;
    QTest::newRow("a change without a message id is skipped")
        << QByteArray(R"({"history":[{"id":"10","messagesAdded":[{"message":{"threadId":"t"}},
             {"message":{"id":"m4","threadId":"t","labelIds":["INBOX"]}}]}],"historyId":"10"})")
        << kindName(K::None) << QStringLiteral("10: +m4/t[INBOX]") << quint64(10) << QString() << 1;
    QTest::newRow("a record without a usable id is skipped")
        << QByteArray(R"({"history":[{"id":"x1","messagesDeleted":[{"message":{"id":"m5"}}]}],"historyId":"11"})")
        << kindName(K::None) << QString() << quint64(11) << QString() << 1;
    QTest::newRow("no historyId") << QByteArray(R"({"history":[]})") << kindName(K::BadData) << QString() << quint64(0)
                                  << QString() << 0;
    QTest::newRow("garbled") << QByteArray(R"({"history":[{"id":"1")") << kindName(K::ServerTransient) << QString()
                             << quint64(0) << QString() << 0;
}

void rateLimitedRows()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("rateLimited");

    const auto body = [](const char *reason, const char *domain, const char *status) {
        return QByteArray(R"({"error":{"code":0,"message":"m","errors":[{"message":"m","domain":")") + domain +
               R"(","reason":")" + reason + R"("}],"status":")" + status + R"("}})";
    };
    QTest::newRow("429 rateLimitExceeded") << 429 << body("rateLimitExceeded", "global", "RESOURCE_EXHAUSTED") << true;
    QTest::newRow("429 without a body") << 429 << QByteArray() << true;
    QTest::newRow("403 userRateLimitExceeded")
        << 403 << body("userRateLimitExceeded", "usageLimits", "PERMISSION_DENIED") << true;
    QTest::newRow("403 rateLimitExceeded")
        << 403 << body("rateLimitExceeded", "usageLimits", "PERMISSION_DENIED") << true;
    QTest::newRow("403 RATE_LIMIT_EXCEEDED (ErrorInfo)")
        << 403 << QByteArray(R"({"error":{"code":403,"status":"PERMISSION_DENIED","details":[{"@type":
             "type.googleapis.com/google.rpc.ErrorInfo","reason":"RATE_LIMIT_EXCEEDED"}]}})")
        << true;
    QTest::newRow("403 dailyLimitExceeded: slowing down would not help")
        << 403 << body("dailyLimitExceeded", "usageLimits", "PERMISSION_DENIED") << false;
    QTest::newRow("429 dailyLimitExceeded")
        << 429 << body("dailyLimitExceeded", "usageLimits", "RESOURCE_EXHAUSTED") << false;
    QTest::newRow("403 delegation denied") << 403 << body("forbidden", "global", "PERMISSION_DENIED") << false;
    QTest::newRow("403 insufficientPermissions")
        << 403 << body("insufficientPermissions", "global", "PERMISSION_DENIED") << false;
    QTest::newRow("500 backendError") << 500 << body("backendError", "global", "INTERNAL") << false;
    QTest::newRow("200") << 200 << QByteArray("{}") << false;
}

} // namespace

class TestGmailParse : public QObject
{
    Q_OBJECT

private slots:
    void base64Url_data() { base64UrlRows(); }

    void base64Url()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, valid);
        QFETCH(QByteArray, bytes);

        const auto decoded = decodeBase64Url(text);
        QCOMPARE(decoded.has_value(), valid);
        if (valid)
            QCOMPARE(*decoded, bytes);
    }

    void uint64_data() { uint64Rows(); }

    void uint64()
    {
        QFETCH(QJsonValue, value);
        QFETCH(bool, valid);
        QFETCH(quint64, number);
        const auto parsed = parseGmailUInt64(value);
        QCOMPARE(parsed.has_value(), valid);
        if (valid)
            QCOMPARE(*parsed, number);
    }

    void profile_data() { profileRows(); }

    void profile()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, kind);
        QFETCH(QString, email);
        QFETCH(qint64, messagesTotal);
        QFETCH(quint64, historyId);

        const GmailProfileResult r = parseProfile(body);
        QCOMPARE(kindName(r.failure.kind), kind);
        if (r.ok()) {
            QCOMPARE(r.profile.emailAddress, email);
            QCOMPARE(r.profile.messagesTotal, messagesTotal);
            QCOMPARE(r.profile.historyId, historyId);
        } else {
            QVERIFY(!r.failure.detail.isEmpty());
            QVERIFY2(!r.failure.detail.contains(QLatin1String("a@b")), "no answer content in the detail");
        }
    }

    void labels_data() { labelsRows(); }

    void labels()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, kind);
        QFETCH(QStringList, ids);
        QFETCH(QStringList, names);
        QFETCH(int, skipped);

        const GmailLabelsResult r = parseLabels(body);
        QCOMPARE(kindName(r.failure.kind), kind);
        QStringList gotIds, gotNames;
        for (const GmailLabel &l : r.labels)
            gotIds << l.id, gotNames << l.name;
        QCOMPARE(gotIds, ids);
        QCOMPARE(gotNames, names);
        QCOMPARE(r.skippedItems, skipped);
        if (!r.labels.isEmpty() && ids.first() == QLatin1String("CHAT")) {
            QCOMPARE(r.labels.first().type, QStringLiteral("system"));
            QCOMPARE(r.labels.first().messageListVisibility, QStringLiteral("hide"));
            QCOMPARE(r.labels.first().labelListVisibility, QStringLiteral("labelHide"));
            QCOMPARE(r.labels.last().type, QStringLiteral("user"));
        }
    }

    void messageList_data() { messageListRows(); }

    void messageList()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, kind);
        QFETCH(QStringList, ids);
        QFETCH(QString, nextPageToken);
        QFETCH(qint64, estimate);
        QFETCH(int, skipped);

        const GmailMessageListResult r = parseMessageList(body);
        QCOMPARE(kindName(r.failure.kind), kind);
        QStringList got;
        for (const GmailMessageRef &m : r.messages)
            got << m.id;
        QCOMPARE(got, ids);
        QCOMPARE(r.nextPageToken, nextPageToken);
        QCOMPARE(r.resultSizeEstimate, estimate);
        QCOMPARE(r.skippedItems, skipped);
        if (!r.messages.isEmpty())
            QVERIFY(!r.messages.last().threadId.isEmpty());
    }

    void rawMessage_data() { rawMessageRows(); }

    void rawMessage()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, kind);

        const GmailRawMessageResult r = parseRawMessage(body);
        QCOMPARE(kindName(r.failure.kind), kind);
        if (!r.ok()) {
            QVERIFY2(!r.failure.detail.contains(QLatin1String("Zürich")), "no message content in the detail");
            return;
        }
        const GmailRawMessage &m = r.message;
        QCOMPARE(m.raw, kMime);
        QCOMPARE(m.id, QStringLiteral("18f3a4b5c6d7e8f9"));
        QCOMPARE(m.threadId, QStringLiteral("18f3a4b5c6d7e800"));
        QCOMPARE(m.labelIds, (QStringList{"INBOX", "UNREAD", "Label_3"}));
        QCOMPARE(m.historyId, quint64(4242));
        QCOMPARE(m.internalDateMs, qint64(1717228800000));
        QCOMPARE(m.internalDate(), QDateTime(QDate(2024, 6, 1), QTime(8, 0), Qt::UTC));
        QCOMPARE(m.sizeEstimate, qint64(254));
        // Decoding left to the caller: the same message, its raw content as Gmail sent it.
        const GmailRawMessageResult later = parseRawMessage(body, false);
        QVERIFY(later.ok());
        QVERIFY(later.message.raw.isEmpty());
        QCOMPARE(decodeBase64Url(later.message.rawBase64Url), std::optional<QByteArray>(kMime));
        QCOMPARE(later.message.id, m.id);
        QCOMPARE(later.message.internalDateMs, m.internalDateMs);
    }

    void history_data() { historyRows(); }

    void history()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, kind);
        QFETCH(QString, records);
        QFETCH(quint64, historyId);
        QFETCH(QString, nextPageToken);
        QFETCH(int, skipped);

        const GmailHistoryResult r = parseHistory(body);
        QCOMPARE(kindName(r.failure.kind), kind);
        QCOMPARE(render(r), records);
        QCOMPARE(r.historyId, historyId);
        QCOMPARE(r.nextPageToken, nextPageToken);
        QCOMPARE(r.skippedItems, skipped);
        QVERIFY(!r.historyExpired);
    }

    void rateLimited_data() { rateLimitedRows(); }

    void rateLimited()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(bool, rateLimited);
        QCOMPARE(gmailRateLimited(status, body), rateLimited);
    }
};

QTEST_GUILESS_MAIN(TestGmailParse)
#include "tst_gmailparse.moc"
