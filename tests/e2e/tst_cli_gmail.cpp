// `vaulttray account add-gmail` and `account signin` as a person runs them: the command line prints the
// sign-in address and starts $BROWSER (here a script that follows the redirects with curl, as a browser
// would); the refresh token lands in the keychain and nowhere else; signing in again as another Google
// account is refused and overwrites nothing.
#include "clirun.h"
#include "gmailserver.h"
#include "net/secrets/keychainsecretstore.h"
#include "oauthserver.h"
#include "secretstestbed.h"
#include "secretstestmain.h"
#include "secretwait.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace vaulttray;
using namespace vaulttray::test;

namespace {

using Run = CliRun;
} // namespace

class TestCliGmail : public QObject
{
    Q_OBJECT

public:
    explicit TestCliGmail(SecretsTestBed &bed)
        : m_bed(bed)
    {
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
        QVERIFY(startGmail(QStringLiteral("ann@example.org")));
        m_clientFile = m_bed.root() + QStringLiteral("/client_secret.json");
        QVERIFY(writeFile(m_clientFile, m_server.clientFileJson()));
        const QString browser = writeCurlBrowser(m_bed.root());
        QVERIFY(!browser.isEmpty());
        qputenv("BROWSER", browser.toUtf8());
        qputenv("VAULTTRAY_ARCHIVE", (m_bed.root() + QStringLiteral("/archive/archive.db")).toUtf8());
    }

