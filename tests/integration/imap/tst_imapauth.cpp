// Logging in to a real Dovecot: LOGIN and AUTHENTICATE PLAIN with a password that needs quoting and a literal,
// XOAUTH2 with tokens of a real OAuth server that Dovecot checks by RFC 7662 introspection. What may make the person
// sign in again: a refused password, a refused token — each once, with exactly one attempt at the server. What may
// not: the server's own trouble (it cannot reach the token's issuer: [UNAVAILABLE]), which is ServerTransient.
#include "dovecottestbed.h"
#include "imaptestutil.h"
#include "logcapture.h"
#include "oauthserver.h"
#include "signin.h"

#include "core/clock.h"
#include "net/imap/authenticatexoauth2command.h"
#include "net/imap/imapconnection.h"
#include "net/imap/imapsession.h"
#include "net/imap/listcommand.h"
#include "net/imap/logincommand.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace vaulttray;
using namespace vaulttray::test;

namespace {

enum class Method { AuthenticatePlain, Login };

int authFailuresLogged(const DovecotTestbed &dovecot)
{
    return int(dovecot.log().count("(auth failed, "));
}

} // namespace

Q_DECLARE_METATYPE(Method)

class TestImapAuth : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void passwordAccepted_data();
    void passwordAccepted();
    void wrongPasswordRejectedOnce_data();
    void wrongPasswordRejectedOnce();
    void xoauth2TokenAccepted();
    void xoauth2TokenRejected_data();
    void xoauth2TokenRejected();
    void secretsStayOutOfLogs();
    void withoutLiteralPlusOrSaslIr_data();
    void withoutLiteralPlusOrSaslIr();
    void xoauth2ServerTroubleIsNotARejection();

private:
    // Logs in with the given method on a fresh connection; the result of the login command.
    Failure loginWith(Method method, const QByteArray &password);

    OAuthServer m_oauth;
    std::unique_ptr<DovecotTestbed> m_dovecot;
    std::unique_ptr<DovecotTestbed> m_plainDovecot; // announces neither LITERAL+ nor SASL-IR
    QNetworkAccessManager m_network;
    SystemClock m_clock;
    QByteArray m_accessToken;
};

void TestImapAuth::initTestCase()
{
    QString error;
    QVERIFY2(m_oauth.start(&error), qPrintable(error));
    DovecotOptions options;
    options.introspectionUrl = m_oauth.url(QStringLiteral("/introspect-jwt"));
    m_dovecot = std::make_unique<DovecotTestbed>(options);
    QVERIFY2(m_dovecot->start(&error), qPrintable(error));
    const SignInResult signedIn = signIn(m_oauth, &m_network, m_clock, m_dovecot->user());
    QVERIFY2(signedIn.ok(), qPrintable(signedIn.failure.detail));
    m_accessToken = signedIn.grant.accessToken;
}

Failure TestImapAuth::loginWith(Method method, const QByteArray &password)
{
    if (method == Method::AuthenticatePlain) {
        ImapSession session(m_dovecot->endpoint(ImapSecurity::Imaps),
                            {ImapAuthMethod::Password, m_dovecot->user(), password});
        return openSession(session).failure;
    }
    ImapConnection connection(m_dovecot->endpoint(ImapSecurity::Imaps));
    QSignalSpy opened(&connection, &ImapConnection::opened);
    connection.open();
    if (!opened.wait(int(kDovecotWait.count())) || !opened.at(0).at(0).value<Failure>().ok())
        return Failure::of(FailureKind::Local, QStringLiteral("test: no connection"));
    const auto login = runCommand<Failure>(connection, new LoginCommand(m_dovecot->user(), password));
    if (!login)
        return Failure::of(FailureKind::Local, QStringLiteral("test: LOGIN never answered"));
    if (login->ok()) {
        // Logged in for real: LIST is refused before authentication.
        const auto list = runCommand<ImapListResult>(connection, new ListCommand);
        if (!list || list->failure || list->mailboxes.isEmpty())
            return Failure::of(FailureKind::Local, QStringLiteral("test: LIST failed after LOGIN"));
    }
    return *login;
}

