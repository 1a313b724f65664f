// PKCE (RFC 7636) with S256: the published test vector, and verifiers that are long enough, URL-safe and fresh.
#include "net/oauth/pkce.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace vaulttray;

namespace {

constexpr int kMinVerifierLength = 43; // RFC 7636 §4.1
constexpr int kMaxVerifierLength = 128;
constexpr int kSamples = 200;

} // namespace

class TestPkce : public QObject
{
    Q_OBJECT

private slots:
    void rfc7636AppendixBVector()
    {
        QCOMPARE(Pkce::challengeFor("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
                 QByteArray("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
    }

    void generatedVerifiersAreValidAndFresh()
    {
        static const QRegularExpression unreserved(QStringLiteral("^[A-Za-z0-9._~-]+$"));
        QSet<QByteArray> seen;
        for (int i = 0; i < kSamples; ++i) {
            const Pkce pkce = Pkce::generate();
            QVERIFY(pkce.verifier.size() >= kMinVerifierLength && pkce.verifier.size() <= kMaxVerifierLength);
            QVERIFY(unreserved.match(QString::fromLatin1(pkce.verifier)).hasMatch());
            QCOMPARE(pkce.challenge, Pkce::challengeFor(pkce.verifier));
            QVERIFY(!pkce.challenge.contains('=')); // base64url without padding
            seen.insert(pkce.verifier);
        }
        QCOMPARE(seen.size(), kSamples);
        QCOMPARE(QByteArray(Pkce::kMethod), QByteArray("S256"));
    }

    void randomTokensHaveTheAskedEntropy()
    {
        QCOMPARE(randomUrlSafeToken(24).size(), 32); // 24 bytes -> 32 base64 characters
        QVERIFY(randomUrlSafeToken(24) != randomUrlSafeToken(24));
    }
};

QTEST_GUILESS_MAIN(TestPkce)
#include "tst_pkce.moc"
