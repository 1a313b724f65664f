// Sign-in against a real OAuth server process, with the browser step driven through the flow's BrowserOpener: the
// authorization code flow with PKCE (S256) checked by the server, the state checked by the flow, the redirect
// listener on 127.0.0.1 only and gone afterwards, the walk-away timeout, and the identity check.
#include "oauthserver.h"
#include "testbrowser.h"

#include "fakes/fakeclock.h"
#include "net/oauth/authorizationcodeflow.h"
#include "net/oauth/codeexchangejob.h"
#include "net/oauth/identitycheck.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonObject>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace vaulttray;
using namespace vaulttray::test;

namespace {

constexpr std::chrono::milliseconds kWalkAwayTimeout{300};
constexpr int kHttpFound = 302;
constexpr int kHttpOk = 200;
constexpr int kHttpBadRequest = 400;
constexpr char kTcpListen[] = "0A";         // st column of /proc/net/tcp*
constexpr char kLoopbackHex[] = "0100007F"; // 127.0.0.1 as /proc/net/tcp prints it
constexpr int kConnectWaitMs = 3000;

std::optional<SignInResult> waitFor(AuthorizationCodeFlow &flow, QSignalSpy &finished)
{
    Q_UNUSED(flow);
    if (finished.isEmpty() && !finished.wait(int(kServerWait.count())))
        return std::nullopt;
    return finished.at(0).at(0).value<SignInResult>();
}

// The local addresses (as /proc/net/tcp{,6} prints them) of every listening socket on `port`.
QStringList listenersOn(quint16 port)
{
    QStringList found;
    const QString portHex = QStringLiteral("%1").arg(port, 4, 16, QLatin1Char('0')).toUpper();
    for (const char *table : {"/proc/net/tcp", "/proc/net/tcp6"}) {
        QFile file(QString::fromLatin1(table));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> lines = file.readAll().split('\n');
        for (const QByteArray &line : lines.mid(1)) {
            const QList<QByteArray> columns = line.simplified().split(' ');
            if (columns.size() < 4)
                continue;
            const QList<QByteArray> local = columns[1].split(':');
            if (local.size() == 2 && QString::fromLatin1(local[1]) == portHex && columns[3] == kTcpListen)
                found << QString::fromLatin1(local[0]);
        }
    }
    return found;
}

// Whether anything accepts a TCP connection on 127.0.0.1:port (real I/O).
bool accepts(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    return socket.waitForConnected(kConnectWaitMs);
}

// The browser's first step alone: the server's redirect for an authorization URL, not followed.
QUrl authorizeRedirect(QNetworkAccessManager &network, const QUrl &url)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = network.get(request);
    QSignalSpy done(reply, &QNetworkReply::finished);
    done.wait(int(kServerWait.count()));
    reply->deleteLater();
    return QUrl(QString::fromUtf8(reply->rawHeader("Location")), QUrl::StrictMode);
}

QString field(const QUrl &url, const char *name)
{
    return formValue(formDecode(url.query(QUrl::FullyEncoded).toLatin1()), QString::fromLatin1(name))
        .value_or(QString());
}

} // namespace

Q_DECLARE_METATYPE(TestBrowser::Behaviour)

