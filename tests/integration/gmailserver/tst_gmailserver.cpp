// The fake Gmail API checked against Google's documented formats and behaviour, so the sync tests and the
// benchmark built on it stand on solid ground: paging, raw bytes, history, expired history, auth, quota, faults.
// Past 800 lines on purpose: one executable and one server start cover every documented behaviour, and the
// cases are short and independent (each derives what it expects from the server's own /__control/ view).
#include "gmailserver.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

#include <functional>

using vaulttray::test::decodeBase64Url;
using vaulttray::test::GmailHttpReply;
using vaulttray::test::GmailServer;
using vaulttray::test::GmailServerOptions;

namespace {

constexpr int kMessages = 600;
constexpr int kSeed = 11;
constexpr int kPageDefault = 100;
constexpr int kPageMax = 500;
// The quota tests run at a lower rate than Gmail's 250 units/s so that they are short.
constexpr double kTestRate = 100;
constexpr int kGetUnits = 5;
constexpr int kBurstRequests = 40;
constexpr int kSteadyMs = 2500;
constexpr int kSteadyInFlight = 6;
constexpr int kStallTimeoutMs = 400;
// Qt's transfer timeout runs on a coarse timer (5% early at worst).
constexpr int kStallMinElapsedMs = kStallTimeoutMs * 9 / 10;

QString str(const char *s)
{
    return QString::fromLatin1(s);
}

QJsonObject googleError(int code, const QString &message, const QString &domain, const QString &reason,
                        const QString &status)
{
    const QJsonObject item{{str("message"), message}, {str("domain"), domain}, {str("reason"), reason}};
    return {{str("error"), QJsonObject{{str("code"), code},
                                       {str("message"), message},
                                       {str("errors"), QJsonArray{item}},
                                       {str("status"), status}}}};
}

QStringList labelsOf(const QJsonObject &message)
{
    QStringList out;
    for (const QJsonValue &v : message.value(str("labelIds")).toArray())
        out << v.toString();
    return out;
}

// A minimal RFC 7662 endpoint on 127.0.0.1: "good-jwt" is active, anything else is not.
class IntrospectionStub : public QObject
{
public:
    IntrospectionStub()
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onData(socket); });
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1/introspect-jwt").arg(m_server.serverPort()); }
    int calls = 0;

private:
    void onData(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const int end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        static const QRegularExpression lengthRe(QStringLiteral("content-length:\\s*(\\d+)"),
                                                 QRegularExpression::CaseInsensitiveOption);
        const auto match = lengthRe.match(QString::fromLatin1(buffer.left(end)));
        const int length = match.hasMatch() ? match.captured(1).toInt() : 0;
        if (buffer.size() < end + 4 + length)
            return;
        const QUrlQuery form(QString::fromUtf8(buffer.mid(end + 4, length)));
        ++calls;
        const bool active = form.queryItemValue(str("token")) == str("good-jwt");
        const QByteArray json = active
                                    ? QByteArrayLiteral("{\"active\":true,\"username\":\"probe\",\"exp\":4102444800}")
                                    : QByteArrayLiteral("{\"active\":false}");
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " +
                      QByteArray::number(json.size()) + "\r\n\r\n" + json);
        socket->disconnectFromHost();
        m_buffers.remove(socket);
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace

class TestGmailServer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void unauthenticated_data();
    void unauthenticated();
    void otherUserIsForbidden();
    void profileAndLabels();
    void pagingCoversEveryMessageOnce_data();
    void pagingCoversEveryMessageOnce();
    void pageTokensSurviveNewMail();
    void rawIsTheExactBytes();
    void formats_data();
    void formats();
    void unknownAndMalformedIds();
    void mailboxIsRealistic();
    void historyListsExactlyTheChanges();
    void historyPagesAndFilters();
    void expiredHistoryIsGoogles404();
    void statsCountRequests();
    void quotaBurstGets429();
    void quotaSteadyStateNeverExceedsTheRate();
    void overQuotaCanAnswer403();
    void faults_data();
    void faults();
    void introspectedTokensAreCached();

private:
    // Expected message ids for a listing, from the server's own view of the mailbox.
    QStringList expectedIds(const std::function<bool(const QStringList &)> &keep, bool includeSpamTrash);
    QString someMessageId();

    std::unique_ptr<GmailServer> m_server;
};

void TestGmailServer::initTestCase()
{
    GmailServerOptions options;
    options.messages = kMessages;
    options.seed = kSeed;
    options.unitsPerSecond = 0; // format tests are not about quota; the quota tests set their own
    m_server = std::make_unique<GmailServer>(options);
    const QString error = m_server->start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    qInfo("fake Gmail server with %d messages ready after %lld ms", kMessages, m_server->readyAfterMs());
    QCOMPARE(m_server->initialMessages(), kMessages);
}

void TestGmailServer::cleanup()
{
    QVERIFY(m_server->clearFaults());
    QVERIFY(m_server->setQuota(0));
}

QStringList TestGmailServer::expectedIds(const std::function<bool(const QStringList &)> &keep, bool includeSpamTrash)
{
    QStringList ids;
    for (const QJsonValue &v : m_server->allMessages(includeSpamTrash)) {
        const QJsonObject m = v.toObject();
        if (keep(labelsOf(m)))
            ids << m.value(str("id")).toString();
    }
    return ids;
}

