// TokenRefreshJob against a real OAuth server process and real sockets: every answer a refresh can get, from
// success and rotation to revocation, a misconfigured client, server trouble, a captive portal, a refused
// connection, a name that does not resolve and a peer that accepts and never answers — each classified by the
// failure taxonomy (only invalid_grant may ever lead to "sign in again").
#include "oauthserver.h"
#include "signin.h"

#include "fakes/fakeclock.h"
#include "net/oauth/tokenrefreshjob.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace vaulttray;
using namespace vaulttray::test;
using namespace std::chrono_literals;

namespace {

// Short, so the black-hole case is quick; a local server answers in milliseconds, far inside it.
constexpr std::chrono::milliseconds kShortTransferTimeout{400};
constexpr int kRetryAfterSeconds = 7;
constexpr qint64 kTokenLifetimeSecs = 3600; // what the test server grants

enum class Peer { TestServer, StoppedServer, UnresolvableHost, BlackHole, PlainHttpElsewhere };

// Waits (real I/O) for the job's one result.
std::optional<TokenResult> run(TokenRefreshJob *job)
{
    QSignalSpy spy(job, &TokenEndpointJob::finished);
    job->start();
    if (!spy.wait(int(kServerWait.count())))
        return std::nullopt;
    return spy.at(0).at(0).value<TokenResult>();
}

QString kindName(FailureKind kind)
{
    return toString(kind);
}

// A peer that accepts connections and never says a word: a firewall or a hung server holding the socket.
class BlackHole : public QTcpServer
{
public:
    int accepted = 0;

protected:
    void incomingConnection(qintptr handle) override
    {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(handle);
        ++accepted;
    }
};

} // namespace

Q_DECLARE_METATYPE(Peer)

