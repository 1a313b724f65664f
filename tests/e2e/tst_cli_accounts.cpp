// `vaulttray account ...`, `status` and `sync` as a person types them, against the real executable:
// the password goes from stdin to the keychain and nowhere else; a running instance carries out the
// commands (one writer per archive); without a usable keychain nothing is added and the reason is clear.
#include "clirun.h"
#include "net/secrets/keychainsecretstore.h"
#include "secretstestbed.h"
#include "secretwait.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <csignal>

using namespace vaulttray;
using namespace vaulttray::test;

namespace {
const QByteArray kPassword = "correct horse battery staple 7";
constexpr int kProcessTimeoutMs = 60000;

using Run = CliRun;

QStringList addImap(const QString &name)
{
    return {QStringLiteral("account"), QStringLiteral("add-imap"), name, QStringLiteral("--host"),
            QStringLiteral("127.0.0.1"), QStringLiteral("--port"), QStringLiteral("1143"), QStringLiteral("--security"),
            QStringLiteral("plain"), QStringLiteral("--user"), QStringLiteral("alice"), QStringLiteral("--password-stdin")};
}

bool keyringScenario()
{
    return qEnvironmentVariable("VAULTTRAY_TEST_SCENARIO") == QLatin1String("keyring");
}
} // namespace

// Runs the real executable in the test bed's private session.
class CliFixture : public QObject
{
public:
    explicit CliFixture(SecretsTestBed &bed)
        : m_bed(bed)
    {
        qputenv("VAULTTRAY_ARCHIVE", (m_bed.root() + QStringLiteral("/archive/archive.db")).toUtf8());
    }

protected:
    Run run(const QStringList &args, const QByteArray &input = {})
    {
        CliOptions options;
        options.input = input;
        return runVaulttray(args, options);
    }

    QJsonObject statusJson()
    {
        return QJsonDocument::fromJson(run({QStringLiteral("status"), QStringLiteral("--json")}).out.toUtf8()).object();
    }