QString TestGmailServer::someMessageId()
{
    return m_server->allMessages(false).at(3).toObject().value(str("id")).toString();
}

void TestGmailServer::unauthenticated_data()
{
    QTest::addColumn<QString>("authorization"); // "-": no header at all
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("wwwAuthenticate");
    const QString realm = str("Bearer realm=\"https://accounts.google.com/\"");
    const QString invalid = realm + str(", error=\"invalid_token\"");
    QTest::newRow("no Authorization header") << str("-") << str("required") << realm;
    QTest::newRow("unknown bearer token") << str("Bearer not-a-token") << str("authError") << invalid;
    QTest::newRow("basic scheme") << str("Basic YWxpY2U6c2VjcmV0") << str("required") << realm;
    QTest::newRow("revoked token") << str("Bearer revoked-token") << str("authError") << invalid;
}

void TestGmailServer::unauthenticated()
{
    QFETCH(QString, authorization);
    QFETCH(QString, reason);
    QFETCH(QString, wwwAuthenticate);
    QVERIFY(m_server->registerTokens({str("revoked-token")}));
    QCOMPARE(m_server->getWithToken(str("profile"), str("revoked-token")).status, 200);
    QVERIFY(m_server->revokeTokens({str("revoked-token")}));

    QNetworkRequest request = m_server->apiRequest(str("messages"), QString());
    if (authorization != str("-"))
        request.setRawHeader("Authorization", authorization.toUtf8());
    const GmailHttpReply reply = m_server->send(request, "GET");
    QCOMPARE(reply.status, 401);
    QCOMPARE(QString::fromUtf8(reply.header("WWW-Authenticate")), wwwAuthenticate);
    QVERIFY(reply.header("Content-Type").startsWith("application/json"));
    const QJsonObject error = reply.json().value(str("error")).toObject();
    QCOMPARE(error.value(str("code")).toInt(), 401);
    QCOMPARE(error.value(str("status")).toString(), str("UNAUTHENTICATED"));
    QVERIFY(error.value(str("message")).toString().contains(str("Expected OAuth 2 access token")));
    const QJsonObject item = error.value(str("errors")).toArray().first().toObject();
    QCOMPARE(item.value(str("reason")).toString(), reason);
    QCOMPARE(item.value(str("domain")).toString(), str("global"));
    QCOMPARE(item.value(str("location")).toString(), str("Authorization"));
    QCOMPARE(item.value(str("locationType")).toString(), str("header"));
}

void TestGmailServer::otherUserIsForbidden()
{
    const QString email = QString::fromLatin1(QUrl::toPercentEncoding(m_server->email()));
    QNetworkRequest own(QUrl(m_server->baseUrl().toString() + str("/gmail/v1/users/") + email + str("/profile")));
    own.setRawHeader("Authorization", "Bearer " + m_server->token().toUtf8());
    const GmailHttpReply mine = m_server->send(own, "GET");
    QCOMPARE(mine.status, 200);
    QCOMPARE(mine.json().value(str("emailAddress")).toString(), m_server->email());

    QNetworkRequest other(QUrl(m_server->baseUrl().toString() + str("/gmail/v1/users/someone%40example.com/profile")));
    other.setRawHeader("Authorization", "Bearer " + m_server->token().toUtf8());
    const GmailHttpReply theirs = m_server->send(other, "GET");
    QCOMPARE(theirs.status, 403);
    QCOMPARE(theirs.json().value(str("error")).toObject().value(str("status")).toString(), str("PERMISSION_DENIED"));
}

void TestGmailServer::profileAndLabels()
{
    const GmailHttpReply profile = m_server->get(str("profile"));
    QCOMPARE(profile.status, 200);
    const QJsonObject p = profile.json();
    QCOMPARE(p.keys(), (QStringList{str("emailAddress"), str("historyId"), str("messagesTotal"), str("threadsTotal")}));
    QCOMPARE(p.value(str("emailAddress")).toString(), m_server->email());
    QVERIFY2(p.value(str("historyId")).isString(), "historyId is a string of digits, as in Google's JSON");
    QVERIFY(p.value(str("historyId")).toString().toULongLong() > 0);
    QCOMPARE(p.value(str("messagesTotal")).toInt(), m_server->allMessages(true).size());
    QVERIFY(p.value(str("threadsTotal")).toInt() < p.value(str("messagesTotal")).toInt());

    const GmailHttpReply labels = m_server->get(str("labels"));
    QCOMPARE(labels.status, 200);
    QHash<QString, QJsonObject> byId;
    for (const QJsonValue &v : labels.json().value(str("labels")).toArray())
        byId.insert(v.toObject().value(str("id")).toString(), v.toObject());
    for (const char *system :
         {"INBOX", "SENT", "UNREAD", "IMPORTANT", "STARRED", "SPAM", "TRASH", "DRAFT", "CATEGORY_PERSONAL",
          "CATEGORY_SOCIAL", "CATEGORY_PROMOTIONS", "CATEGORY_UPDATES", "CATEGORY_FORUMS"}) {
        QVERIFY2(byId.contains(str(system)), system);
        QCOMPARE(byId.value(str(system)).value(str("type")).toString(), str("system"));
    }
    bool nested = false;
    static const QRegularExpression userId(QStringLiteral("^Label_\\d+$"));
    for (const QJsonObject &label : std::as_const(byId)) {
        if (label.value(str("type")).toString() != str("user"))
            continue;
        QVERIFY(userId.match(label.value(str("id")).toString()).hasMatch());
        nested = nested || label.value(str("name")).toString() == QStringLiteral("Projects/Zürich");
    }
    QVERIFY2(nested, "a nested, non-ASCII user label");
}