class TestTokenRefreshJob : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        const SignInResult signedIn = signIn(m_server, &m_network, m_clock, QStringLiteral("ann@example.org"));
        QVERIFY2(signedIn.ok(), qPrintable(signedIn.failure.detail));
        QVERIFY(!signedIn.grant.refreshToken.isEmpty());
        m_refreshToken = signedIn.grant.refreshToken;
    }

    void init() { QVERIFY(m_server.reset()); }

    void refreshSucceedsWithExpiryOnTheWallClock()
    {
        TokenRefreshJob *job = new TokenRefreshJob(&m_network, m_clock, m_server.clientConfig(), m_refreshToken);
        const auto result = run(job);
        QVERIFY(result);
        QVERIFY2(result->ok(), qPrintable(result->failure.detail));
        QVERIFY(!result->grant.accessToken.isEmpty());
        // Expiry = the fake wall clock at send time + expires_in, so nothing here depends on the real time.
        QCOMPARE(result->grant.obtainedAt, m_clock.now());
        QCOMPARE(result->grant.expiresAt, m_clock.now().addSecs(kTokenLifetimeSecs));
        QVERIFY2(result->grant.refreshToken.isEmpty(), "Google does not rotate unless asked; neither does the server");
        QCOMPARE(m_server.tokenRequests(QStringLiteral("refresh_token")), 1);
    }

    void rotationHandsOverTheNewRefreshTokenAndRetiresTheOld()
    {
        QVERIFY(m_server.setRotation(true));
        const auto rotated = run(new TokenRefreshJob(&m_network, m_clock, m_server.clientConfig(), m_refreshToken));
        QVERIFY(rotated);
        QVERIFY2(rotated->ok(), qPrintable(rotated->failure.detail));
        QVERIFY(!rotated->grant.refreshToken.isEmpty());
        QVERIFY(rotated->grant.refreshToken != m_refreshToken);

        // The server retired the old token: whoever did not store the new one is signed out.
        const auto old = run(new TokenRefreshJob(&m_network, m_clock, m_server.clientConfig(), m_refreshToken));
        QVERIFY(old);
        QCOMPARE(kindName(old->failure.kind), kindName(FailureKind::CredentialRejected));

        m_refreshToken = rotated->grant.refreshToken; // the later tests go on with the live one
        QVERIFY(m_server.setRotation(false));
        const auto again = run(new TokenRefreshJob(&m_network, m_clock, m_server.clientConfig(), m_refreshToken));
        QVERIFY(again);
        QVERIFY2(again->ok(), qPrintable(again->failure.detail));
    }

    void classified_data()
    {
        QTest::addColumn<Peer>("peer");
        QTest::addColumn<QString>("forced");  // the server's next refresh answer; empty: none forced
        QTest::addColumn<QString>("refresh"); // "live" or a token the server never issued
        QTest::addColumn<QString>("secret");  // "right" or "wrong" client secret
        QTest::addColumn<FailureKind>("expected");
        QTest::addColumn<QString>("detailHas");

        const QString live = QStringLiteral("live");
        const QString right = QStringLiteral("right");
        QTest::newRow("invalid_grant (revoked) -> CredentialRejected")
            << Peer::TestServer << "invalid_grant" << live << right << FailureKind::CredentialRejected
            << "invalid_grant";
        QTest::newRow("refresh token the server never issued -> CredentialRejected")
            << Peer::TestServer << ""
            << "1//never-issued-token" << right << FailureKind::CredentialRejected << "invalid_grant";
        QTest::newRow("invalid_client -> ClientMisconfigured") << Peer::TestServer << "invalid_client" << live << right
                                                               << FailureKind::ClientMisconfigured << "invalid_client";
        QTest::newRow("wrong client secret, checked by the server -> ClientMisconfigured")
            << Peer::TestServer << "" << live << "wrong" << FailureKind::ClientMisconfigured << "invalid_client";
        QTest::newRow("unauthorized_client -> ClientMisconfigured")
            << Peer::TestServer << "unauthorized_client" << live << right << FailureKind::ClientMisconfigured
            << "unauthorized_client";
        QTest::newRow("HTTP 500 with Google's HTML error page -> ServerTransient")
            << Peer::TestServer << "http500" << live << right << FailureKind::ServerTransient << "HTTP 500";
        QTest::newRow("HTTP 503 + Retry-After -> ServerTransient")
            << Peer::TestServer << "http503" << live << right << FailureKind::ServerTransient << "HTTP 503";
        QTest::newRow("captive portal: HTML with 200 -> NetworkTransient")
            << Peer::TestServer << "html200" << live << right << FailureKind::NetworkTransient << "HTML";
        QTest::newRow("server stopped: connection refused -> NetworkTransient")
            << Peer::StoppedServer << "" << live << right << FailureKind::NetworkTransient << "refused";
        QTest::newRow("unresolvable host (.invalid) -> NetworkTransient")
            << Peer::UnresolvableHost << "" << live << right << FailureKind::NetworkTransient << "host not found";
        QTest::newRow("black-holed port: transfer timeout -> NetworkTransient")
            << Peer::BlackHole << "" << live << right << FailureKind::NetworkTransient << "timed out";
        QTest::newRow("plain http to a non-loopback host: refused before sending")
            << Peer::PlainHttpElsewhere << "" << live << right << FailureKind::ClientMisconfigured << "plain http";
    }

    void classified()
    {
        QFETCH(Peer, peer);
        QFETCH(QString, forced);
        QFETCH(QString, refresh);
        QFETCH(QString, secret);
        QFETCH(FailureKind, expected);
        QFETCH(QString, detailHas);

        ClientConfig client = m_server.clientConfig();
        if (secret == QLatin1String("wrong"))
            client.clientSecret = QStringLiteral("GOCSPX-not-the-secret");
        if (!forced.isEmpty())
            QVERIFY(m_server.failNextRefresh(forced, kRetryAfterSeconds));

        OAuthServer stopped;
        BlackHole blackHole;
        switch (peer) {
        case Peer::TestServer:
            break;
        case Peer::StoppedServer: {
            QString error;
            QVERIFY2(stopped.start(&error), qPrintable(error));
            client = stopped.clientConfig();
            stopped.stop();
            break;
        }
        case Peer::UnresolvableHost:
            // RFC 6761: .invalid never resolves, anywhere.
            client.tokenUri = QUrl(QStringLiteral("https://oauth2.vaulttray-test.invalid/token"));
            break;
        case Peer::BlackHole:
            QVERIFY(blackHole.listen(QHostAddress::LocalHost, 0));
            client.tokenUri = QUrl(QStringLiteral("http://127.0.0.1:%1/token").arg(blackHole.serverPort()));
            break;
        case Peer::PlainHttpElsewhere:
            client.tokenUri = QUrl(QStringLiteral("http://oauth2.vaulttray-test.invalid/token"));
            break;
        }

        auto *job = new TokenRefreshJob(&m_network, m_clock, client,
                                        refresh == QLatin1String("live") ? m_refreshToken : refresh.toUtf8());
        job->setTransferTimeout(kShortTransferTimeout);
        QElapsedTimer elapsed;
        elapsed.start();
        const auto result = run(job);
        QVERIFY2(result, "the job never finished");
        QCOMPARE(kindName(result->failure.kind), kindName(expected));
        QVERIFY2(result->failure.detail.contains(detailHas, Qt::CaseInsensitive), qPrintable(result->failure.detail));
        QVERIFY(result->grant.accessToken.isEmpty());

        if (forced == QLatin1String("http503")) {
            QVERIFY(result->failure.retryAfter.has_value());
            QCOMPARE(result->failure.retryAfter->count(), qint64(kRetryAfterSeconds));
        }
        if (peer == Peer::BlackHole) {
            // It was the timeout, not a refusal: the connection was accepted, and the wait was about as long.
            QCOMPARE(blackHole.accepted, 1);
            QVERIFY2(elapsed.elapsed() >= kShortTransferTimeout.count() - 50,
                     qPrintable(QString::number(elapsed.elapsed())));
        }
        if (peer == Peer::TestServer)
            QCOMPARE(m_server.tokenRequests(QStringLiteral("refresh_token")), 1);
    }

    // The forced failure is used up: the refresh token was never harmed, and the next refresh works.
    void aForcedFailureIsOneAnswerOnly()
    {
        QVERIFY(m_server.failNextRefresh(QStringLiteral("http503"), kRetryAfterSeconds));
        const auto failed = run(new TokenRefreshJob(&m_network, m_clock, m_server.clientConfig(), m_refreshToken));
        QVERIFY(failed);
        QCOMPARE(kindName(failed->failure.kind), kindName(FailureKind::ServerTransient));
        const auto ok = run(new TokenRefreshJob(&m_network, m_clock, m_server.clientConfig(), m_refreshToken));
        QVERIFY(ok);
        QVERIFY2(ok->ok(), qPrintable(ok->failure.detail));
    }

    void cancelIsCancelledNotATimeout()
    {
        BlackHole blackHole;
        QVERIFY(blackHole.listen(QHostAddress::LocalHost, 0));
        ClientConfig client = m_server.clientConfig();
        client.tokenUri = QUrl(QStringLiteral("http://127.0.0.1:%1/token").arg(blackHole.serverPort()));
        auto *job = new TokenRefreshJob(&m_network, m_clock, client, m_refreshToken);
        QSignalSpy spy(job, &TokenEndpointJob::finished);
        job->start();
        QTRY_COMPARE(blackHole.accepted, 1);
        job->cancel();
        QVERIFY(spy.count() == 1 || spy.wait(int(kServerWait.count())));
        QCOMPARE(kindName(spy.at(0).at(0).value<TokenResult>().failure.kind), kindName(FailureKind::Cancelled));
    }

private:
    OAuthServer m_server;
    QNetworkAccessManager m_network;
    FakeClock m_clock;
    QByteArray m_refreshToken;
};

QTEST_GUILESS_MAIN(TestTokenRefreshJob)
#include "tst_tokenrefreshjob.moc"
