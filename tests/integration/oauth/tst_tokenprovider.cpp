// TokenProvider against a real OAuth server process and a real gnome-keyring on a private session bus: the refresh
// token round-trips through the keychain, the access token is cached until the refresh margin on the wall clock,
// concurrent callers share one refresh, a rotated refresh token is stored before the new access token is handed
// out, a 401 costs one refresh, a revoked grant says "sign in", a wrong-account sign-in overwrites nothing, and
// no token, code or client secret reaches a file or a log line.
#include "logcapture.h"
#include "oauthserver.h"
#include "secretstestbed.h"
#include "secretwait.h"
#include "testbrowser.h"

#include "fakes/fakeclock.h"
#include "net/oauth/authorizationcodeflow.h"
#include "net/oauth/identitycheck.h"
#include "net/oauth/oauthlog.h"
#include "net/oauth/tokenprovider.h"
#include "net/oauth/tokenrefreshjob.h"
#include "net/secrets/keychainsecretstore.h"
#include "net/secrets/unavailablesecretstore.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

using namespace vaulttray;
using namespace vaulttray::test;
using namespace std::chrono_literals;

namespace {

constexpr int kConcurrentCallers = 8;
// Holds the first refresh open long enough for a provider that wrongly started one per caller to have sent them
// all before the first answer: the server would count them. (A correct provider sends one, however long this is.)
constexpr std::chrono::milliseconds kSlowRefresh{500};
const QString kAnn = QStringLiteral("ann@example.org");

// Waits (real I/O) for one accessToken()/adoptSignIn() callback.
class TokenWait
{
public:
    TokenProvider::Callback callback()
    {
        return [this](const AccessTokenResult &result) { m_results << result; };
    }
    std::optional<AccessTokenResult> wait(int count = 1)
    {
        if (!QTest::qWaitFor([this, count] { return m_results.size() >= count; }, int(kServerWait.count())))
            return std::nullopt;
        return m_results.last();
    }
    QList<AccessTokenResult> results() const { return m_results; }

private:
    QList<AccessTokenResult> m_results;
};

// A SecretStore that records, in order, every write it completed, around the real keychain.
class RecordingStore final : public SecretStore
{
public:
    explicit RecordingStore(std::shared_ptr<SecretStore> inner) : m_inner(std::move(inner)) {}

    SecretJob *read(const QString &key) override { return m_inner->read(key); }
    SecretJob *write(const QString &key, const QByteArray &secret) override
    {
        SecretJob *job = refuseWrites ? UnavailableSecretStore(QStringLiteral("test refuses writes")).write(key, secret)
                                      : m_inner->write(key, secret);
        QObject::connect(job, &SecretJob::finished, job, [this, secret](const SecretResult &result) {
            if (result.ok())
                writesDone << secret;
        });
        return job;
    }
    SecretJob *remove(const QString &key) override { return m_inner->remove(key); }
    SecretBackend backend() const override { return m_inner->backend(); }

    QList<QByteArray> writesDone;
    bool refuseWrites = false;

private:
    std::shared_ptr<SecretStore> m_inner;
};

} // namespace

class TestTokenProvider : public QObject
{
    Q_OBJECT

public:
    explicit TestTokenProvider(SecretsTestBed &bed) : m_bed(bed) {}

private slots:
    void initTestCase()
    {
        m_capture = std::make_unique<LogCapture>(); // everything from here on, debug lines included
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        m_seen << m_server.clientSecret().toUtf8();
    }

    void init() { QVERIFY(m_server.reset()); }

    // The detectors of the last test must see a leak when there is one, or their silence proves nothing.
    void leakDetectorsCatchAPlantedToken()
    {
        const QByteArray planted = "ya29.planted-" + randomUrlSafeToken(24);
        qCDebug(lcOAuth) << "planted" << planted; // a debug line: the capture sees those too
        QVERIFY(m_capture->contains(QString::fromLatin1(planted)));
        QSettings settings;
        settings.setValue(QStringLiteral("planted/token"), QString::fromLatin1(planted));
        settings.sync();
        QCOMPARE(m_bed.filesContaining(planted), QStringList{settings.fileName()});
        settings.remove(QStringLiteral("planted"));
        settings.sync();
        QVERIFY(m_bed.filesContaining(planted).isEmpty());
    }

