// GmailApi's rules for the API root (https anywhere, plain http on loopback only, VAULTTRAY_GMAIL_API_BASE), the
// URLs it builds, and a job on a refused root: ClientMisconfigured, with no token asked for and nothing sent.
#include "core/clock.h"
#include "net/gmail/accesstokensource.h"
#include "net/gmail/getprofilejob.h"
#include "net/gmail/gmailapi.h"
#include "net/gmail/listmessagesjob.h"
#include "net/gmail/quotalimiter.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace vaulttray;

namespace {

class CountingTokenSource final : public AccessTokenSource
{
public:
    int requests = 0;
    void accessToken(QObject *, std::function<void(const Failure &, const QString &)> done) override
    {
        ++requests;
        done(Failure::none(), QStringLiteral("unit-test-token"));
    }
    void invalidate(const QString &) override {}
};

// Counts what would go on the wire.
class CountingNetwork final : public QNetworkAccessManager
{
public:
    int created = 0;

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *data) override
    {
        ++created;
        return QNetworkAccessManager::createRequest(op, request, data);
    }
};

} // namespace

class TestGmailApi : public QObject
{
    Q_OBJECT

private slots:
    void baseUrl_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("accepted");

        QTest::newRow("Google's") << QStringLiteral("https://gmail.googleapis.com") << true;
        QTest::newRow("https elsewhere") << QStringLiteral("https://gmail.example.org:8443/prefix") << true;
        QTest::newRow("http on 127.0.0.1") << QStringLiteral("http://127.0.0.1:41234") << true;
        QTest::newRow("http on 127.0.0.2 (127/8)") << QStringLiteral("http://127.0.0.2:41234") << true;
        QTest::newRow("http on localhost") << QStringLiteral("http://localhost:8080") << true;
        QTest::newRow("http on ::1") << QStringLiteral("http://[::1]:8080") << true;
        QTest::newRow("http on the LAN") << QStringLiteral("http://192.168.1.20:8080") << false;
        QTest::newRow("http on Google's host") << QStringLiteral("http://gmail.googleapis.com") << false;
        QTest::newRow("http on a name that only looks local")
            << QStringLiteral("http://localhost.example.org") << false;
        QTest::newRow("ftp") << QStringLiteral("ftp://127.0.0.1") << false;
        QTest::newRow("relative") << QStringLiteral("/gmail") << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("with a query") << QStringLiteral("https://gmail.googleapis.com/?key=1") << false;
        QTest::newRow("with credentials") << QStringLiteral("https://u:p@gmail.googleapis.com") << false;
    }

    void baseUrl()
    {
        QFETCH(QString, url);
        QFETCH(bool, accepted);

        QNetworkAccessManager network;
        SystemClock clock;
        CountingTokenSource tokens;
        QuotaLimiter limiter(clock);
        GmailApi api(&network, clock, tokens, limiter);
        QVERIFY(api.baseUrlFailure().ok()); // Google's by default
        const Failure failure = api.setBaseUrl(QUrl(url));
        QCOMPARE(failure.ok(), accepted);
        QCOMPARE(api.baseUrlFailure().ok(), accepted);
        if (!accepted) {
            QCOMPARE(toString(failure.kind), toString(FailureKind::ClientMisconfigured));
            QVERIFY2(!failure.detail.contains(QLatin1String("u:p")), "no credentials in the detail");
        }
    }

    void environment_data()
    {
        QTest::addColumn<QByteArray>("value"); // empty: unset
        QTest::addColumn<QString>("expected");

        QTest::newRow("unset: Google's") << QByteArray() << QStringLiteral("https://gmail.googleapis.com");
        QTest::newRow("blank: Google's") << QByteArray("  ") << QStringLiteral("https://gmail.googleapis.com");
        QTest::newRow("a local server") << QByteArray("http://127.0.0.1:5000")
                                        << QStringLiteral("http://127.0.0.1:5000");
        QTest::newRow("trimmed") << QByteArray(" https://example.org ") << QStringLiteral("https://example.org");
    }

    void environment()
    {
        QFETCH(QByteArray, value);
        QFETCH(QString, expected);
        if (value.isNull())
            qunsetenv(kGmailApiBaseEnvironmentVariable);
        else
            qputenv(kGmailApiBaseEnvironmentVariable, value);
        QCOMPARE(gmailApiBaseFromEnvironment().toString(), expected);
        qunsetenv(kGmailApiBaseEnvironmentVariable);
    }

    void endpoint_data()
    {
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("expected");

        QTest::newRow("Google's") << QStringLiteral("https://gmail.googleapis.com")
                                  << QStringLiteral("https://gmail.googleapis.com/gmail/v1/users/me/messages");
        QTest::newRow("trailing slash") << QStringLiteral("http://127.0.0.1:5000/")
                                        << QStringLiteral("http://127.0.0.1:5000/gmail/v1/users/me/messages");
        QTest::newRow("a path prefix") << QStringLiteral("https://proxy.example.org/google/")
                                       << QStringLiteral("https://proxy.example.org/google/gmail/v1/users/me/messages");
    }

    void endpoint()
    {
        QFETCH(QString, base);
        QFETCH(QString, expected);

        QNetworkAccessManager network;
        SystemClock clock;
        CountingTokenSource tokens;
        QuotaLimiter limiter(clock);
        GmailApi api(&network, clock, tokens, limiter);
        QVERIFY(api.setBaseUrl(QUrl(base)).ok());
        QCOMPARE(api.endpoint(QStringLiteral("messages")).toString(), expected);
    }

    // An opaque page token reaches Google as given, whatever characters it holds.
    void queryValuesArriveIntact()
    {
        QNetworkAccessManager network;
        SystemClock clock;
        CountingTokenSource tokens;
        QuotaLimiter limiter(clock);
        GmailApi api(&network, clock, tokens, limiter);
        const QString token = QStringLiteral("a+b/c=d&e f%20ü");
        const QUrl url =
            api.endpoint(QStringLiteral("history"), {{QStringLiteral("pageToken"), token},
                                                     {QStringLiteral("historyTypes"), QStringLiteral("messageAdded")},
                                                     {QStringLiteral("historyTypes"), QStringLiteral("labelAdded")}});
        const QUrlQuery query(url);
        QCOMPARE(query.queryItemValue(QStringLiteral("pageToken"), QUrl::FullyDecoded), token);
        QCOMPARE(query.allQueryItemValues(QStringLiteral("historyTypes")),
                 (QStringList{QStringLiteral("messageAdded"), QStringLiteral("labelAdded")}));
        QVERIFY2(!url.toString(QUrl::FullyEncoded).contains(QLatin1Char('+')), "'+' would read as a space");
    }

    void jobOnARefusedRootSendsNothing()
    {
        CountingNetwork network;
        SystemClock clock;
        CountingTokenSource tokens;
        QuotaLimiter limiter(clock);
        GmailApi api(&network, clock, tokens, limiter);
        QVERIFY(!api.setBaseUrl(QUrl(QStringLiteral("http://192.168.1.20:8080"))).ok());

        auto *job = new ListMessagesJob(api);
        QSignalSpy spy(job, &ListMessagesJob::finished);
        QSignalSpy destroyed(job, &QObject::destroyed);
        job->start();
        QCOMPARE(spy.count(), 0); // never from inside start()
        QVERIFY(destroyed.wait());
        QCOMPARE(spy.count(), 1);
        const auto result = spy.at(0).at(0).value<GmailMessageListResult>();
        QCOMPARE(toString(result.failure.kind), toString(FailureKind::ClientMisconfigured));
        QCOMPARE(tokens.requests, 0);
        QCOMPARE(network.created, 0);
        QCOMPARE(limiter.inFlight(), 0);
    }

    void cancelWhileQueuedEndsCancelledAndFreesNothingItDidNotHold()
    {
        CountingNetwork network;
        SystemClock clock;
        CountingTokenSource tokens;
        QuotaLimiter limiter(clock, gmailquota::kDefaultUnitsPerSecond, 1);
        GmailApi api(&network, clock, tokens, limiter);
        limiter.acquire(1, [] {}); // the one slot, held for the whole test

        auto *job = new GetProfileJob(api);
        QSignalSpy spy(job, &GetProfileJob::finished);
        QSignalSpy destroyed(job, &QObject::destroyed);
        job->start();
        QTRY_COMPARE(limiter.queued(), 1);
        job->cancel();
        QVERIFY(destroyed.wait());
        QCOMPARE(spy.count(), 1);
        QCOMPARE(toString(spy.at(0).at(0).value<GmailProfileResult>().failure.kind), toString(FailureKind::Cancelled));
        limiter.release();
        QCOMPARE(limiter.inFlight(), 0); // the dropped job did not take the freed slot
        QCOMPARE(limiter.queued(), 0);
        QCOMPARE(network.created, 0);
        QCOMPARE(tokens.requests, 0);
    }
};

QTEST_GUILESS_MAIN(TestGmailApi)
#include "tst_gmailapi.moc"