void TestImapAuth::passwordAccepted_data()
{
    QTest::addColumn<Method>("method");
    QTest::newRow("AUTHENTICATE PLAIN") << Method::AuthenticatePlain;
    QTest::newRow("LOGIN (password as a literal)") << Method::Login;
}

void TestImapAuth::passwordAccepted()
{
    QFETCH(Method, method);
    const int logins = loginsLogged(*m_dovecot);
    const Failure f = loginWith(method, m_dovecot->password());
    QVERIFY2(f.ok(), qPrintable(f.detail));
    QTRY_VERIFY_WITH_TIMEOUT(loginsLogged(*m_dovecot) > logins, int(kDovecotWait.count()));
}

void TestImapAuth::wrongPasswordRejectedOnce_data()
{
    passwordAccepted_data();
}

void TestImapAuth::wrongPasswordRejectedOnce()
{
    QFETCH(Method, method);
    const int failuresBefore = authFailuresLogged(*m_dovecot);
    const Failure f = loginWith(method, m_dovecot->password() + "x");
    QCOMPARE(toString(f.kind), toString(FailureKind::CredentialRejected));
    QVERIFY2(f.detail.contains(QLatin1String("AUTHENTICATIONFAILED")), qPrintable(f.detail));
    // Dovecot logs each refused connection with the number of attempts it saw on it: one, and one connection.
    QTRY_COMPARE_WITH_TIMEOUT(authFailuresLogged(*m_dovecot), failuresBefore + 1, int(kDovecotWait.count()));
    QVERIFY(m_dovecot->log().contains("(auth failed, 1 attempts"));
    QVERIFY(!m_dovecot->log().contains("(auth failed, 2 attempts"));
}

void TestImapAuth::xoauth2TokenAccepted()
{
    ImapSession session(m_dovecot->endpoint(ImapSecurity::Imaps),
                        {ImapAuthMethod::XOAuth2, m_dovecot->user(), m_accessToken});
    const ImapOpenResult result = openSession(session);
    QVERIFY2(result.failure.ok(), qPrintable(result.failure.detail));
    QVERIFY(!result.tokenRejected);
    QVERIFY(m_dovecot->log().contains("method=XOAUTH2"));
    const auto list = runCommand<ImapListResult>(session.connection(), new ListCommand);
    QVERIFY(list && list->failure.ok());
}

void TestImapAuth::xoauth2TokenRejected_data()
{
    QTest::addColumn<bool>("revoke");
    QTest::newRow("revoked at the server") << true;
    QTest::newRow("never issued") << false;
}

void TestImapAuth::xoauth2TokenRejected()
{
    QFETCH(bool, revoke);
    QByteArray token = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJub2JvZHkifQ.";
    if (revoke) {
        const SignInResult fresh = signIn(m_oauth, &m_network, m_clock, m_dovecot->user());
        QVERIFY2(fresh.ok(), qPrintable(fresh.failure.detail));
        token = fresh.grant.accessToken;
        QVERIFY(m_oauth.revoke(token));
    }
    const int failuresBefore = authFailuresLogged(*m_dovecot);
    ImapSession session(m_dovecot->endpoint(ImapSecurity::Imaps), {ImapAuthMethod::XOAuth2, m_dovecot->user(), token});
    QSignalSpy opened(&session, &ImapSession::opened);
    const ImapOpenResult result = openSession(session);
    QCOMPARE(toString(result.failure.kind), toString(FailureKind::CredentialRejected));
    QVERIFY(result.tokenRejected);
    QVERIFY2(result.failure.detail.contains(QLatin1String("rejected the access token")),
             qPrintable(result.failure.detail));
    QTRY_COMPARE_WITH_TIMEOUT(authFailuresLogged(*m_dovecot), failuresBefore + 1, int(kDovecotWait.count()));
    QCOMPARE(opened.size(), 1);
}