void TestGmailServer::pagingCoversEveryMessageOnce_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("pageSize");
    QTest::addColumn<bool>("includeSpamTrash");
    QTest::addColumn<QStringList>("labels");
    QTest::newRow("default page size") << QString() << kPageDefault << false << QStringList();
    QTest::newRow("maxResults=500") << str("maxResults=500") << kPageMax << false << QStringList();
    QTest::newRow("maxResults=1000 is capped") << str("maxResults=1000") << kPageMax << false << QStringList();
    QTest::newRow("maxResults=7") << str("maxResults=7") << 7 << false << QStringList();
    QTest::newRow("includeSpamTrash") << str("maxResults=500&includeSpamTrash=true") << kPageMax << true
                                      << QStringList();
    QTest::newRow("labelIds=INBOX") << str("maxResults=50&labelIds=INBOX") << 50 << false << QStringList{str("INBOX")};
    QTest::newRow("labelIds=INBOX&labelIds=UNREAD") << str("maxResults=50&labelIds=INBOX&labelIds=UNREAD") << 50
                                                    << false << QStringList{str("INBOX"), str("UNREAD")};
    QTest::newRow("q=is:unread") << str("maxResults=80&q=is%3Aunread") << 80 << false << QStringList{str("UNREAD")};
}

void TestGmailServer::pagingCoversEveryMessageOnce()
{
    QFETCH(QString, query);
    QFETCH(int, pageSize);
    QFETCH(bool, includeSpamTrash);
    QFETCH(QStringList, labels);
    const QStringList expected = expectedIds(
        [&](const QStringList &have) {
            for (const QString &l : labels)
                if (!have.contains(l))
                    return false;
            return true;
        },
        includeSpamTrash);
    QVERIFY(!expected.isEmpty());

    QStringList seen;
    QString token;
    int pages = 0;
    do {
        QString path = str("messages?") + query;
        if (!token.isEmpty())
            path += str("&pageToken=") + token;
        const GmailHttpReply reply = m_server->get(path);
        QCOMPARE(reply.status, 200);
        const QJsonObject page = reply.json();
        QCOMPARE(page.value(str("resultSizeEstimate")).toInt(), expected.size());
        const QJsonArray messages = page.value(str("messages")).toArray();
        QVERIFY(messages.size() <= pageSize);
        for (const QJsonValue &v : messages) {
            const QJsonObject m = v.toObject();
            QCOMPARE(m.keys(), (QStringList{str("id"), str("threadId")}));
            seen << m.value(str("id")).toString();
        }
        token = page.value(str("nextPageToken")).toString();
        QVERIFY2(token.isEmpty() || messages.size() == pageSize, "only the last page is short");
        ++pages;
    } while (!token.isEmpty());
    QCOMPARE(pages, int((expected.size() + pageSize - 1) / pageSize));
    QCOMPARE(QSet<QString>(seen.begin(), seen.end()).size(), seen.size()); // no duplicates
    QCOMPARE(seen, expected);                                              // all of them, newest first
}

void TestGmailServer::pageTokensSurviveNewMail()
{
    const QStringList before = expectedIds([](const QStringList &) { return true; }, false);
    const GmailHttpReply first = m_server->get(str("messages?maxResults=100"));
    QCOMPARE(first.status, 200);
    QStringList seen;
    for (const QJsonValue &v : first.json().value(str("messages")).toArray())
        seen << v.toObject().value(str("id")).toString();
    QString token = first.json().value(str("nextPageToken")).toString();
    QVERIFY(!m_server->addMessages(3, {str("INBOX"), str("UNREAD")}).isEmpty());
    while (!token.isEmpty()) {
        const GmailHttpReply next = m_server->get(str("messages?maxResults=100&pageToken=") + token);
        QCOMPARE(next.status, 200);
        for (const QJsonValue &v : next.json().value(str("messages")).toArray())
            seen << v.toObject().value(str("id")).toString();
        token = next.json().value(str("nextPageToken")).toString();
    }
    QCOMPARE(seen, before); // new mail lands in front: nothing skipped, nothing twice

    const GmailHttpReply bad = m_server->get(str("messages?pageToken=garbage"));
    QCOMPARE(bad.status, 400);
}

