// Reading a token endpoint's success answer (RFC 6749 §5.1), the id_token's email, and the identity check.
#include "net/oauth/identitycheck.h"
#include "net/oauth/tokenresponse.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace vaulttray;

namespace {

const QDateTime kSentAt(QDate(2026, 6, 1), QTime(8, 0), Qt::UTC);

QByteArray jwtWithPayload(const QJsonObject &payload)
{
    const auto part = [](const QByteArray &bytes) {
        return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    };
    return part(R"({"alg":"RS256","typ":"JWT"})") + '.' + part(QJsonDocument(payload).toJson(QJsonDocument::Compact)) +
           '.' + part("signature");
}

} // namespace

class TestTokenResponse : public QObject
{
    Q_OBJECT

private slots:
    void lifetime_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<qint64>("expiresInSecs");
        QTest::newRow("Google's 3599") << QByteArray(R"({"access_token":"a","expires_in":3599,"token_type":"Bearer"})")
                                       << qint64(3599);
        QTest::newRow("as a string") << QByteArray(R"({"access_token":"a","expires_in":"1800"})") << qint64(1800);
        QTest::newRow("missing: Google's documented hour") << QByteArray(R"({"access_token":"a"})") << qint64(3600);
        QTest::newRow("zero: same") << QByteArray(R"({"access_token":"a","expires_in":0})") << qint64(3600);
        // Found by fuzz_oauthbody: converting 3.4e38 to an integer was undefined behaviour.
        QTest::newRow("absurdly long: a year")
            << QByteArray(R"({"access_token":"a","expires_in":3.4e38})") << qint64(365 * 24 * 3600);
        QTest::newRow("absurdly long string: a year")
            << QByteArray(R"({"access_token":"a","expires_in":"99999999999999999999"})") << qint64(365 * 24 * 3600);
        QTest::newRow("negative: an hour") << QByteArray(R"({"access_token":"a","expires_in":-5})") << qint64(3600);
    }

    void lifetime()
    {
        QFETCH(QByteArray, body);
        QFETCH(qint64, expiresInSecs);
        const TokenResult result = parseTokenResponse(body, kSentAt);
        QVERIFY2(result.ok(), qPrintable(result.failure.detail));
        QCOMPARE(result.grant.obtainedAt, kSentAt);
        QCOMPARE(result.grant.expiresAt, kSentAt.addSecs(expiresInSecs));
    }

    void readsEveryField()
    {
        const TokenResult result = parseTokenResponse(
            R"({"access_token":"ya29.x","expires_in":3599,"refresh_token":"1//r","token_type":"Bearer",)"
            R"("scope":"openid https://www.googleapis.com/auth/gmail.readonly","id_token":"h.p.s"})",
            kSentAt);
        QVERIFY(result.ok());
        QCOMPARE(result.grant.accessToken, QByteArray("ya29.x"));
        QCOMPARE(result.grant.refreshToken, QByteArray("1//r"));
        QCOMPARE(result.grant.idToken, QByteArray("h.p.s"));
        QCOMPARE(
            result.grant.grantedScopes,
            (QStringList{QStringLiteral("openid"), QStringLiteral("https://www.googleapis.com/auth/gmail.readonly")}));
    }

    void refusesWhatItCannotUse()
    {
        const TokenResult mac = parseTokenResponse(R"({"access_token":"a","token_type":"mac"})", kSentAt);
        QCOMPARE(toString(mac.failure.kind), toString(FailureKind::ClientMisconfigured));
        const TokenResult none = parseTokenResponse(R"({"token_type":"Bearer"})", kSentAt);
        QCOMPARE(toString(none.failure.kind), toString(FailureKind::ServerTransient));
    }

    void idTokenEmail_data()
    {
        QTest::addColumn<QByteArray>("idToken");
        QTest::addColumn<QString>("email");
        QTest::newRow("email claim") << jwtWithPayload({{QStringLiteral("email"), QStringLiteral("ann@example.org")},
                                                        {QStringLiteral("sub"), QStringLiteral("123")}})
                                     << "ann@example.org";
        QTest::newRow("no email claim") << jwtWithPayload({{QStringLiteral("sub"), QStringLiteral("123")}}) << "";
        QTest::newRow("not a JWT") << QByteArray("garbage") << "";
        QTest::newRow("empty") << QByteArray() << "";
    }

    void idTokenEmail()
    {
        QFETCH(QByteArray, idToken);
        QFETCH(QString, email);
        QCOMPARE(vaulttray::idTokenEmail(idToken), email);
    }

    void identity_data()
    {
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("actual");
        QTest::addColumn<FailureKind>("kind");
        QTest::newRow("same") << "ann@example.org"
                              << "ann@example.org" << FailureKind::None;
        QTest::newRow("case and blanks") << "Ann@Example.org"
                                         << " ann@example.org\n"
                                         << FailureKind::None;
        QTest::newRow("another account") << "ann@example.org"
                                         << "mallory@example.org" << FailureKind::CredentialRejected;
        QTest::newRow("a +tag is another address") << "ann@example.org"
                                                   << "ann+x@example.org" << FailureKind::CredentialRejected;
        QTest::newRow("unknown: nothing decided") << "ann@example.org"
                                                  << "" << FailureKind::ServerTransient;
    }

    void identity()
    {
        QFETCH(QString, expected);
        QFETCH(QString, actual);
        QFETCH(FailureKind, kind);
        const Failure f = verifyIdentity(expected, actual);
        QCOMPARE(toString(f.kind), toString(kind));
        if (kind == FailureKind::CredentialRejected)
            QVERIFY(f.detail.contains(actual.trimmed()) && f.detail.contains(expected));
    }
};

QTEST_GUILESS_MAIN(TestTokenResponse)
#include "tst_tokenresponse.moc"