    QStringList accountNames()
    {
        QStringList names;
        const Run r = run({QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--json")});
        for (const QJsonValue &a : QJsonDocument::fromJson(r.out.toUtf8()).array())
            names << a.toObject().value(QStringLiteral("name")).toString();
        return names;
    }

    SecretsTestBed &m_bed;
};

class TestCliAccounts : public CliFixture
{
    Q_OBJECT

public:
    using CliFixture::CliFixture;

private slots:
    void addStoresThePasswordInTheKeychainOnly()
    {
        const Run r = run(addImap(QStringLiteral("work")), kPassword + '\n');
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        KeychainSecretStore keychain;
        VT_AWAIT(stored, keychain.read(secretKey(QStringLiteral("work"), SecretKind::Password)));
        QVERIFY(stored.ok());
        QCOMPARE(stored.secret, kPassword);
        QCOMPARE(accountNames(), QStringList{QStringLiteral("work")});
    }

    void noPasswordNoAccount()
    {
        QStringList args = addImap(QStringLiteral("nopass"));
        args.removeLast(); // no --password-stdin, and stdin is not a terminal
        const Run r = run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--password-stdin")), qPrintable(r.err));
        QVERIFY(!accountNames().contains(QStringLiteral("nopass")));
    }

    void plaintextToARemoteHostIsRefused()
    {
        QStringList args = addImap(QStringLiteral("far"));
        args[4] = QStringLiteral("mail.example.org");
        const Run r = run(args, kPassword + '\n');
        QCOMPARE(r.exitCode, 5);
        QVERIFY2(r.err.contains(QStringLiteral("unencrypted")), qPrintable(r.err));
        QVERIFY(!accountNames().contains(QStringLiteral("far")));
    }

    void aSecondAccountOfTheSameNameLeavesTheFirstPasswordAlone()
    {
        const Run r = run(addImap(QStringLiteral("work")), "another password\n");
        QCOMPARE(r.exitCode, 5);
        QVERIFY2(r.err.contains(QStringLiteral("already exists")), qPrintable(r.err));
        KeychainSecretStore keychain;
        VT_AWAIT(stored, keychain.read(secretKey(QStringLiteral("work"), SecretKind::Password)));
        QCOMPARE(stored.secret, kPassword);
    }

    void aRunningInstanceCarriesOutTheCommands()
    {
        QProcess daemon;
        daemon.setReadChannel(QProcess::StandardError);
        daemon.start(qEnvironmentVariable("VAULTTRAY_BIN"), {QStringLiteral("--headless")});
        QVERIFY(daemon.waitForStarted());
        QByteArray log;
        while (!log.contains("archive ready") && daemon.waitForReadyRead(kProcessTimeoutMs))
            log += daemon.readAllStandardError();
        QVERIFY2(log.contains("archive ready"), log.constData());
        // The control socket is up once status answers from the instance, not in-process.
        QJsonObject status;
        QTRY_VERIFY_WITH_TIMEOUT((status = statusJson()).value(QStringLiteral("running")).toBool(), 10000);

        const Run added = run(addImap(QStringLiteral("home")), kPassword + '\n');
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        status = statusJson();
        QStringList states;
        for (const QJsonValue &a : status.value(QStringLiteral("accounts")).toArray())
            states << a.toObject().value(QStringLiteral("name")).toString() + QLatin1Char('=') +
                          a.toObject().value(QStringLiteral("state")).toString();
        QVERIFY2(states.contains(QStringLiteral("home=Idle")), qPrintable(states.join(u' ')));

        const Run second = run({QStringLiteral("--headless")});
        QCOMPARE(second.exitCode, 0);
        QVERIFY2(second.out.contains(QStringLiteral("already running")), qPrintable(second.out));

        // The running instance syncs it: nobody listens on that port, so the run ends as network trouble (exit 3),
        // which is retried later, never as a rejected credential.
        const Run sync = run({QStringLiteral("sync"), QStringLiteral("--once"), QStringLiteral("home")});
        QVERIFY2(sync.exitCode == 3, qPrintable(QString::number(sync.exitCode) + u' ' + sync.err));

        const Run removed = run({QStringLiteral("account"), QStringLiteral("remove"), QStringLiteral("home")});
        QVERIFY2(removed.exitCode == 0, qPrintable(removed.err));
        KeychainSecretStore keychain;
        VT_AWAIT(gone, keychain.read(secretKey(QStringLiteral("home"), SecretKind::Password)));
        QVERIFY(gone.ok());
        QVERIFY(gone.notFound);

        ::kill(static_cast<pid_t>(daemon.processId()), SIGTERM);
        QVERIFY(daemon.waitForFinished(kProcessTimeoutMs));
        QCOMPARE(daemon.exitCode(), 0);
    }

    // The password must be nowhere but in the keychain: not in the archive, settings or logs.
    void cleanupTestCase()
    {
        QCOMPARE(m_bed.filesContaining(kPassword), QStringList());
        QCOMPARE(m_bed.filesContaining(kPassword.toBase64()), QStringList());
    }
};

// A session whose bus has no Secret Service: nothing is added unless the person allows a private file.
class TestCliNoKeychain : public CliFixture
{
    Q_OBJECT

public:
    using CliFixture::CliFixture;

private slots:
    void refusesAndAddsNothing()
    {
        const Run r = run(addImap(QStringLiteral("work")), kPassword + '\n');
        QCOMPARE(r.exitCode, 6);
        QVERIFY2(r.err.contains(QStringLiteral("No usable keychain, so nothing was stored")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("vaulttray secrets allow-private-file")), qPrintable(r.err));
        QCOMPARE(accountNames(), QStringList());
    }

    void aPrivateFileOnlyWithPermission()
    {
        QCOMPARE(run({QStringLiteral("secrets"), QStringLiteral("allow-private-file")}).exitCode, 0);
        const Run allowed = run(addImap(QStringLiteral("work")), kPassword + '\n');
        QVERIFY2(allowed.exitCode == 0, qPrintable(allowed.err));
        const QString file = m_bed.dataFolder() + QStringLiteral("/secrets.json");
        QVERIFY2(QFileInfo::exists(file), qPrintable(file));
        QCOMPARE(QFileInfo(file).permissions() & 0x0077, QFileDevice::Permissions());
        QCOMPARE(accountNames(), QStringList{QStringLiteral("work")});
        // Encoded in that file and nowhere else; never in clear text anywhere.
        QCOMPARE(m_bed.filesContaining(kPassword), QStringList());
        QCOMPARE(m_bed.filesContaining(kPassword.toBase64()), QStringList{file});
    }
};

int main(int argc, char **argv)
{
    SecretsTestBed bed(keyringScenario() ? SecretsTestBed::Bus::WithKeyring : SecretsTestBed::Bus::WithoutSecretService);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("vaulttray"));
    QString error;
    if (!bed.start(&error)) {
        qCritical("test bed: %s", qPrintable(error));
        return 1;
    }
    std::unique_ptr<QObject> test;
    if (keyringScenario())
        test = std::make_unique<TestCliAccounts>(bed);
    else
        test = std::make_unique<TestCliNoKeychain>(bed);
    const int failed = QTest::qExec(test.get(), argc, argv);
    bed.stop();
    return failed;
}

#include "tst_cli_accounts.moc"