void TestGmailServer::rawIsTheExactBytes()
{
    const QJsonArray all = m_server->allMessages(true);
    static const QRegularExpression urlSafe(QStringLiteral("^[A-Za-z0-9_-]*={0,2}$"));
    static const QRegularExpression hexId(QStringLiteral("^[0-9a-f]{16}$"));
    int padded = 0;
    int checked = 0;
    for (int i = 0; i < all.size(); i += 7) {
        const QJsonObject listed = all.at(i).toObject();
        const QString id = listed.value(str("id")).toString();
        const GmailHttpReply reply = m_server->get(str("messages/%1?format=raw").arg(id));
        QCOMPARE(reply.status, 200);
        const QJsonObject m = reply.json();
        QCOMPARE(m.keys(), (QStringList{str("historyId"), str("id"), str("internalDate"), str("labelIds"), str("raw"),
                                        str("sizeEstimate"), str("snippet"), str("threadId")}));
        QVERIFY(hexId.match(m.value(str("id")).toString()).hasMatch());
        QCOMPARE(m.value(str("threadId")).toString(), listed.value(str("threadId")).toString());
        QCOMPARE(labelsOf(m), labelsOf(listed));
        QVERIFY2(m.value(str("internalDate")).isString(), "internalDate is a string of milliseconds");
        QCOMPARE(m.value(str("internalDate")).toString(), listed.value(str("internalDate")).toString());
        QVERIFY(m.value(str("historyId")).isString());

        const QByteArray text = m.value(str("raw")).toString().toLatin1();
        QVERIFY2(urlSafe.match(QString::fromLatin1(text)).hasMatch(), "base64url alphabet only");
        QCOMPARE(text.size() % 4, 0); // padded, as Gmail sends raw
        padded += text.endsWith('=') ? 1 : 0;
        bool ok = false;
        const QByteArray bytes = decodeBase64Url(text, &ok);
        QVERIFY(ok);
        const QByteArray expected = m_server->raw(id);
        QVERIFY(!expected.isEmpty());
        QCOMPARE(bytes.size(), expected.size());
        QVERIFY2(bytes == expected, qPrintable(str("raw of %1 differs").arg(id)));
        QCOMPARE(m.value(str("sizeEstimate")).toInt(), expected.size());
        ++checked;
    }
    QVERIFY(checked >= kMessages / 7);
    QVERIFY2(padded > 0, "some raws need padding and carry it");
}

void TestGmailServer::formats_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QStringList>("keys");
    const QStringList common{str("historyId"),    str("id"),      str("internalDate"), str("labelIds"),
                             str("sizeEstimate"), str("snippet"), str("threadId")};
    QTest::newRow("minimal") << str("minimal") << common;
    QTest::newRow("metadata") << str("metadata&metadataHeaders=Subject&metadataHeaders=from")
                              << (QStringList(common) << str("payload"));
    QTest::newRow("full") << str("full") << (QStringList(common) << str("payload"));
    QTest::newRow("FULL (enum spelled upper case)") << str("FULL") << (QStringList(common) << str("payload"));
}

void TestGmailServer::formats()
{
    QFETCH(QString, format);
    QFETCH(QStringList, keys);
    // A multipart message with an attachment, so that `full` has parts and attachment ids.
    QString id;
    for (const QJsonValue &v : m_server->allMessages(false)) {
        const QString candidate = v.toObject().value(str("id")).toString();
        const QByteArray raw = m_server->raw(candidate);
        if (raw.contains("multipart/mixed") && raw.contains("Content-Disposition: attachment")) {
            id = candidate;
            break;
        }
    }
    QVERIFY(!id.isEmpty());
    const GmailHttpReply reply = m_server->get(str("messages/%1?format=%2").arg(id, format));
    QCOMPARE(reply.status, 200);
    const QJsonObject m = reply.json();
    keys.sort();
    QCOMPARE(m.keys(), keys);
    QVERIFY(!m.value(str("snippet")).toString().isEmpty());
    if (!keys.contains(str("payload")))
        return;
    const QJsonObject payload = m.value(str("payload")).toObject();
    QCOMPARE(payload.value(str("mimeType")).toString(), str("multipart/mixed"));
    QCOMPARE(payload.value(str("partId")).toString(), QString());
    QStringList headerNames;
    for (const QJsonValue &h : payload.value(str("headers")).toArray())
        headerNames << h.toObject().value(str("name")).toString();
    if (format.startsWith(str("metadata"))) {
        headerNames.sort();
        QCOMPARE(headerNames, (QStringList{str("From"), str("Subject")}));
        QVERIFY(!payload.contains(str("parts")));
        return;
    }
    QVERIFY(headerNames.contains(str("Message-ID")));
    const QJsonArray parts = payload.value(str("parts")).toArray();
    QVERIFY(parts.size() >= 2);
    QCOMPARE(parts.first().toObject().value(str("partId")).toString(), str("0"));
    const QJsonObject attachment = parts.last().toObject();
    QVERIFY(!attachment.value(str("filename")).toString().isEmpty());
    const QString attachmentId = attachment.value(str("body")).toObject().value(str("attachmentId")).toString();
    QVERIFY(!attachmentId.isEmpty());
    const GmailHttpReply data = m_server->get(str("messages/%1/attachments/%2").arg(id, attachmentId));
    QCOMPARE(data.status, 200);
    const QByteArray encoded = data.json().value(str("data")).toString().toLatin1();
    QVERIFY2(!encoded.endsWith('='), "attachment data comes without padding");
    bool ok = false;
    QCOMPARE(decodeBase64Url(encoded, &ok).size(), attachment.value(str("body")).toObject().value(str("size")).toInt());
    QVERIFY(ok);
}