    void signInStoresTheRefreshTokenInTheKeychain()
    {
        TestBrowser browser;
        AuthorizationCodeFlow flow(m_server.clientConfig(), &m_network, m_clock, browser.opener());
        flow.setLoginHint(kAnn);
        QSignalSpy finished(&flow, &AuthorizationCodeFlow::finished);
        flow.start();
        QVERIFY(finished.wait(int(kServerWait.count())));
        const auto signedIn = finished.at(0).at(0).value<SignInResult>();
        QVERIFY2(signedIn.ok(), qPrintable(signedIn.failure.detail));
        remember(browser.code().toUtf8(), signedIn.grant);
        QVERIFY(verifyIdentity(kAnn, signedIn.idTokenEmail).ok());

        TokenProvider provider(kAnn, m_server.clientConfig(), m_keychain, &m_network, m_clock);
        TokenWait adopted;
        provider.adoptSignIn(signedIn.grant, adopted.callback());
        const auto result = adopted.wait();
        QVERIFY(result);
        QVERIFY2(result->ok(), qPrintable(result->failure.detail));
        QCOMPARE(result->accessToken, signedIn.grant.accessToken);

        // In the keychain, for this store and any other, and for another process (secret-tool, QtKeychain's schema).
        KeychainSecretStore other;
        VT_AWAIT(read, other.read(secretKey(kAnn, SecretKind::RefreshToken)));
        QVERIFY2(read.ok(), qPrintable(read.failure.detail));
        QCOMPARE(read.secret, signedIn.grant.refreshToken);
        QProcess lookup;
        lookup.start(QStringLiteral("secret-tool"),
                     {QStringLiteral("lookup"), QStringLiteral("user"), secretKey(kAnn, SecretKind::RefreshToken),
                      QStringLiteral("server"), QString::fromLatin1(kSecretServiceName), QStringLiteral("type"),
                      QStringLiteral("base64")});
        QVERIFY(lookup.waitForFinished(int(kServerWait.count())));
        QCOMPARE(QByteArray::fromBase64(lookup.readAllStandardOutput().trimmed()), signedIn.grant.refreshToken);
        m_annRefreshToken = signedIn.grant.refreshToken;
    }

    void cachedTokenIsUsedUntilTheRefreshMargin()
    {
        TokenProvider provider(kAnn, m_server.clientConfig(), m_keychain, &m_network, m_clock);
        TokenWait first;
        provider.accessToken(first.callback());
        const auto fresh = first.wait();
        QVERIFY(fresh && fresh->ok());
        m_seen << fresh->accessToken;
        QCOMPARE(m_server.tokenRequests(QStringLiteral("refresh_token")), 1);

        // Just before the margin: the cached token, no request.
        const qint64 margin = std::chrono::seconds(TokenProvider::kRefreshMargin).count();
        m_clock.set(fresh->expiresAt.addSecs(-margin - 1));
        TokenWait cached;
        provider.accessToken(cached.callback());
        QVERIFY(cached.wait());
        QCOMPARE(cached.results().at(0).accessToken, fresh->accessToken);
        QCOMPARE(m_server.tokenRequests(QStringLiteral("refresh_token")), 1);

        // Inside the margin (the wall clock moved, as after a suspend): refreshed.
        m_clock.advance(2s);
        TokenWait refreshed;
        provider.accessToken(refreshed.callback());
        const auto renewed = refreshed.wait();
        QVERIFY(renewed && renewed->ok());
        m_seen << renewed->accessToken;
        QCOMPARE(m_server.tokenRequests(QStringLiteral("refresh_token")), 2);
        QVERIFY(renewed->expiresAt > fresh->expiresAt);
    }

