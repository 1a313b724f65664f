// What goes wrong between the Gmail client and the API, over real sockets to the local Gmail API server, and how
// each is classified: a refused access token (one invalidation, one retry, never a prompt by itself), server
// errors, quota refusals, a captive portal, a stalled, reset or cut-off answer, a refused connection.
#include "fixedtokensource.h"
#include "gmailjobrunner.h"
#include "gmailserver.h"

#include "core/clock.h"
#include "net/gmail/getprofilejob.h"
#include "net/gmail/getrawmessagejob.h"
#include "net/gmail/gmailapi.h"
#include "net/gmail/quotalimiter.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace vaulttray;
using namespace vaulttray::test;
using namespace std::chrono_literals;

namespace {

constexpr int kMessages = 40;
// Short, so the stalled case is quick; a local answer takes milliseconds.
constexpr std::chrono::milliseconds kShortTransferTimeout{400};
// Qt's transfer timeout runs on a coarse timer (up to 5% early).
constexpr qint64 kStallMinElapsedMs = kShortTransferTimeout.count() * 9 / 10;
constexpr qint64 kOneSecondPauseMs = 900; // Retry-After: 1, less the coarse-timer slack

QString str(const char *s)
{
    return QString::fromLatin1(s);
}

QString kindName(FailureKind kind)
{
    return toString(kind);
}

} // namespace