void TestGmailServer::unknownAndMalformedIds()
{
    const GmailHttpReply missing = m_server->get(str("messages/0000000000000001?format=raw"));
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.json(), googleError(404, str("Requested entity was not found."), str("global"), str("notFound"),
                                         str("NOT_FOUND")));
    QCOMPARE(m_server->get(str("messages/not-an-id")).status, 400);
    QCOMPARE(m_server->get(str("messages/%1?format=weird").arg(someMessageId())).status, 400);
    QCOMPARE(m_server->get(str("messages?maxResults=abc")).status, 400);
    const GmailHttpReply page = m_server->get(str("no-such-collection"));
    QCOMPARE(page.status, 404);
    QVERIFY2(page.header("Content-Type").startsWith("text/html"), "Google answers unknown URLs with an HTML page");
}

void TestGmailServer::mailboxIsRealistic()
{
    int alternative = 0, mixed = 0, rfc2231 = 0, rfc2047 = 0, replies = 0, quotedPrintable = 0, latin1 = 0;
    int smallest = INT_MAX, largest = 0;
    QHash<QString, int> threadSizes;
    for (const QJsonValue &v : m_server->allMessages(true)) {
        const QJsonObject m = v.toObject();
        const QByteArray bytes = m_server->raw(m.value(str("id")).toString());
        QVERIFY2(!QByteArray(bytes).replace("\r\n", "").contains('\n'), "CRLF line ends only");
        smallest = qMin(smallest, int(bytes.size()));
        largest = qMax(largest, int(bytes.size()));
        alternative += bytes.contains("multipart/alternative") ? 1 : 0;
        mixed += bytes.contains("multipart/mixed") ? 1 : 0;
        rfc2231 += bytes.contains("filename*") ? 1 : 0;
        rfc2047 += bytes.contains("=?utf-8?") ? 1 : 0;
        replies += bytes.contains("\r\nIn-Reply-To: <") && bytes.contains("\r\nReferences: <") ? 1 : 0;
        quotedPrintable += bytes.contains("quoted-printable") ? 1 : 0;
        latin1 += bytes.contains("iso-8859-1") ? 1 : 0;
        ++threadSizes[m.value(str("threadId")).toString()];
    }
    const int total = int(m_server->allMessages(true).size());
    qInfo("%d messages: %d alternative, %d mixed, %d RFC 2231 names, %d RFC 2047 words, %d replies, "
          "%d threads, %d..%d bytes",
          total, alternative, mixed, rfc2231, rfc2047, replies, int(threadSizes.size()), smallest, largest);
    QVERIFY(alternative > total / 10);
    QVERIFY(mixed > total / 10);
    QVERIFY(rfc2231 > 0);
    QVERIFY(rfc2047 > total / 4);
    QVERIFY(replies > total / 5);
    QVERIFY(quotedPrintable > 0);
    QVERIFY(latin1 > 0);
    QVERIFY(threadSizes.size() < total);
    QVERIFY(smallest >= 1500);
    QVERIFY(largest > 100 * 1024 && largest <= 210 * 1024);
}

