#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;

namespace vaulttray::test {

// How to start the fake Gmail API (tests/gmail-server/gmail_fake.py). The mailbox is a pure function of
// (messages, seed); the quota is Gmail's per-user default unless a test changes it.
struct GmailServerOptions
{
    int messages = 300;
    int seed = 1;
    // The OAuth mock's default account (tests/oauth-server), so profile and sign-in agree.
    QString email = QStringLiteral("alice@example.org");
    // Access tokens the server accepts from the start; more through registerTokens().
    QStringList tokens{QStringLiteral("test-access-token")};
    // Quota units per second per user; 0 lifts the quota. burst < 0: one second's worth.
    double unitsPerSecond = 250;
    double burst = -1;
    // Added to every API request (as {"latencyMs": N} in faults).
    int latencyMs = 0;
    // RFC 7662 endpoint that vouches for tokens not registered (e.g. the OAuth mock's /introspect-jwt).
    QString introspectUrl;
    // Build every message before reporting ready, so a benchmark does not time the generator.
    bool warm = false;
    QStringList extraArguments;
};

// One HTTP exchange. status is 0 when no HTTP answer came (reset, stall, refused).
struct GmailHttpReply
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    qint64 elapsedMs = 0;

    QJsonObject json() const;
    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
};

// Starts the fake Gmail API server on 127.0.0.1 (a free port), knows its address, drives its
// /__control/ endpoints and kills it when destroyed. The server dies with the test process too.
// The synchronous helpers spin a local event loop; call them from the thread that owns the object.
class GmailServer
{
public:
    explicit GmailServer(GmailServerOptions options = {});
    ~GmailServer();
    GmailServer(const GmailServer &) = delete;
    GmailServer &operator=(const GmailServer &) = delete;

    // Empty on success, else what went wrong.
    QString start();
    void stop();
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }

    quint16 port() const { return m_port; }
    // The API root, standing in for https://gmail.googleapis.com.
    QUrl baseUrl() const;
    // baseUrl() + /gmail/v1/users/me/ + pathAndQuery (e.g. "messages?maxResults=500").
    QUrl apiUrl(const QString &pathAndQuery) const;
    QString email() const { return m_options.email; }
    QString token() const { return m_options.tokens.value(0); }
    // What the server reported when ready.
    QString initialHistoryId() const { return m_ready.value(QStringLiteral("historyId")).toString(); }
    int initialMessages() const { return m_ready.value(QStringLiteral("messages")).toInt(); }
    qint64 readyAfterMs() const { return m_readyAfterMs; }

    // A request to the API with "Authorization: Bearer token" (the first option token by default;
    // an empty QString() sends none).
    QNetworkRequest apiRequest(const QString &pathAndQuery, const QString &token) const;
    GmailHttpReply get(const QString &pathAndQuery, int timeoutMs = kDefaultTimeoutMs);
    GmailHttpReply getWithToken(const QString &pathAndQuery, const QString &token, int timeoutMs = kDefaultTimeoutMs);
    GmailHttpReply send(const QNetworkRequest &request, const QByteArray &verb, const QByteArray &body = {});

    // Any /__control/ endpoint: control("POST", "faults", QJsonObject{...}).
    GmailHttpReply control(const QByteArray &verb, const QString &path, const QJsonValue &body = {});
    QJsonObject stats();
    void resetStats();
    QByteArray raw(const QString &messageId);
    // Every message the server holds: id, threadId, labelIds, historyId, internalDate (newest first).
    QJsonArray allMessages(bool includeSpamTrash = true);
    bool registerTokens(const QStringList &tokens);
    bool revokeTokens(const QStringList &tokens);
    bool addFault(const QJsonObject &rule);
    bool clearFaults();
    // Every connection open now gets no answer any more (until clearFaults()), as after a sleep; see the README.
    bool strandConnections();
    bool setQuota(double unitsPerSecond, double burst = -1, double forbiddenShare = 0);
    // Mailbox changes, each recorded in history as Gmail would. Return the server's answer
    // ({"messages": [...]} or {"historyIds": [...]}, plus "historyId"); empty on failure.
    QJsonObject addMessages(int count, const QStringList &labelIds = {}, const QString &threadId = {});
    QJsonObject modifyLabels(const QStringList &ids, const QStringList &add, const QStringList &remove);
    QJsonObject trash(const QStringList &ids);
    QJsonObject deletePermanently(const QStringList &ids);
    // History older than this id is forgotten: an older startHistoryId gets Gmail's 404.
    QJsonObject expireHistory(const QString &oldestRetainedHistoryId);

    QNetworkAccessManager *network();

    static constexpr int kDefaultTimeoutMs = 30000;

private:
    QJsonObject controlObject(const QByteArray &verb, const QString &path, const QJsonValue &body);

    GmailServerOptions m_options;
    QProcess m_process;
    quint16 m_port = 0;
    QJsonObject m_ready;
    qint64 m_readyAfterMs = 0;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

// Decodes Gmail's base64url (with or without padding); empty and ok=false on any invalid character.
QByteArray decodeBase64Url(const QByteArray &text, bool *ok = nullptr);

} // namespace vaulttray::test