    void concurrentCallersShareOneRefresh_data()
    {
        QTest::addColumn<bool>("oneProvider");
        QTest::addColumn<int>("expectedRequests");
        QTest::newRow("one provider: one refresh") << true << 1;
        // The counter-case: callers without a shared provider each refresh, and the server's count shows it.
        QTest::newRow("a provider per caller: one refresh each") << false << kConcurrentCallers;
    }

    void concurrentCallersShareOneRefresh()
    {
        QFETCH(bool, oneProvider);
        QFETCH(int, expectedRequests);
        QVERIFY(m_server.delayRefreshes(kSlowRefresh));
        std::vector<std::unique_ptr<TokenProvider>> providers;
        for (int i = 0; i < (oneProvider ? 1 : kConcurrentCallers); ++i)
            providers.push_back(
                std::make_unique<TokenProvider>(kAnn, m_server.clientConfig(), m_keychain, &m_network, m_clock));
        TokenWait all;
        for (int i = 0; i < kConcurrentCallers; ++i)
            providers[oneProvider ? 0 : i]->accessToken(all.callback());
        QVERIFY(all.wait(kConcurrentCallers));
        for (const AccessTokenResult &result : all.results()) {
            QVERIFY2(result.ok(), qPrintable(result.failure.detail));
            m_seen << result.accessToken;
        }
        if (oneProvider) {
            for (const AccessTokenResult &result : all.results())
                QCOMPARE(result.accessToken, all.results().at(0).accessToken);
        }
        QCOMPARE(m_server.tokenRequests(QStringLiteral("refresh_token")), expectedRequests);
    }

    void rotatedRefreshTokenIsStoredBeforeUse()
    {
        QVERIFY(m_server.setRotation(true));
        auto recording = std::make_shared<RecordingStore>(m_keychain);
        TokenProvider provider(kAnn, m_server.clientConfig(), recording, &m_network, m_clock);
        QList<QByteArray> writesAtHandOver;
        TokenWait wait;
        provider.accessToken([&](const AccessTokenResult &result) {
            writesAtHandOver = recording->writesDone;
            wait.callback()(result);
        });
        const auto result = wait.wait();
        QVERIFY(result);
        QVERIFY2(result->ok(), qPrintable(result->failure.detail));
        m_seen << result->accessToken;

        // When the access token was handed out, the rotated refresh token had been written, and it is in the keychain.
        QCOMPARE(writesAtHandOver.size(), 1);
        const QByteArray rotated = writesAtHandOver.at(0);
        m_seen << rotated;
        QVERIFY(rotated != m_annRefreshToken);
        KeychainSecretStore other;
        VT_AWAIT(stored, other.read(secretKey(kAnn, SecretKind::RefreshToken)));
        QCOMPARE(stored.secret, rotated);

        // The server retired the old one; the stored one works for a provider starting from the keychain alone.
        auto *old = new TokenRefreshJob(&m_network, m_clock, m_server.clientConfig(), m_annRefreshToken);
        QSignalSpy oldDone(old, &TokenEndpointJob::finished);
        old->start();
        QVERIFY(oldDone.wait(int(kServerWait.count())));
        QCOMPARE(toString(oldDone.at(0).at(0).value<TokenResult>().failure.kind),
                 toString(FailureKind::CredentialRejected));
        QVERIFY(m_server.setRotation(false));
        TokenProvider restarted(kAnn, m_server.clientConfig(), m_keychain, &m_network, m_clock);
        TokenWait again;
        restarted.accessToken(again.callback());
        const auto afterRestart = again.wait();
        QVERIFY(afterRestart);
        QVERIFY2(afterRestart->ok(), qPrintable(afterRestart->failure.detail));
        m_seen << afterRestart->accessToken;
        m_annRefreshToken = rotated;
    }