class TestGmailFailures : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        GmailServerOptions options;
        options.messages = kMessages;
        m_server = std::make_unique<GmailServer>(options);
        const QString error = m_server->start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_messageId = m_server->allMessages(true).first().toObject().value(str("id")).toString();
        QVERIFY(!m_messageId.isEmpty());
    }

    // A fresh limiter per case: one case's Retry-After must not pause the next.
    void init()
    {
        QVERIFY(m_server->clearFaults());
        m_server->resetStats();
        m_tokens = std::make_unique<FixedTokenSource>(QStringList{m_server->token()});
        m_limiter = std::make_unique<QuotaLimiter>(m_clock);
        m_api = std::make_unique<GmailApi>(&m_network, m_clock, *m_tokens, *m_limiter);
        QVERIFY(m_api->setBaseUrl(m_server->baseUrl()).ok());
    }

    void cleanup() { QVERIFY(m_server->clearFaults()); }

    void cleanupTestCase() { m_server.reset(); }

    // ---- the access token ----

    void refusedTokenIsRefreshedOnceAndRetried()
    {
        QVERIFY(m_server->registerTokens({str("token-1"), str("token-2")}));
        QVERIFY(m_server->revokeTokens({str("token-1")})); // expired at Google
        m_tokens->reset({str("token-1"), str("token-2")});

        auto *job = new GetProfileJob(*m_api);
        const auto result = runJob<GmailProfileResult>(job);
        QVERIFY(result);
        QVERIFY2(result->ok(), qPrintable(result->failure.detail));
        QCOMPARE(m_tokens->invalidated, QStringList{str("token-1")});
        QCOMPARE(m_tokens->requests, 2);
        const QJsonObject stats = m_server->stats();
        QCOMPARE(stats.value(str("unauthenticated")).toInt(), 1);
        QCOMPARE(stats.value(str("requests")).toObject().value(str("getProfile")).toInt(), 2);
    }

    void refusedRefreshIsTheResult()
    {
        QVERIFY(m_server->registerTokens({str("token-3")}));
        QVERIFY(m_server->revokeTokens({str("token-3")}));
        m_tokens->reset({str("token-3")}); // and then the refresh token is refused: invalid_grant

        const auto result = runJob<GmailProfileResult>(new GetProfileJob(*m_api));
        QVERIFY(result);
        QCOMPARE(kindName(result->failure.kind), kindName(FailureKind::CredentialRejected));
        QCOMPARE(m_tokens->invalidated, QStringList{str("token-3")});
        QCOMPARE(m_server->stats().value(str("requestsTotal")).toInt(), 1);
    }

    // Two refusals in a row (a clock far off, a token for another project): no loop, and no sign-in prompt either.
    void aSecondRefusalIsNotRetried()
    {
        m_tokens->reset({str("unknown-1"), str("unknown-2"), str("unknown-3")});
        const auto result = runJob<GmailProfileResult>(new GetProfileJob(*m_api));
        QVERIFY(result);
        QCOMPARE(kindName(result->failure.kind), kindName(FailureKind::ServerTransient));
        QCOMPARE(m_tokens->invalidated, QStringList{str("unknown-1")});
        QCOMPARE(m_server->stats().value(str("unauthenticated")).toInt(), 2);
        QCOMPARE(m_server->stats().value(str("requestsTotal")).toInt(), 2);
    }

    // ---- faults ----

    void classified_data()
    {
        QTest::addColumn<QByteArray>("rule");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("attempts");   // requests the job sent
        QTest::addColumn<int>("retryAfter"); // seconds on the failure; -1: none
        QTest::addColumn<qint64>("minElapsedMs");

        const QString ok = kindName(FailureKind::None);
        const QString net = kindName(FailureKind::NetworkTransient);
        const QString server = kindName(FailureKind::ServerTransient);
        QTest::newRow("500 backendError")
            << QByteArray(R"({"status":500,"reason":"backendError","count":1})") << server << 1 << -1 << qint64(0);
        QTest::newRow("503 with Retry-After")
            << QByteArray(R"({"status":503,"reason":"backendError","retryAfter":30,"count":1})") << server << 1 << 30
            << qint64(0);
        QTest::newRow("403 dailyLimitExceeded: an hour at least, not retried here")
            << QByteArray(R"({"status":403,"reason":"dailyLimitExceeded","domain":"usageLimits","count":1})") << server
            << 1 << 3600 << qint64(0);
        QTest::newRow("403 insufficientPermissions")
            << QByteArray(R"({"status":403,"reason":"insufficientPermissions","count":1})")
            << kindName(FailureKind::ClientMisconfigured) << 1 << -1 << qint64(0);
        QTest::newRow("429 once: paused for Retry-After, retried, done")
            << QByteArray(R"({"status":429,"reason":"rateLimitExceeded","retryAfter":1,"count":1})") << ok << 2 << -1
            << kOneSecondPauseMs;
        QTest::newRow("403 userRateLimitExceeded twice: retried")
            << QByteArray(
                   R"({"status":403,"reason":"userRateLimitExceeded","domain":"usageLimits","retryAfter":0,"count":2})")
            << ok << 3 << -1 << qint64(0);
        QTest::newRow("429 with a long Retry-After: the scheduler's to wait")
            << QByteArray(R"({"status":429,"reason":"rateLimitExceeded","retryAfter":300,"count":1})") << server << 1
            << 300 << qint64(0);
        QTest::newRow("captive portal: HTML with 200") << QByteArray(R"({"html":true})") << net << 1 << -1 << qint64(0);
        QTest::newRow("stalled: our transfer timeout")
            << QByteArray(R"({"stall":true,"stallMs":5000})") << net << 1 << -1 << kStallMinElapsedMs;
        // No count: Qt resends once by itself when a kept-alive connection drops.
        QTest::newRow("connection reset") << QByteArray(R"({"reset":true})") << net << 1 << -1 << qint64(0);
        QTest::newRow("answer cut off") << QByteArray(R"({"truncate":true})") << net << 1 << -1 << qint64(0);
    }

    void classified()
    {
        QFETCH(QByteArray, rule);
        QFETCH(QString, kind);
        QFETCH(int, attempts);
        QFETCH(int, retryAfter);
        QFETCH(qint64, minElapsedMs);

        QJsonObject fault = QJsonDocument::fromJson(rule).object();
        fault.insert(str("method"), str("messages.get"));
        QVERIFY(m_server->addFault(fault));
        auto *job = new GetRawMessageJob(*m_api, m_messageId);
        job->setTransferTimeout(kShortTransferTimeout);
        QSignalSpy destroyed(job, &QObject::destroyed);
        QElapsedTimer elapsed;
        elapsed.start();
        const auto result = runJob<GmailRawMessageResult>(job);
        QVERIFY(result);
        QCOMPARE(kindName(result->failure.kind), kind);
        QVERIFY2(elapsed.elapsed() >= minElapsedMs, qPrintable(QString::number(elapsed.elapsed())));
        if (result->ok())
            QCOMPARE(result->message.raw, m_server->raw(m_messageId));
        if (retryAfter >= 0) {
            QVERIFY(result->failure.retryAfter);
            QVERIFY2(result->failure.retryAfter->count() >= retryAfter,
                     qPrintable(QString::number(result->failure.retryAfter->count())));
        } else if (!result->ok()) {
            QVERIFY(!result->failure.retryAfter);
        }
        QVERIFY(destroyed.count() == 1 || destroyed.wait());
        QCOMPARE(m_limiter->inFlight(), 0);
        QVERIFY2(!result->failure.detail.contains(m_server->token()), "no token in the detail");
        // Requests the server saw for the message (a reset one may be resent once by Qt itself).
        const int served = m_server->stats().value(str("messagesGetCalls")).toInt();
        QVERIFY2(served >= attempts && served <= attempts + 1, qPrintable(QString::number(served)));
        QCOMPARE(m_tokens->invalidated, QStringList());
    }

    void connectionRefused()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close(); // nothing listens there now
        QVERIFY(m_api->setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port))).ok());
        const auto result = runJob<GmailProfileResult>(new GetProfileJob(*m_api));
        QVERIFY(result);
        QCOMPARE(kindName(result->failure.kind), kindName(FailureKind::NetworkTransient));
        QCOMPARE(m_limiter->inFlight(), 0);
    }

    void cancelInFlightEndsCancelled()
    {
        QVERIFY(m_server->addFault(
            QJsonObject{{str("method"), str("getProfile")}, {str("stall"), true}, {str("stallMs"), 5000}}));
        auto *job = new GetProfileJob(*m_api);
        QSignalSpy spy(job, &GetProfileJob::finished);
        job->start();
        QTRY_COMPARE(m_server->stats().value(str("inFlight")).toInt(), 1);
        job->cancel();
        QVERIFY(spy.wait());
        QCOMPARE(kindName(spy.at(0).at(0).value<GmailProfileResult>().failure.kind), kindName(FailureKind::Cancelled));
        QCOMPARE(m_limiter->inFlight(), 0);
    }

private:
    std::unique_ptr<GmailServer> m_server;
    QNetworkAccessManager m_network;
    SystemClock m_clock;
    std::unique_ptr<FixedTokenSource> m_tokens;
    std::unique_ptr<QuotaLimiter> m_limiter;
    std::unique_ptr<GmailApi> m_api;
    QString m_messageId;
};

QTEST_GUILESS_MAIN(TestGmailFailures)
#include "tst_gmailfailures.moc"