    void addGmailSignsInAndStoresTheTokenInTheKeychain()
    {
        QVERIFY(m_server.setNextUser(QStringLiteral("ann@example.org")));
        const Run r = run({QStringLiteral("account"), QStringLiteral("add-gmail"), QStringLiteral("me"),
                           QStringLiteral("--client-file"), m_clientFile});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(m_server.url().toString(QUrl::RemovePath | QUrl::StripTrailingSlash)), qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("Signed in as ann@example.org")), qPrintable(r.out));
        QCOMPARE(m_server.tokenRequests(QStringLiteral("authorization_code")), 1);
        QCOMPARE(m_gmail->stats().value(QStringLiteral("requests")).toObject().value(QStringLiteral("getProfile")).toInt(), 1);
        QCOMPARE(address(QStringLiteral("me")), QStringLiteral("ann@example.org"));
        m_refreshToken = storedToken(QStringLiteral("me"));
        QVERIFY(!m_refreshToken.isEmpty());
    }

    void aWrongClientFileIsNamedAndNothingIsAdded()
    {
        const QString web = m_bed.root() + QStringLiteral("/web_client.json");
        QFile file(web);
        QVERIFY(file.open(QIODevice::WriteOnly));
        // What Google Cloud Console downloads for a "Web application" client instead of a "Desktop app".
        file.write(R"({"web":{"client_id":"x.apps.googleusercontent.com","client_secret":"y"}})");
        file.close();
        const Run r = run({QStringLiteral("account"), QStringLiteral("add-gmail"), QStringLiteral("other"),
                           QStringLiteral("--client-file"), web});
        QCOMPARE(r.exitCode, 5);
        QVERIFY2(r.err.contains(QStringLiteral("web")), qPrintable(r.err));
        QVERIFY(address(QStringLiteral("other")).isNull());
    }

    void signingInAsAnotherAccountIsRefused()
    {
        QVERIFY(m_server.setNextUser(QStringLiteral("mallory@example.org")));
        const Run r = run({QStringLiteral("account"), QStringLiteral("signin"), QStringLiteral("me")});
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains(QStringLiteral("mallory@example.org")) && r.err.contains(QStringLiteral("ann@example.org")),
                 qPrintable(r.err));
        QCOMPARE(storedToken(QStringLiteral("me")), m_refreshToken); // nothing overwritten
    }

    // The mailbox the new token opens is the authority: a token whose Gmail profile is another address
    // is refused even when the sign-in page said the right name.
    void aTokenForAnotherMailboxIsRefused()
    {
        QVERIFY(startGmail(QStringLiteral("bob@example.org")));
        QVERIFY(m_server.setNextUser(QStringLiteral("ann@example.org")));
        const Run r = run({QStringLiteral("account"), QStringLiteral("signin"), QStringLiteral("me")});
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains(QStringLiteral("bob@example.org")), qPrintable(r.err));
        QCOMPARE(storedToken(QStringLiteral("me")), m_refreshToken);
        QVERIFY(startGmail(QStringLiteral("ann@example.org")));
    }

    void signingInAgainReplacesTheToken()
    {
        QVERIFY(m_server.setNextUser(QStringLiteral("ann@example.org")));
        const Run r = run({QStringLiteral("account"), QStringLiteral("signin"), QStringLiteral("me")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QByteArray renewed = storedToken(QStringLiteral("me"));
        QVERIFY(!renewed.isEmpty());
        QVERIFY(renewed != m_refreshToken);
        m_refreshToken = renewed;
    }

    // The signed-in account archives its mailbox with the stored refresh token, once.
    void syncOnceArchivesTheMailbox()
    {
        const Run first = run({QStringLiteral("sync"), QStringLiteral("--once"), QStringLiteral("me")});
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        QVERIFY2(first.out.contains(QStringLiteral("me: archived")), qPrintable(first.out));
        QCOMPARE(messages(QStringLiteral("me")), 20);
        const int fetched = m_gmail->stats().value(QStringLiteral("messagesGetCalls")).toInt();
        QCOMPARE(fetched, 20);
        const Run again = run({QStringLiteral("sync"), QStringLiteral("--once"), QStringLiteral("me")});
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QCOMPARE(messages(QStringLiteral("me")), 20);
        QCOMPARE(m_gmail->stats().value(QStringLiteral("messagesGetCalls")).toInt(), fetched); // nothing fetched twice
    }

    void cleanupTestCase()
    {
        QCOMPARE(m_bed.filesContaining(m_refreshToken), QStringList());
        QCOMPARE(m_bed.filesContaining(m_server.clientSecret().toUtf8()), QStringList{m_clientFile});
        QVERIFY(!m_server.output().contains(m_refreshToken));
    }

private:
    // The mailbox of `email`, which believes only tokens the OAuth server vouches for.
    bool startGmail(const QString &email)
    {
        m_gmail.reset();
        GmailServerOptions gmail;
        gmail.messages = 20;
        gmail.email = email;
        gmail.tokens.clear();
        gmail.introspectUrl = m_server.url(QStringLiteral("/introspect-jwt")).toString();
        m_gmail = std::make_unique<GmailServer>(gmail);
        const QString error = m_gmail->start();
        if (!error.isEmpty()) {
            qWarning() << "gmail server:" << error;
            return false;
        }
        qputenv("VAULTTRAY_GMAIL_API_BASE", m_gmail->baseUrl().toString().toUtf8());
        return true;
    }

    Run run(const QStringList &args)
    {
        return runVaulttray(args);
    }

    QString address(const QString &name)
    {
        const Run r = run({QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--json")});
        for (const QJsonValue &a : QJsonDocument::fromJson(r.out.toUtf8()).array()) {
            if (a.toObject().value(QStringLiteral("name")).toString() == name)
                return a.toObject().value(QStringLiteral("address")).toString();
        }
        return {};
    }

    int messages(const QString &name)
    {
        const Run r = run({QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--json")});
        for (const QJsonValue &a : QJsonDocument::fromJson(r.out.toUtf8()).array()) {
            if (a.toObject().value(QStringLiteral("name")).toString() == name)
                return a.toObject().value(QStringLiteral("messages")).toInt();
        }
        return -1;
    }

    QByteArray storedToken(const QString &name)
    {
        KeychainSecretStore keychain;
        const std::optional<SecretResult> read = waitFor(keychain.read(secretKey(name, SecretKind::RefreshToken)));
        return read && read->ok() ? read->secret : QByteArray();
    }

    SecretsTestBed &m_bed;
    OAuthServer m_server;
    std::unique_ptr<GmailServer> m_gmail;
    QString m_clientFile;
    QByteArray m_refreshToken;
};

int main(int argc, char **argv)
{
    return execWithSecretsTestBed<TestCliGmail>(SecretsTestBed::Bus::WithKeyring, argc, argv);
}

#include "tst_cli_gmail.moc"