void TestGmailServer::historyListsExactlyTheChanges()
{
    const QString start = m_server->get(str("profile")).json().value(str("historyId")).toString();
    const QJsonArray inbox = m_server->allMessages(false);
    const QString relabelled = inbox.at(10).toObject().value(str("id")).toString();
    const QString trashed = inbox.at(11).toObject().value(str("id")).toString();
    const QString deleted = inbox.at(12).toObject().value(str("id")).toString();

    const QJsonObject added = m_server->addMessages(2, {str("INBOX"), str("UNREAD")});
    QCOMPARE(added.value(str("messages")).toArray().size(), 2);
    QVERIFY(!m_server->modifyLabels({relabelled}, {str("Label_2"), str("STARRED")}, {str("UNREAD")}).isEmpty());
    QVERIFY(!m_server->trash({trashed}).isEmpty());
    QVERIFY(!m_server->deletePermanently({deleted}).isEmpty());

    const GmailHttpReply reply = m_server->get(str("history?startHistoryId=") + start);
    QCOMPARE(reply.status, 200);
    const QJsonObject body = reply.json();
    const QJsonArray records = body.value(str("history")).toArray();
    QCOMPARE(records.size(), 5);
    QCOMPARE(body.value(str("historyId")).toString(),
             m_server->get(str("profile")).json().value(str("historyId")).toString());
    quint64 previous = start.toULongLong();
    for (const QJsonValue &r : records) {
        const quint64 id = r.toObject().value(str("id")).toString().toULongLong();
        QVERIFY2(id > previous, "history ids grow");
        previous = id;
        QCOMPARE(r.toObject().value(str("messages")).toArray().size(), 1);
    }
    QCOMPARE(QString::number(previous), body.value(str("historyId")).toString());

    for (int i = 0; i < 2; ++i) {
        const QJsonObject rec = records.at(i).toObject();
        QCOMPARE(rec.keys(), (QStringList{str("id"), str("messages"), str("messagesAdded")}));
        const QJsonObject msg =
            rec.value(str("messagesAdded")).toArray().first().toObject().value(str("message")).toObject();
        QCOMPARE(msg.value(str("id")).toString(),
                 added.value(str("messages")).toArray().at(i).toObject().value(str("id")).toString());
        QCOMPARE(labelsOf(msg), (QStringList{str("INBOX"), str("UNREAD")}));
    }
    const QJsonObject modify = records.at(2).toObject();
    QCOMPARE(modify.keys(), (QStringList{str("id"), str("labelsAdded"), str("labelsRemoved"), str("messages")}));
    const QJsonObject labelAdded = modify.value(str("labelsAdded")).toArray().first().toObject();
    QCOMPARE(labelAdded.value(str("message")).toObject().value(str("id")).toString(), relabelled);
    QCOMPARE(labelsOf(labelAdded), (QStringList{str("Label_2"), str("STARRED")}));
    QCOMPARE(labelsOf(modify.value(str("labelsRemoved")).toArray().first().toObject()), QStringList{str("UNREAD")});
    QVERIFY(!labelsOf(labelAdded.value(str("message")).toObject()).contains(str("UNREAD")));

    const QJsonObject trash = records.at(3).toObject();
    QCOMPARE(labelsOf(trash.value(str("labelsAdded")).toArray().first().toObject()), QStringList{str("TRASH")});
    const QJsonObject del = records.at(4).toObject();
    QCOMPARE(del.keys(), (QStringList{str("id"), str("messages"), str("messagesDeleted")}));
    QCOMPARE(del.value(str("messagesDeleted"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(str("message"))
                 .toObject()
                 .value(str("id"))
                 .toString(),
             deleted);

    // The message's historyId is the record that last changed it; a deleted message is gone.
    QCOMPARE(m_server->get(str("messages/%1?format=minimal").arg(relabelled)).json().value(str("historyId")).toString(),
             modify.value(str("id")).toString());
    QCOMPARE(m_server->get(str("messages/%1?format=minimal").arg(deleted)).status, 404);
    // Nothing new since the latest id: no "history" member at all, as Google omits empty lists.
    const GmailHttpReply none = m_server->get(str("history?startHistoryId=") + body.value(str("historyId")).toString());
    QCOMPARE(none.status, 200);
    QCOMPARE(none.json().keys(), QStringList{str("historyId")});
    QCOMPARE(m_server->get(str("history")).status, 400); // startHistoryId is required
}

void TestGmailServer::historyPagesAndFilters()
{
    const QString start = m_server->get(str("profile")).json().value(str("historyId")).toString();
    const QJsonArray ids = m_server->addMessages(5, {str("INBOX")}).value(str("messages")).toArray();
    const QString first = ids.at(0).toObject().value(str("id")).toString();
    QVERIFY(!m_server->modifyLabels({first}, {str("IMPORTANT")}, {}).isEmpty());
    QVERIFY(!m_server->deletePermanently({ids.at(1).toObject().value(str("id")).toString()}).isEmpty());

    QStringList recordIds;
    QString token;
    int pages = 0;
    do {
        const GmailHttpReply page = m_server->get(str("history?maxResults=2&startHistoryId=") + start +
                                                  (token.isEmpty() ? QString() : str("&pageToken=") + token));
        QCOMPARE(page.status, 200);
        const QJsonArray records = page.json().value(str("history")).toArray();
        QVERIFY(records.size() <= 2);
        for (const QJsonValue &r : records)
            recordIds << r.toObject().value(str("id")).toString();
        token = page.json().value(str("nextPageToken")).toString();
        ++pages;
    } while (!token.isEmpty());
    QCOMPARE(recordIds.size(), 7);
    QCOMPARE(pages, 4);

    const GmailHttpReply deletions = m_server->get(str("history?historyTypes=messageDeleted&startHistoryId=") + start);
    QCOMPARE(deletions.json().value(str("history")).toArray().size(), 1);
    const GmailHttpReply typed =
        m_server->get(str("history?historyTypes=labelAdded&historyTypes=MESSAGE_DELETED&startHistoryId=") + start);
    QCOMPARE(typed.json().value(str("history")).toArray().size(), 2);
    const GmailHttpReply important = m_server->get(str("history?labelId=IMPORTANT&startHistoryId=") + start);
    QCOMPARE(important.json().value(str("history")).toArray().size(), 1);
}

void TestGmailServer::expiredHistoryIsGoogles404()
{
    const QString old = m_server->get(str("profile")).json().value(str("historyId")).toString();
    const QString fresh = m_server->addMessages(1).value(str("historyId")).toString();
    QVERIFY(!fresh.isEmpty());
    QCOMPARE(m_server->expireHistory(fresh).value(str("oldestRetained")).toString(), fresh);

    const GmailHttpReply expired = m_server->get(str("history?startHistoryId=") + old);
    QCOMPARE(expired.status, 404);
    QVERIFY(expired.header("Content-Type").startsWith("application/json"));
    QCOMPARE(expired.json(), googleError(404, str("Requested entity was not found."), str("global"), str("notFound"),
                                         str("NOT_FOUND")));
    const GmailHttpReply current = m_server->get(str("history?startHistoryId=") + fresh);
    QCOMPARE(current.status, 200);
    QCOMPARE(current.json().value(str("historyId")).toString(), fresh);
}

void TestGmailServer::statsCountRequests()
{
    m_server->resetStats();
    const QString id = someMessageId();
    for (int i = 0; i < 3; ++i)
        QCOMPARE(m_server->get(str("messages/%1?format=raw").arg(id)).status, 200);
    QCOMPARE(m_server->get(str("messages?maxResults=10")).status, 200);
    QCOMPARE(m_server->get(str("labels")).status, 200);
    QCOMPARE(m_server->get(str("history?startHistoryId=1")).status, 404); // long expired
    const QJsonObject stats = m_server->stats();
    QCOMPARE(stats.value(str("messagesGetCalls")).toInt(), 3);
    QCOMPARE(stats.value(str("requests")).toObject().value(str("messages.list")).toInt(), 1);
    QCOMPARE(stats.value(str("unitsConsumed")).toInt(), 3 * 5 + 5 + 1 + 2);
    QCOMPARE(stats.value(str("responsesByStatus")).toObject().value(str("404")).toInt(), 1);
}

void TestGmailServer::quotaBurstGets429()
{
    QVERIFY(m_server->setQuota(kTestRate));
    m_server->resetStats();
    const QString id = someMessageId();
    QList<QNetworkReply *> replies;
    for (int i = 0; i < kBurstRequests; ++i)
        replies << m_server->network()->get(
            m_server->apiRequest(str("messages/%1?format=minimal").arg(id), m_server->token()));
    int ok = 0, limited = 0;
    for (QNetworkReply *reply : std::as_const(replies)) {
        if (!reply->isFinished())
            QVERIFY(QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000));
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 200) {
            ++ok;
        } else {
            QCOMPARE(status, 429);
            ++limited;
            const QByteArray retryAfter = reply->rawHeader("Retry-After");
            QVERIFY2(retryAfter.toInt() >= 1, retryAfter.constData());
            const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
            const QJsonObject error = body.value(str("error")).toObject();
            QCOMPARE(error.value(str("code")).toInt(), 429);
            QCOMPARE(error.value(str("status")).toString(), str("RESOURCE_EXHAUSTED"));
            QCOMPARE(error.value(str("errors")).toArray().first().toObject().value(str("reason")).toString(),
                     str("rateLimitExceeded"));
        }
        reply->deleteLater();
    }
    qInfo("burst of %d gets at %g units/s: %d served, %d got 429", kBurstRequests, kTestRate, ok, limited);
    // The bucket holds one second's units (20 gets) and refills while the burst is served.
    QVERIFY(ok >= int(kTestRate) / kGetUnits);
    QVERIFY(limited > 0);
    const QJsonObject stats = m_server->stats();
    QCOMPARE(stats.value(str("rateLimited429")).toInt(), limited);
    QVERIFY(stats.value(str("maxUnitsInAnySecond")).toDouble() <= 2 * kTestRate);
}

