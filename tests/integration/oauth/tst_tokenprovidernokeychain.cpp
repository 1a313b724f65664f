// A session bus without any Secret Service: a sign-in still works at the OAuth server, but the refresh token cannot
// be kept, and the token provider says so clearly (Local, NoKeychain, with the advice) instead of pretending the
// account is signed out; nothing is written anywhere as a fallback.
#include "logcapture.h"
#include "oauthserver.h"
#include "secretstestbed.h"
#include "signin.h"

#include "fakes/fakeclock.h"
#include "net/oauth/tokenprovider.h"
#include "net/secrets/secretstoreselector.h"
#include "net/secrets/unavailablesecretstore.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTest>

using namespace vaulttray;
using namespace vaulttray::test;

namespace {

const QString kAnn = QStringLiteral("ann@example.org");

std::optional<AccessTokenResult> waitForToken(const std::function<void(TokenProvider::Callback)> &call)
{
    std::optional<AccessTokenResult> got;
    call([&got](const AccessTokenResult &result) { got = result; });
    if (!QTest::qWaitFor([&got] { return got.has_value(); }, int(kServerWait.count())))
        return std::nullopt;
    return got;
}

} // namespace

class TestTokenProviderNoKeychain : public QObject
{
    Q_OBJECT

public:
    explicit TestTokenProviderNoKeychain(SecretsTestBed &bed) : m_bed(bed) {}

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        SecretStoreSelector selector(std::make_shared<KeychainSecretStore>(), m_bed.dataFolder(), Consent::NotGiven);
        QSignalSpy chosen(&selector, &SecretStoreSelector::finished);
        selector.start();
        QVERIFY(chosen.wait(int(kServerWait.count())));
        m_choice = chosen.at(0).at(0).value<SecretStoreChoice>();
        QCOMPARE(toString(m_choice.backend()), toString(SecretBackend::None));
    }

    void signedInButNothingCanBeKept()
    {
        LogCapture capture;
        const SignInResult signedIn = signIn(m_server, &m_network, m_clock, kAnn);
        QVERIFY2(signedIn.ok(), qPrintable(signedIn.failure.detail));

        TokenProvider provider(kAnn, m_server.clientConfig(), m_choice.store, &m_network, m_clock);
        const auto adopted =
            waitForToken([&](TokenProvider::Callback cb) { provider.adoptSignIn(signedIn.grant, cb); });
        QVERIFY(adopted);
        QCOMPARE(toString(adopted->failure.kind), toString(FailureKind::Local));
        QCOMPARE(toString(adopted->secretProblem), toString(SecretProblem::NoKeychain));
        QVERIFY(adopted->accessToken.isEmpty());
        QVERIFY2(adopted->failure.detail.contains(QLatin1String(UnavailableSecretStore::kAdvice)),
                 qPrintable(adopted->failure.detail));

        // Not "signed out" (which would send the person round the sign-in again for nothing): "no keychain".
        QSignalSpy rejected(&provider, &TokenProvider::credentialRejected);
        const auto token = waitForToken([&](TokenProvider::Callback cb) { provider.accessToken(cb); });
        QVERIFY(token);
        QCOMPARE(toString(token->failure.kind), toString(FailureKind::Local));
        QCOMPARE(toString(token->secretProblem), toString(SecretProblem::NoKeychain));
        QCOMPARE(rejected.count(), 0);
        QCOMPARE(m_server.tokenRequests(QStringLiteral("refresh_token")), 0);

        // Nothing fell back to a file, and nothing secret was logged.
        for (const QByteArray &secret :
             {signedIn.grant.refreshToken, signedIn.grant.accessToken, m_server.clientSecret().toUtf8()}) {
            QVERIFY(m_bed.filesContaining(secret).isEmpty());
            QVERIFY(!capture.contains(QString::fromUtf8(secret)));
        }
        QVERIFY(!QFileInfo::exists(m_bed.dataFolder() + QStringLiteral("/secrets.json")));
    }

private:
    SecretsTestBed &m_bed;
    OAuthServer m_server;
    QNetworkAccessManager m_network;
    FakeClock m_clock;
    SecretStoreChoice m_choice;
};

int main(int argc, char **argv)
{
    SecretsTestBed bed(SecretsTestBed::Bus::WithoutSecretService);
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QString::fromLatin1(kQuietDebugRules));
    QString error;
    if (!bed.start(&error)) {
        qCritical("test bed: %s", qPrintable(error));
        return 1;
    }
    int failed = 0;
    {
        TestTokenProviderNoKeychain test(bed);
        failed = QTest::qExec(&test, argc, argv);
    }
    bed.stop();
    return failed;
}

#include "tst_tokenprovidernokeychain.moc"
