// The authorization request (RFC 6749 §4.1.1 + RFC 7636 + Google's offline access): every parameter present and
// encoded so that any server decodes it back exactly, '+' and spaces included.
#include "net/oauth/authorizationcodeflow.h"
#include "net/oauth/formencoding.h"

#include <QTest>

using namespace vaulttray;

namespace {

ClientConfig client(const QString &authUri = QStringLiteral("https://accounts.google.com/o/oauth2/auth"))
{
    ClientConfig c;
    c.clientId = QStringLiteral("1234-abc.apps.googleusercontent.com");
    c.clientSecret = QStringLiteral("GOCSPX-secret");
    c.authUri = QUrl(authUri);
    c.tokenUri = QUrl(QStringLiteral("https://oauth2.googleapis.com/token"));
    return c;
}

FormFields query(const QUrl &url)
{
    return formDecode(url.query(QUrl::FullyEncoded).toLatin1());
}

} // namespace

class TestAuthorizationUrl : public QObject
{
    Q_OBJECT

private slots:
    void carriesEveryParameter()
    {
        const AuthorizationRequest request{QUrl(QStringLiteral("http://127.0.0.1:49152/")), "st4te", "ch4llenge",
                                           QStringLiteral("ann+archive@example.org")};
        const QUrl url = authorizationUrl(client(), request);
        QCOMPARE(url.scheme(), QStringLiteral("https"));
        QCOMPARE(url.host(), QStringLiteral("accounts.google.com"));
        QCOMPARE(url.path(), QStringLiteral("/o/oauth2/auth"));
        const FormFields q = query(url);
        const auto value = [&q](const char *name) { return formValue(q, QString::fromLatin1(name)); };
        QCOMPARE(value("response_type"), QStringLiteral("code"));
        QCOMPARE(value("client_id"), QStringLiteral("1234-abc.apps.googleusercontent.com"));
        QCOMPARE(value("redirect_uri"), QStringLiteral("http://127.0.0.1:49152/"));
        QCOMPARE(value("scope"), QStringLiteral("https://www.googleapis.com/auth/gmail.readonly"));
        QCOMPARE(value("state"), QStringLiteral("st4te"));
        QCOMPARE(value("code_challenge"), QStringLiteral("ch4llenge"));
        QCOMPARE(value("code_challenge_method"), QStringLiteral("S256"));
        QCOMPARE(value("access_type"), QStringLiteral("offline"));
        QCOMPARE(value("prompt"), QStringLiteral("consent"));
        QCOMPARE(value("login_hint"), QStringLiteral("ann+archive@example.org"));
        QVERIFY(!value("client_secret")); // the secret never goes to the browser
        // '+' travels as %2B: a form decoder would read a bare '+' as a space.
        QVERIFY2(url.toString(QUrl::FullyEncoded).contains(QLatin1String("ann%2Barchive%40example.org")),
                 qPrintable(url.toString(QUrl::FullyEncoded)));
    }

    void severalScopesAreSpaceSeparated()
    {
        ClientConfig c = client();
        c.scopes << QStringLiteral("openid") << QStringLiteral("email");
        const QUrl url = authorizationUrl(c, {QUrl(QStringLiteral("http://127.0.0.1:1/")), "s", "c", QString()});
        QCOMPARE(formValue(query(url), QStringLiteral("scope")),
                 QStringLiteral("https://www.googleapis.com/auth/gmail.readonly openid email"));
        QVERIFY(url.toString(QUrl::FullyEncoded).contains(QLatin1String("gmail.readonly%20openid%20email")));
    }

    void noLoginHintOnAFirstSignIn()
    {
        const QUrl url = authorizationUrl(client(), {QUrl(QStringLiteral("http://127.0.0.1:1/")), "s", "c", QString()});
        QVERIFY(!formValue(query(url), QStringLiteral("login_hint")));
    }

    void keepsAQueryTheAuthUriAlreadyHas()
    {
        const QUrl url = authorizationUrl(client(QStringLiteral("https://idp.example.com/auth?tenant=a%2Bb")),
                                          {QUrl(QStringLiteral("http://127.0.0.1:1/")), "s", "c", QString()});
        QCOMPARE(formValue(query(url), QStringLiteral("tenant")), QStringLiteral("a+b"));
        QCOMPARE(formValue(query(url), QStringLiteral("state")), QStringLiteral("s"));
    }

    void formDecodingReadsPlusAsSpace()
    {
        const FormFields fields = formDecode("code=4%2F0Ab&scope=a+b&empty=&flag");
        QCOMPARE(formValue(fields, QStringLiteral("code")), QStringLiteral("4/0Ab"));
        QCOMPARE(formValue(fields, QStringLiteral("scope")), QStringLiteral("a b"));
        QCOMPARE(formValue(fields, QStringLiteral("empty")), QString());
        QVERIFY(formValue(fields, QStringLiteral("flag")).has_value());
        QVERIFY(!formValue(fields, QStringLiteral("missing")).has_value());
        QCOMPARE(formEncode({{QStringLiteral("a b"), QStringLiteral("x+y/z=ü")}}),
                 QByteArray("a%20b=x%2By%2Fz%3D%C3%BC"));
    }
};

QTEST_GUILESS_MAIN(TestAuthorizationUrl)
#include "tst_authorizationurl.moc"