void TestGmailServer::quotaSteadyStateNeverExceedsTheRate()
{
    QVERIFY(m_server->setQuota(kTestRate));
    m_server->resetStats();
    const QString path = str("messages/%1?format=minimal").arg(someMessageId());
    int served = 0;
    int inFlight = 0;
    QElapsedTimer clock;
    clock.start();
    std::function<void()> launch = [&] {
        ++inFlight;
        QNetworkReply *reply = m_server->network()->get(m_server->apiRequest(path, m_server->token()));
        QObject::connect(reply, &QNetworkReply::finished, reply, [&, reply] {
            --inFlight;
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200)
                ++served;
            reply->deleteLater();
            if (clock.elapsed() < kSteadyMs)
                launch();
        });
    };
    for (int i = 0; i < kSteadyInFlight; ++i)
        launch();
    QVERIFY(QTest::qWaitFor([&] { return clock.elapsed() >= kSteadyMs && inFlight == 0; }, kSteadyMs + 10000));
    const double seconds = clock.elapsed() / 1000.0;
    const QJsonObject stats = m_server->stats();
    const double maxWindow = stats.value(str("maxUnitsInAnySecond")).toDouble();
    qInfo("%d gets served in %.2f s at %g units/s; max units in any second %g; %d answered 429", served, seconds,
          kTestRate, maxWindow, stats.value(str("rateLimited429")).toInt());
    QVERIFY2(maxWindow <= 2 * kTestRate, "never more than the rate plus one burst in any second");
    QVERIFY(served * kGetUnits <= kTestRate + kTestRate * seconds);
    QVERIFY2(served * kGetUnits >= 0.8 * kTestRate * seconds, "a saturating client still gets the full rate");
}

void TestGmailServer::overQuotaCanAnswer403()
{
    QVERIFY(m_server->setQuota(kTestRate, kGetUnits, 1.0));
    const QString path = str("messages/%1?format=minimal").arg(someMessageId());
    QCOMPARE(m_server->get(path).status, 200);
    const GmailHttpReply limited = m_server->get(path);
    QCOMPARE(limited.status, 403);
    QVERIFY(limited.header("Retry-After").toInt() >= 1);
    QCOMPARE(limited.json(), googleError(403, str("User Rate Limit Exceeded"), str("usageLimits"),
                                         str("userRateLimitExceeded"), str("PERMISSION_DENIED")));
}