    // When the rotated token cannot be stored, the new access token is not handed out; the provider keeps the
    // unstored token (the stored one is dead at the server) and stores the next rotation once the store works.
    void unstorableRotationHandsOutNothing()
    {
        QVERIFY(m_server.setRotation(true));
        auto store = std::make_shared<RecordingStore>(m_keychain);
        store->refuseWrites = true;
        TokenProvider provider(kAnn, m_server.clientConfig(), store, &m_network, m_clock);
        TokenWait refused;
        provider.accessToken(refused.callback());
        const auto result = refused.wait();
        QVERIFY(result);
        QCOMPARE(toString(result->failure.kind), toString(FailureKind::Local));
        QCOMPARE(toString(result->secretProblem), toString(SecretProblem::NoKeychain));
        QVERIFY(result->accessToken.isEmpty());
        QVERIFY2(result->failure.detail.contains(QLatin1String("could not be stored")),
                 qPrintable(result->failure.detail));
        QVERIFY(store->writesDone.isEmpty());

        store->refuseWrites = false;
        TokenWait recovered;
        provider.accessToken(recovered.callback());
        const auto again = recovered.wait();
        QVERIFY(again);
        QVERIFY2(again->ok(), qPrintable(again->failure.detail)); // refreshed with the unstored token: it was live
        m_seen << again->accessToken;
        QCOMPARE(store->writesDone.size(), 1);
        QCOMPARE(m_server.tokenRequests(QStringLiteral("refresh_token")), 2);
        m_annRefreshToken = store->writesDone.at(0);
        m_seen << m_annRefreshToken;
        QVERIFY(m_server.setRotation(false));
    }

    void invalidateCostsOneRefresh()
    {
        QVERIFY(restoreAnnGrant());
        TokenProvider provider(kAnn, m_server.clientConfig(), m_keychain, &m_network, m_clock);
        TokenWait first;
        provider.accessToken(first.callback());
        const auto token = first.wait();
        QVERIFY(token && token->ok());
        m_seen << token->accessToken;

        provider.invalidate("an-older-token-that-got-a-401"); // not the cached one: ignored
        TokenWait stillCached;
        provider.accessToken(stillCached.callback());
        QVERIFY(stillCached.wait());
        QCOMPARE(m_server.tokenRequests(QStringLiteral("refresh_token")), 1);

        provider.invalidate(token->accessToken);
        TokenWait renewed;
        provider.accessToken(renewed.callback());
        provider.accessToken(renewed.callback());
        QVERIFY(renewed.wait(2));
        QVERIFY(renewed.results().at(0).ok());
        QCOMPARE(m_server.tokenRequests(QStringLiteral("refresh_token")), 2);
    }

    void revokedGrantAsksForSignInAndKeepsTheEntry()
    {
        QVERIFY(restoreAnnGrant());
        QVERIFY(m_server.failNextRefresh(QStringLiteral("invalid_grant")));
        TokenProvider provider(kAnn, m_server.clientConfig(), m_keychain, &m_network, m_clock);
        QSignalSpy rejected(&provider, &TokenProvider::credentialRejected);
        TokenWait wait;
        provider.accessToken(wait.callback());
        const auto result = wait.wait();
        QVERIFY(result);
        QCOMPARE(toString(result->failure.kind), toString(FailureKind::CredentialRejected));
        QCOMPARE(rejected.count(), 1);
        KeychainSecretStore other;
        VT_AWAIT(stored, other.read(secretKey(kAnn, SecretKind::RefreshToken)));
        QCOMPARE(stored.secret, m_annRefreshToken); // the daemon decides what to do with it, not the provider
    }

    void nothingStoredMeansSignIn()
    {
        TokenProvider provider(QStringLiteral("nobody@example.org"), m_server.clientConfig(), m_keychain, &m_network,
                               m_clock);
        QSignalSpy rejected(&provider, &TokenProvider::credentialRejected);
        TokenWait wait;
        provider.accessToken(wait.callback());
        const auto result = wait.wait();
        QVERIFY(result);
        QCOMPARE(toString(result->failure.kind), toString(FailureKind::CredentialRejected));
        QVERIFY2(result->failure.detail.contains(QLatin1String("no refresh token")),
                 qPrintable(result->failure.detail));
        QCOMPARE(rejected.count(), 1);
        QCOMPARE(m_server.tokenRequests(QStringLiteral("refresh_token")), 0);
    }