class TestSignIn : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    void init() { QVERIFY(m_server.reset()); }

    void fullSignIn()
    {
        // A '+' in the address must reach the server intact: '+' means space to a form decoder.
        const QString account = QStringLiteral("ann+archive@example.org");
        TestBrowser browser;
        AuthorizationCodeFlow flow(m_server.clientConfig(), &m_network, m_clock, browser.opener());
        flow.setLoginHint(account);
        QSignalSpy urlReady(&flow, &AuthorizationCodeFlow::authorizationUrlReady);
        QSignalSpy finished(&flow, &AuthorizationCodeFlow::finished);
        flow.start();
        QCOMPARE(urlReady.count(), 1);
        QCOMPARE(urlReady.at(0).at(0).toUrl(), flow.authorizationUrl()); // the printable URL for a headless person
        QCOMPARE(browser.openedUrl(), flow.authorizationUrl());
        const quint16 port = quint16(flow.redirectUri().port());
        QVERIFY(flow.isListening());

        const auto result = waitFor(flow, finished);
        QVERIFY2(result, "the sign-in never finished");
        QVERIFY2(result->ok(), qPrintable(result->failure.detail));
        QVERIFY(!result->grant.accessToken.isEmpty());
        QVERIFY(!result->grant.refreshToken.isEmpty());
        QCOMPARE(result->idTokenEmail, account);
        QVERIFY(verifyIdentity(account, result->idTokenEmail).ok());

        // The browser went through the server and back to our listener, and was told it can close the window.
        QCOMPARE(browser.authorizeStatus(), kHttpFound);
        QCOMPARE(browser.serverRedirect().host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(browser.serverRedirect().port(), int(port));
        QTRY_VERIFY(browser.pageArrived());
        QCOMPARE(browser.pageStatus(), kHttpOk);
        QVERIFY(browser.page().contains("close this window"));

        // What reached the authorization server.
        const QJsonObject asked = m_server.stats().value(QLatin1String("lastAuthorize")).toObject();
        QCOMPARE(asked.value(QLatin1String("response_type")).toString(), QStringLiteral("code"));
        QCOMPARE(asked.value(QLatin1String("client_id")).toString(), m_server.clientId());
        QCOMPARE(asked.value(QLatin1String("redirect_uri")).toString(), flow.redirectUri().toString());
        QCOMPARE(asked.value(QLatin1String("scope")).toString(), QString::fromLatin1(kGmailReadOnlyScope));
        QCOMPARE(asked.value(QLatin1String("code_challenge_method")).toString(), QStringLiteral("S256"));
        QVERIFY(asked.value(QLatin1String("has_code_challenge")).toBool());
        QVERIFY(asked.value(QLatin1String("has_state")).toBool());
        QCOMPARE(asked.value(QLatin1String("access_type")).toString(), QStringLiteral("offline"));
        QCOMPARE(asked.value(QLatin1String("prompt")).toString(), QStringLiteral("consent"));
        QCOMPARE(asked.value(QLatin1String("login_hint")).toString(), account);
        QCOMPARE(m_server.tokenRequests(QStringLiteral("authorization_code")), 1);

        // The listener is gone.
        QVERIFY(!flow.isListening());
        QVERIFY(!accepts(port));
        QVERIFY(listenersOn(port).isEmpty());
    }

    void listenerIsBoundToLoopbackOnly()
    {
        TestBrowser browser(TestBrowser::Behaviour::WalkAway);
        AuthorizationCodeFlow flow(m_server.clientConfig(), &m_network, m_clock, browser.opener());
        QSignalSpy finished(&flow, &AuthorizationCodeFlow::finished);
        flow.start();
        const quint16 port = quint16(flow.redirectUri().port());
        QCOMPARE(flow.redirectUri().host(), QStringLiteral("127.0.0.1"));
        // The kernel's view of the socket: one listener on that port, on 127.0.0.1 and nowhere else (not 0.0.0.0,
        // not :: in /proc/net/tcp6).
        QCOMPARE(listenersOn(port), QStringList{QString::fromLatin1(kLoopbackHex)});
        QVERIFY(accepts(port));

        flow.cancel();
        const auto result = waitFor(flow, finished);
        QVERIFY(result);
        QCOMPARE(toString(result->problem), toString(SignInProblem::Cancelled));
        QVERIFY(listenersOn(port).isEmpty());
        QVERIFY(!accepts(port));
    }

    // The check on the kernel's table must see a listener on all interfaces when there is one.
    void listenerCheckCatchesAnAllInterfacesSocket()
    {
        QTcpServer everywhere;
        QVERIFY(everywhere.listen(QHostAddress::AnyIPv4, 0));
        QCOMPARE(listenersOn(everywhere.serverPort()), QStringList{QStringLiteral("00000000")});
    }

    void redirectRefused_data()
    {
        QTest::addColumn<TestBrowser::Behaviour>("behaviour");
        QTest::addColumn<SignInProblem>("problem");
        QTest::addColumn<FailureKind>("kind");
        QTest::addColumn<int>("pageStatus");
        QTest::newRow("state mismatch") << TestBrowser::Behaviour::WrongState << SignInProblem::StateMismatch
                                        << FailureKind::BadData << kHttpBadRequest;
        QTest::newRow("state missing") << TestBrowser::Behaviour::NoState << SignInProblem::StateMismatch
                                       << FailureKind::BadData << kHttpBadRequest;
        QTest::newRow("person declined") << TestBrowser::Behaviour::DenyAccess << SignInProblem::Denied
                                         << FailureKind::Cancelled << kHttpOk;
    }

    void redirectRefused()
    {
        QFETCH(TestBrowser::Behaviour, behaviour);
        QFETCH(SignInProblem, problem);
        QFETCH(FailureKind, kind);
        QFETCH(int, pageStatus);
        TestBrowser browser(behaviour);
        AuthorizationCodeFlow flow(m_server.clientConfig(), &m_network, m_clock, browser.opener());
        QSignalSpy finished(&flow, &AuthorizationCodeFlow::finished);
        flow.start();
        const quint16 port = quint16(flow.redirectUri().port());
        const auto result = waitFor(flow, finished);
        QVERIFY(result);
        QCOMPARE(toString(result->problem), toString(problem));
        QCOMPARE(toString(result->failure.kind), toString(kind));
        QVERIFY(result->grant.accessToken.isEmpty());
        QVERIFY(!browser.code().isEmpty() || behaviour == TestBrowser::Behaviour::DenyAccess);
        QTRY_VERIFY(browser.pageArrived());
        QCOMPARE(browser.pageStatus(), pageStatus);
        // The code was never exchanged, and nobody can try again on this listener.
        QCOMPARE(m_server.tokenRequests(QStringLiteral("authorization_code")), 0);
        QVERIFY(!accepts(port));
    }

    void walkAwayTimesOutAndCleansUp()
    {
        TestBrowser browser(TestBrowser::Behaviour::WalkAway);
        AuthorizationCodeFlow flow(m_server.clientConfig(), &m_network, m_clock, browser.opener());
        flow.setTimeout(kWalkAwayTimeout);
        QSignalSpy finished(&flow, &AuthorizationCodeFlow::finished);
        flow.start();
        const quint16 port = quint16(flow.redirectUri().port());
        QVERIFY(accepts(port));
        const auto result = waitFor(flow, finished);
        QVERIFY(result);
        QCOMPARE(toString(result->problem), toString(SignInProblem::TimedOut));
        QCOMPARE(toString(result->failure.kind), toString(FailureKind::Cancelled));
        QVERIFY(!flow.isListening());
        QVERIFY(!accepts(port));
        QVERIFY(listenersOn(port).isEmpty());
        QCOMPARE(finished.count(), 1);
    }

    // No browser could be opened: the printed URL, used in any other browser, still completes the sign-in.
    void printedUrlWorksWithoutABrowser()
    {
        TestBrowser none(TestBrowser::Behaviour::OpenFails);
        AuthorizationCodeFlow flow(m_server.clientConfig(), &m_network, m_clock, none.opener());
        QSignalSpy urlReady(&flow, &AuthorizationCodeFlow::authorizationUrlReady);
        QSignalSpy finished(&flow, &AuthorizationCodeFlow::finished);
        flow.start();
        QCOMPARE(urlReady.count(), 1);
        TestBrowser elsewhere;
        QVERIFY(elsewhere.opener()(urlReady.at(0).at(0).toUrl()));
        const auto result = waitFor(flow, finished);
        QVERIFY(result);
        QVERIFY2(result->ok(), qPrintable(result->failure.detail));
    }

    // The server really checks what the flow sends: a wrong or missing verifier, another redirect_uri or a reused
    // code are refused by it, and only the right verifier gets tokens. (If the server accepted anything, the
    // success of fullSignIn would prove nothing about PKCE.)
    void serverChecksTheExchange_data()
    {
        QTest::addColumn<QString>("verifier"); // "right", "wrong" or "none"
        QTest::addColumn<bool>("sameRedirect");
        QTest::addColumn<bool>("reuseCode");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<QString>("detailHas");
        QTest::newRow("right verifier") << "right" << true << false << true << "";
        QTest::newRow("wrong verifier") << "wrong" << true << false << false << "code_verifier";
        QTest::newRow("no verifier") << "none" << true << false << false << "Missing code verifier";
        QTest::newRow("other redirect_uri") << "right" << false << false << false << "redirect_uri_mismatch";
        QTest::newRow("code used twice") << "right" << true << true << false << "invalid_grant";
    }

    void serverChecksTheExchange()
    {
        QFETCH(QString, verifier);
        QFETCH(bool, sameRedirect);
        QFETCH(bool, reuseCode);
        QFETCH(bool, accepted);
        QFETCH(QString, detailHas);

        const ClientConfig client = m_server.clientConfig();
        const Pkce pkce = Pkce::generate();
        // Nobody listens there: this test reads the code from the server's redirect without following it.
        const QUrl redirect(QStringLiteral("http://127.0.0.1:9/"));
        const QUrl url = authorizationUrl(
            client, {redirect, randomUrlSafeToken(AuthorizationCodeFlow::kStateBytes), pkce.challenge, QString()});
        const QString code = field(authorizeRedirect(m_network, url), "code");
        QVERIFY(!code.isEmpty());

        QByteArray sent;
        if (verifier == QLatin1String("right"))
            sent = pkce.verifier;
        else if (verifier == QLatin1String("wrong"))
            sent = Pkce::generate().verifier; // well-formed, just not the one behind the challenge
        const QUrl sentRedirect = sameRedirect ? redirect : QUrl(QStringLiteral("http://127.0.0.1:10/"));
        if (reuseCode) {
            const auto first = exchange(client, code, sent, sentRedirect);
            QVERIFY(first && first->ok());
        }
        const auto result = exchange(client, code, sent, sentRedirect);
        QVERIFY(result);
        QCOMPARE(result->ok(), accepted);
        if (accepted) {
            QVERIFY(!result->grant.refreshToken.isEmpty());
        } else {
            QVERIFY2(result->failure.detail.contains(detailHas), qPrintable(result->failure.detail));
            QVERIFY(result->grant.accessToken.isEmpty());
        }
    }

    // The person signed in with another Google account than the one being re-authorised: refused.
    void identityMismatchIsRefused()
    {
        QVERIFY(m_server.setNextUser(QStringLiteral("mallory@example.org")));
        TestBrowser browser;
        AuthorizationCodeFlow flow(m_server.clientConfig(), &m_network, m_clock, browser.opener());
        flow.setLoginHint(QStringLiteral("ann@example.org"));
        QSignalSpy finished(&flow, &AuthorizationCodeFlow::finished);
        flow.start();
        const auto result = waitFor(flow, finished);
        QVERIFY(result);
        QVERIFY2(result->ok(), qPrintable(result->failure.detail));
        QCOMPARE(result->idTokenEmail, QStringLiteral("mallory@example.org"));
        const Failure identity = verifyIdentity(QStringLiteral("ann@example.org"), result->idTokenEmail);
        QCOMPARE(toString(identity.kind), toString(FailureKind::CredentialRejected));
        QVERIFY2(identity.detail.contains(QLatin1String("mallory@example.org")) &&
                     identity.detail.contains(QLatin1String("ann@example.org")) &&
                     identity.detail.contains(QLatin1String("nothing was changed")),
                 qPrintable(identity.detail));
    }

private:
    std::optional<TokenResult> exchange(const ClientConfig &client, const QString &code, const QByteArray &verifier,
                                        const QUrl &redirect)
    {
        auto *job = new CodeExchangeJob(&m_network, m_clock, client, code, verifier, redirect);
        QSignalSpy spy(job, &TokenEndpointJob::finished);
        job->start();
        if (!spy.wait(int(kServerWait.count())))
            return std::nullopt;
        return spy.at(0).at(0).value<TokenResult>();
    }

    OAuthServer m_server;
    QNetworkAccessManager m_network;
    FakeClock m_clock;
};

QTEST_GUILESS_MAIN(TestSignIn)
#include "tst_signin.moc"