void TestImapAuth::secretsStayOutOfLogs()
{
    // Everything the client said at debug level during a password and a token login.
    LogCapture log;
    QVERIFY(loginWith(Method::Login, m_dovecot->password()).ok());
    QVERIFY(loginWith(Method::AuthenticatePlain, m_dovecot->password()).ok());
    ImapSession session(m_dovecot->endpoint(ImapSecurity::Imaps),
                        {ImapAuthMethod::XOAuth2, m_dovecot->user(), m_accessToken});
    const ImapOpenResult result = openSession(session);
    const QByteArray captured = log.text().toUtf8();
    QVERIFY(result.failure.ok());
    QVERIFY(captured.contains("LOGIN"));
    QVERIFY(captured.contains("AUTHENTICATE XOAUTH2"));
    QVERIFY(!captured.contains(m_dovecot->password()));
    QVERIFY(!captured.contains(m_accessToken));
    QVERIFY(!captured.contains(m_accessToken.left(40)));
    const QByteArray initialResponse = "user=" + m_dovecot->user().toUtf8() + "\x01auth=Bearer " + m_accessToken;
    QVERIFY(!captured.contains(initialResponse.toBase64().left(40)));
    QVERIFY(!captured.contains(('\0' + m_dovecot->user().toUtf8() + '\0' + m_dovecot->password()).toBase64()));
}

void TestImapAuth::withoutLiteralPlusOrSaslIr_data()
{
    QTest::addColumn<QString>("how");
    QTest::addColumn<bool>("good");
    for (const char *how : {"LOGIN", "AUTHENTICATE PLAIN", "XOAUTH2"}) {
        QTest::addRow("%s, accepted", how) << QString::fromLatin1(how) << true;
        QTest::addRow("%s, refused", how) << QString::fromLatin1(how) << false;
    }
}

void TestImapAuth::withoutLiteralPlusOrSaslIr()
{
    // The same Dovecot behaviour, announced without LITERAL+ and SASL-IR: the password literal waits for the
    // server's "+", and each SASL response follows the server's challenge.
    QFETCH(QString, how);
    QFETCH(bool, good);
    if (!m_plainDovecot) {
        DovecotOptions options;
        options.introspectionUrl = m_oauth.url(QStringLiteral("/introspect-jwt"));
        options.capabilities = "IMAP4rev1 ENABLE CONDSTORE QRESYNC";
        m_plainDovecot = std::make_unique<DovecotTestbed>(options);
        QString error;
        QVERIFY2(m_plainDovecot->start(&error), qPrintable(error));
    }
    DovecotTestbed *plain = m_plainDovecot.get();
    Failure f;
    if (how == QLatin1String("LOGIN")) {
        ImapConnection connection(plain->endpoint(ImapSecurity::Imaps));
        QSignalSpy opened(&connection, &ImapConnection::opened);
        connection.open();
        QVERIFY(opened.wait(int(kDovecotWait.count())));
        QVERIFY(!connection.hasCapability("LITERAL+"));
        QVERIFY(!connection.hasCapability("SASL-IR"));
        const auto login = runCommand<Failure>(
            connection, new LoginCommand(plain->user(), good ? plain->password() : plain->password() + "x"));
        QVERIFY(login.has_value());
        f = *login;
    } else {
        const bool xoauth2 = how == QLatin1String("XOAUTH2");
        const QByteArray secret = xoauth2 ? (good ? m_accessToken : QByteArray("not-a-token"))
                                          : (good ? plain->password() : plain->password() + "x");
        ImapSession session(plain->endpoint(ImapSecurity::Imaps),
                            {xoauth2 ? ImapAuthMethod::XOAuth2 : ImapAuthMethod::Password, plain->user(), secret});
        const ImapOpenResult result = openSession(session);
        QVERIFY(!session.connection().hasCapability("SASL-IR"));
        f = result.failure;
        QCOMPARE(result.tokenRejected, xoauth2 && !good);
    }
    if (good)
        QVERIFY2(f.ok(), qPrintable(f.detail));
    else
        QCOMPARE(toString(f.kind), toString(FailureKind::CredentialRejected));
}

void TestImapAuth::xoauth2ServerTroubleIsNotARejection()
{
    // Dovecot cannot reach the token's issuer to check it (last: the OAuth server stays down).
    m_oauth.stop();
    ImapSession session(m_dovecot->endpoint(ImapSecurity::Imaps),
                        {ImapAuthMethod::XOAuth2, m_dovecot->user(), m_accessToken});
    const ImapOpenResult result = openSession(session);
    QCOMPARE(toString(result.failure.kind), toString(FailureKind::ServerTransient));
    QVERIFY(!result.tokenRejected);
}

QTEST_GUILESS_MAIN(TestImapAuth)
#include "tst_imapauth.moc"
