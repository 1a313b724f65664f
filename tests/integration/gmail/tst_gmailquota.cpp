// The quota limiter against a server that enforces a quota of its own, lower than Gmail's default that the client
// starts with: a storm of 429 and 403 userRateLimitExceeded answers slows the client down until it fits, every
// request still completes, and in the steady state that follows the server refuses nothing and never sees more
// than its rate in any second.
#include "fixedtokensource.h"
#include "gmailjobrunner.h"
#include "gmailserver.h"

#include "core/clock.h"
#include "net/gmail/getrawmessagejob.h"
#include "net/gmail/gmailapi.h"
#include "net/gmail/quotalimiter.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QTest>

#include <memory>

using namespace vaulttray;
using namespace vaulttray::test;

namespace {

constexpr int kMessages = 120;
// The server's quota: 100 units/s (20 messages.get/s) with a small bucket, so the client's default 250 units/s
// meets refusals at once and twice halves (250 → 125 → 62.5) into it.
constexpr double kServerUnitsPerSecond = 100;
constexpr double kServerBurst = 20;
constexpr double kForbiddenShare = 0.3; // some refusals come as 403 userRateLimitExceeded
constexpr int kStormRequests = 50;
constexpr int kSteadyRequests = 40;
// Both phases take ~4 s at the paced rate; this only stops a hung run.
constexpr int kPhaseTimeoutMs = 40000;

QString str(const char *s)
{
    return QString::fromLatin1(s);
}

} // namespace

class TestGmailQuota : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        GmailServerOptions options;
        options.messages = kMessages;
        options.unitsPerSecond = kServerUnitsPerSecond;
        options.burst = kServerBurst;
        m_server = std::make_unique<GmailServer>(options);
        const QString error = m_server->start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(m_server->setQuota(kServerUnitsPerSecond, kServerBurst, kForbiddenShare));
        m_tokens = std::make_unique<FixedTokenSource>(QStringList{m_server->token()});
        m_api = std::make_unique<GmailApi>(&m_network, m_clock, *m_tokens, m_limiter);
        QVERIFY(m_api->setBaseUrl(m_server->baseUrl()).ok());
        const QJsonArray all = m_server->allMessages(true);
        for (const QJsonValue &v : all)
            m_ids << v.toObject().value(str("id")).toString();
        QVERIFY(m_ids.size() >= kStormRequests + kSteadyRequests);
        QCOMPARE(m_limiter.configuredUnitsPerSecond(), gmailquota::kDefaultUnitsPerSecond);
    }

    void cleanupTestCase() { m_server.reset(); }

    void stormSlowsTheClientAndEverythingCompletes()
    {
        m_server->resetStats();
        QElapsedTimer elapsed;
        elapsed.start();
        startFetching(m_ids.mid(0, kStormRequests));
        QTRY_COMPARE_WITH_TIMEOUT(m_results.size(), kStormRequests, kPhaseTimeoutMs);
        for (const GmailRawMessageResult &r : std::as_const(m_results))
            QVERIFY2(r.ok(), qPrintable(r.failure.detail));

        const QJsonObject stats = m_server->stats();
        const int refused = stats.value(str("rateLimited429")).toInt() + stats.value(str("rateLimited403")).toInt();
        qInfo("storm: %d refusals (%d as 403), %lld ms, the client now at %.1f units/s", refused,
              stats.value(str("rateLimited403")).toInt(), elapsed.elapsed(), m_limiter.unitsPerSecond(m_clock.now()));
        QVERIFY2(refused > 0, "the server refused nothing: no storm to test");
        QCOMPARE(m_limiter.rateLimitSignals(), refused);
        QCOMPARE(stats.value(str("messagesGetServed")).toInt(), kStormRequests);
        QVERIFY2(m_limiter.unitsPerSecond(m_clock.now()) < kServerUnitsPerSecond, "the client did not slow down");
        // Every refusal was answered by a pause, not hammered: no request came close to its retry limit.
        QVERIFY2(refused < kStormRequests, qPrintable(QString::number(refused)));
        QVERIFY(stats.value(str("maxInFlight")).toInt() <= QuotaLimiter::kDefaultMaxInFlight);
    }

    void steadyStateStaysWithinTheServersQuota()
    {
        // Judged by what the server saw, not by the limiter's own view of itself.
        m_server->resetStats();
        startFetching(m_ids.mid(kStormRequests, kSteadyRequests));
        QTRY_COMPARE_WITH_TIMEOUT(m_results.size(), kSteadyRequests, kPhaseTimeoutMs);
        for (const GmailRawMessageResult &r : std::as_const(m_results))
            QVERIFY2(r.ok(), qPrintable(r.failure.detail));

        const QJsonObject stats = m_server->stats();
        const int maxUnits = stats.value(str("maxUnitsInAnySecond")).toInt();
        qInfo("steady state: max %d units in any second (server quota %.0f), %d refusals", maxUnits,
              kServerUnitsPerSecond,
              stats.value(str("rateLimited429")).toInt() + stats.value(str("rateLimited403")).toInt());
        QCOMPARE(stats.value(str("rateLimited429")).toInt(), 0);
        QCOMPARE(stats.value(str("rateLimited403")).toInt(), 0);
        QVERIFY2(maxUnits <= kServerUnitsPerSecond, qPrintable(QString::number(maxUnits)));
        QCOMPARE(stats.value(str("unitsConsumed")).toInt(), kSteadyRequests * gmailquota::kMessagesGet);
    }

private:
    // All at once, as a sync engine would queue a page; the limiter decides when each goes.
    void startFetching(const QStringList &ids)
    {
        m_results.clear();
        for (const QString &id : ids) {
            auto *job = new GetRawMessageJob(*m_api, id);
            connect(job, &GetRawMessageJob::finished, this, [this](const GmailRawMessageResult &r) { m_results << r; });
            job->start();
        }
    }

    std::unique_ptr<GmailServer> m_server;
    QNetworkAccessManager m_network;
    SystemClock m_clock;
    QuotaLimiter m_limiter{m_clock};
    std::unique_ptr<FixedTokenSource> m_tokens;
    std::unique_ptr<GmailApi> m_api;
    QStringList m_ids;
    QList<GmailRawMessageResult> m_results;
};

QTEST_GUILESS_MAIN(TestGmailQuota)
#include "tst_gmailquota.moc"