void TestGmailServer::faults_data()
{
    QTest::addColumn<QByteArray>("rule");
    QTest::addColumn<QList<int>>("statuses"); // per successive messages.get; 0: no HTTP answer
    QTest::addColumn<QString>("reason");      // of the first answer's error, if any
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("timeoutMs");
    QTest::addColumn<int>("minElapsedMs");
    const QList<int> ok{200};
    QTest::newRow("500 backendError three times")
        << QByteArray(R"({"method":"messages.get","status":500,"reason":"backendError","count":3})")
        << QList<int>{500, 500, 500, 200} << str("backendError") << QByteArray("application/json") << 5000 << 0;
    QTest::newRow("503 once") << QByteArray(R"({"method":"messages.*","status":503,"count":1})") << QList<int>{503, 200}
                              << str("backendError") << QByteArray() << 5000 << 0;
    QTest::newRow("429 storm of two") << QByteArray(R"({"status":429,"count":2,"retryAfter":7})")
                                      << QList<int>{429, 429, 200} << str("rateLimitExceeded") << QByteArray() << 5000
                                      << 0;
    QTest::newRow("after two, once") << QByteArray(R"({"method":"messages.get","status":500,"after":2,"count":1})")
                                     << QList<int>{200, 200, 500, 200} << QString() << QByteArray() << 5000 << 0;
    QTest::newRow("other methods untouched")
        << QByteArray(R"({"method":"history.list","status":500})") << ok << QString() << QByteArray() << 5000 << 0;
    QTest::newRow("captive portal HTML") << QByteArray(R"({"method":"*","html":true,"count":1})")
                                         << QList<int>{200, 200} << QString() << QByteArray("text/html") << 5000 << 0;
    QTest::newRow("latency") << QByteArray(R"({"latencyMs":150})") << QList<int>{200, 200} << QString() << QByteArray()
                             << 5000 << 150;
    // Unlimited: Qt resends a request once by itself when a kept-alive connection drops.
    QTest::newRow("connection reset") << QByteArray(R"({"method":"messages.get","reset":true})") << QList<int>{0}
                                      << QString() << QByteArray() << 5000 << 0;
    QTest::newRow("stall until the client gives up")
        << QByteArray(R"({"method":"messages.get","stall":true})") << QList<int>{0} << QString() << QByteArray()
        << kStallTimeoutMs << kStallMinElapsedMs;
    QTest::newRow("truncated body") << QByteArray(R"({"method":"messages.get","truncate":true})") << QList<int>{-1}
                                    << QString() << QByteArray() << 5000 << 0;
}

void TestGmailServer::faults()
{
    QFETCH(QByteArray, rule);
    QFETCH(QList<int>, statuses);
    QFETCH(QString, reason);
    QFETCH(QByteArray, contentType);
    QFETCH(int, timeoutMs);
    QFETCH(int, minElapsedMs);
    QVERIFY(m_server->addFault(QJsonDocument::fromJson(rule).object()));
    const QString path = str("messages/%1?format=raw").arg(someMessageId());
    for (int i = 0; i < statuses.size(); ++i) {
        const GmailHttpReply reply = m_server->get(path, timeoutMs);
        const int expected = statuses.at(i);
        if (expected == -1) {
            // Headers promised more than came: whatever the status line said, the transfer must fail.
            QVERIFY2(reply.error != QNetworkReply::NoError, "a truncated body is an error");
        } else {
            QCOMPARE(reply.status, expected);
            if (expected == 0)
                QVERIFY(reply.error != QNetworkReply::NoError);
        }
        if (i == 0) {
            if (!reason.isEmpty())
                QCOMPARE(reply.json()
                             .value(str("error"))
                             .toObject()
                             .value(str("errors"))
                             .toArray()
                             .first()
                             .toObject()
                             .value(str("reason"))
                             .toString(),
                         reason);
            if (!contentType.isEmpty())
                QVERIFY2(reply.header("Content-Type").startsWith(contentType),
                         reply.header("Content-Type").constData());
            QVERIFY2(reply.elapsedMs >= minElapsedMs, qPrintable(QString::number(reply.elapsedMs)));
            if (rule.contains("retryAfter"))
                QCOMPARE(reply.header("Retry-After"), QByteArray("7"));
        }
    }
    QVERIFY(m_server->stats().value(str("faultsInjected")).toInt() > 0 || statuses == QList<int>{200});
}

void TestGmailServer::introspectedTokensAreCached()
{
    IntrospectionStub stub;
    QVERIFY(stub.listen());
    GmailServerOptions options;
    options.messages = 20;
    options.tokens = {};
    options.introspectUrl = stub.url();
    GmailServer server(options);
    const QString error = server.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(server.getWithToken(str("profile"), str("good-jwt")).status, 200);
    QCOMPARE(server.getWithToken(str("labels"), str("good-jwt")).status, 200);
    QCOMPARE(stub.calls, 1); // a positive answer is cached
    const GmailHttpReply bad = server.getWithToken(str("profile"), str("forged-jwt"));
    QCOMPARE(bad.status, 401);
    QVERIFY(bad.header("WWW-Authenticate").contains("error=\"invalid_token\""));
    QCOMPARE(stub.calls, 2);
    QCOMPARE(server.stats().value(str("introspectionCalls")).toInt(), 2);
}

QTEST_MAIN(TestGmailServer)
#include "tst_gmailserver.moc"