    // Re-authorising ann, the person signs in as mallory: refused by the identity check, and ann's entry is intact.
    void wrongAccountSignInOverwritesNothing()
    {
        QVERIFY(restoreAnnGrant());
        QVERIFY(m_server.setNextUser(QStringLiteral("mallory@example.org")));
        TestBrowser browser;
        AuthorizationCodeFlow flow(m_server.clientConfig(), &m_network, m_clock, browser.opener());
        flow.setLoginHint(kAnn);
        QSignalSpy finished(&flow, &AuthorizationCodeFlow::finished);
        flow.start();
        QVERIFY(finished.wait(int(kServerWait.count())));
        const auto signedIn = finished.at(0).at(0).value<SignInResult>();
        QVERIFY2(signedIn.ok(), qPrintable(signedIn.failure.detail));
        remember(browser.code().toUtf8(), signedIn.grant);

        const Failure identity = verifyIdentity(kAnn, signedIn.idTokenEmail);
        QCOMPARE(toString(identity.kind), toString(FailureKind::CredentialRejected));
        // The caller adopts only a verified sign-in; so ann's stored grant is the one from before.
        KeychainSecretStore other;
        VT_AWAIT(stored, other.read(secretKey(kAnn, SecretKind::RefreshToken)));
        QCOMPARE(stored.secret, m_annRefreshToken);
        QVERIFY(stored.secret != signedIn.grant.refreshToken);
    }

    // Last: everything above ran with every debug line captured.
    void nothingSecretInFilesOrLogs()
    {
        QVERIFY2(m_capture->contains(QStringLiteral("vaulttray.net.oauth: ")), "the capture saw no OAuth log line");
        QVERIFY2(m_capture->contains(QStringLiteral("vaulttray.net.secrets: ")), "the capture saw no secrets log line");
        m_seen.removeAll(QByteArray());
        QVERIFY(m_seen.size() > 10);
        const QByteArray serverOutput = m_server.output();
        QVERIFY(serverOutput.contains("[oauth-mock]"));
        for (const QByteArray &secret : std::as_const(m_seen)) {
            QVERIFY2(!m_capture->contains(QString::fromUtf8(secret)), "a secret reached a log line");
            QVERIFY2(m_bed.filesContaining(secret).isEmpty(), qPrintable(m_bed.filesContaining(secret).join(' ')));
            QVERIFY2(!serverOutput.contains(secret), "the OAuth server printed a secret");
        }
    }

private:
    void remember(const QByteArray &code, const TokenGrant &grant)
    {
        m_seen << code << grant.accessToken << grant.refreshToken << grant.idToken;
    }

    // Writes ann's live refresh token back, after a test that left another value in the keychain.
    bool restoreAnnGrant()
    {
        SecretJob *job = m_keychain->write(secretKey(kAnn, SecretKind::RefreshToken), m_annRefreshToken);
        const auto result = waitFor(job);
        return result && result->ok();
    }

    SecretsTestBed &m_bed;
    OAuthServer m_server;
    QNetworkAccessManager m_network;
    FakeClock m_clock;
    std::shared_ptr<KeychainSecretStore> m_keychain = std::make_shared<KeychainSecretStore>();
    std::unique_ptr<LogCapture> m_capture;
    QByteArray m_annRefreshToken;
    QList<QByteArray> m_seen; // every token, code and secret the run handled
};

int main(int argc, char **argv)
{
    SecretsTestBed bed(SecretsTestBed::Bus::WithKeyring); // before anything reads HOME or touches D-Bus
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QString::fromLatin1(kQuietDebugRules));
    QCoreApplication::setOrganizationName(QStringLiteral("vaulttray"));
    QCoreApplication::setApplicationName(QStringLiteral("vaulttray"));
    QString error;
    if (!bed.start(&error)) {
        qCritical("test bed: %s", qPrintable(error));
        return 1;
    }
    int failed = 0;
    {
        TestTokenProvider test(bed);
        failed = QTest::qExec(&test, argc, argv);
    }
    bed.stop();
    return failed;
}

#include "tst_tokenprovider.moc"
