// Against a real gnome-keyring on a private session bus: what vaulttray relies on from the keychain — round trips,
// overwrites, "not found" after a delete, entries that outlive the store object and are visible to other
// processes, nothing in settings files or logs, and no hang when the keyring stops answering.
#include "logcapture.h"
#include "secretstestbed.h"
#include "secretwait.h"

#include "net/secrets/keychainsecretstore.h"
#include "net/secrets/secretslog.h"
#include "net/secrets/secretstoreselector.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSettings>
#include <QTest>

using namespace vaulttray;
using namespace vaulttray::test;

namespace {

// Short enough to keep the test quick, long enough that a live keyring on a busy machine never hits it.
constexpr std::chrono::milliseconds kFrozenKeyringTimeout{1500};
constexpr int kLongTokenBytes = 4096;
constexpr int kCanaryBytes = 24;

QString account()
{
    return QStringLiteral("ann@example.org");
}

QByteArray randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    for (char &c : bytes)
        c = char(QRandomGenerator::global()->bounded(256));
    return bytes;
}

// A secret no file or log line could contain by chance.
QByteArray canary()
{
    return "canary-" + randomBytes(kCanaryBytes).toHex();
}

} // namespace

class TestKeychainSecretStore : public QObject
{
    Q_OBJECT

public:
    explicit TestKeychainSecretStore(SecretsTestBed &bed) : m_bed(bed) {}

private slots:
    void probeFindsTheKeychainUsableAndLeavesNothing()
    {
        KeychainSecretStore store;
        VT_AWAIT(probed, store.probe());
        QVERIFY2(probed.ok(), qPrintable(probed.failure.detail));
        VT_AWAIT(leftover, store.read(QString::fromLatin1(KeychainSecretStore::kProbeKey)));
        QVERIFY2(leftover.ok(), qPrintable(leftover.failure.detail));
        QVERIFY(leftover.notFound);
    }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QByteArray>("secret");
        QTest::newRow("refresh token") << secretKey(account(), SecretKind::RefreshToken)
                                       << QByteArray("1//0gAbC-dEf_ghiJKL-mno");
        QTest::newRow("utf-8 password") << secretKey(account(), SecretKind::Password)
                                        << QStringLiteral("pässwörd ✓ 密码").toUtf8();
        QTest::newRow("bytes with NUL and newline")
            << secretKey(QStringLiteral("bob"), SecretKind::Password) << QByteArray("a\0b\nc\r\xff", 7);
        QTest::newRow("4 KiB random token")
            << secretKey(QStringLiteral("carol"), SecretKind::RefreshToken) << randomBytes(kLongTokenBytes);
    }

    void roundTrip()
    {
        QFETCH(QString, key);
        QFETCH(QByteArray, secret);
        KeychainSecretStore store;

        VT_AWAIT(written, store.write(key, secret));
        QVERIFY2(written.ok(), qPrintable(written.failure.detail));
        VT_AWAIT(read, store.read(key));
        QVERIFY2(read.ok(), qPrintable(read.failure.detail));
        QVERIFY(!read.notFound);
        QCOMPARE(read.secret, secret);

        VT_AWAIT(removed, store.remove(key));
        QVERIFY2(removed.ok(), qPrintable(removed.failure.detail));
        VT_AWAIT(gone, store.read(key));
        QVERIFY2(gone.ok(), qPrintable(gone.failure.detail));
        QVERIFY(gone.notFound);
        QVERIFY(gone.secret.isEmpty());

        VT_AWAIT(removedAgain, store.remove(key));
        QVERIFY2(removedAgain.ok(), qPrintable(removedAgain.failure.detail));
    }

    void overwriteKeepsOnlyTheNewSecret()
    {
        KeychainSecretStore store;
        const QString key = secretKey(account(), SecretKind::RefreshToken);
        VT_AWAIT(first, store.write(key, "old-token"));
        QVERIFY2(first.ok(), qPrintable(first.failure.detail));
        VT_AWAIT(second, store.write(key, "new-token"));
        QVERIFY2(second.ok(), qPrintable(second.failure.detail));
        VT_AWAIT(read, store.read(key));
        QCOMPARE(read.secret, QByteArray("new-token"));

        // One delete leaves nothing: the overwrite replaced the entry instead of adding a second one.
        VT_AWAIT(removed, store.remove(key));
        QVERIFY(removed.ok());
        VT_AWAIT(gone, store.read(key));
        QVERIFY(gone.ok());
        QVERIFY(gone.notFound);
    }

    void anotherStoreAndAnotherProcessSeeTheSecret()
    {
        const QString key = secretKey(QStringLiteral("dave@example.org"), SecretKind::RefreshToken);
        const QByteArray secret = canary();
        {
            KeychainSecretStore first;
            VT_AWAIT(written, first.write(key, secret));
            QVERIFY2(written.ok(), qPrintable(written.failure.detail));
        }
        KeychainSecretStore second;
        VT_AWAIT(read, second.read(key));
        QVERIFY2(read.ok(), qPrintable(read.failure.detail));
        QCOMPARE(read.secret, secret);

        // Another process, another client library: the entry lives in the keyring daemon under the service name,
        // in QtKeychain's schema (binary secrets are kept base64-encoded, type "base64").
        QProcess lookup;
        lookup.start(QStringLiteral("secret-tool"),
                     {QStringLiteral("lookup"), QStringLiteral("user"), key, QStringLiteral("server"),
                      QString::fromLatin1(kSecretServiceName), QStringLiteral("type"), QStringLiteral("base64")});
        QVERIFY2(lookup.waitForFinished(int(kJobWait.count())), qPrintable(lookup.errorString()));
        QCOMPARE(lookup.exitCode(), 0);
        QCOMPARE(QByteArray::fromBase64(lookup.readAllStandardOutput().trimmed()), secret);

        VT_AWAIT(removed, second.remove(key));
        QVERIFY(removed.ok());
    }

    void selectorPicksTheKeychain_data()
    {
        QTest::addColumn<Consent>("fileConsent");
        QTest::newRow("file not allowed") << Consent::NotGiven;
        QTest::newRow("file allowed, keychain still wins") << Consent::Given;
    }

    void selectorPicksTheKeychain()
    {
        QFETCH(Consent, fileConsent);
        SecretStoreSelector selector(std::make_shared<KeychainSecretStore>(), m_bed.dataFolder(), fileConsent);
        QSignalSpy spy(&selector, &SecretStoreSelector::finished);
        selector.start();
        QVERIFY(spy.wait(int(kJobWait.count())));
        const auto choice = spy.at(0).at(0).value<SecretStoreChoice>();
        QCOMPARE(toString(choice.backend()), toString(SecretBackend::Keychain));
        QVERIFY(choice.keychainProbe.ok());

        const QString key = secretKey(account(), SecretKind::Password);
        VT_AWAIT(written, choice.store->write(key, "hunter2"));
        QVERIFY(written.ok());
        VT_AWAIT(removed, choice.store->remove(key));
        QVERIFY(removed.ok());
        QVERIFY(!QFileInfo::exists(m_bed.dataFolder() + QStringLiteral("/secrets.json")));
    }

    // The detectors below must see a leak when there is one, or their silence in the next test proves nothing.
    void leakDetectorsCatchAPlantedSecret()
    {
        const QByteArray secret = canary();
        LogCapture capture;
        qCWarning(lcSecrets) << "planted" << secret;
        QVERIFY(capture.contains(QString::fromLatin1(secret)));

        QSettings settings;
        settings.setValue(QStringLiteral("planted/token"), QString::fromLatin1(secret));
        settings.sync();
        QCOMPARE(m_bed.filesContaining(secret), QStringList{settings.fileName()});
        settings.remove(QStringLiteral("planted"));
        settings.sync();
        QVERIFY(m_bed.filesContaining(secret).isEmpty());
    }

    void secretStaysOutOfSettingsFilesAndLogs()
    {
        QSettings settings; // the app's own settings exist and are scanned too
        settings.setValue(QStringLiteral("accounts/ann/address"), account());
        settings.sync();
        QVERIFY(QFileInfo(settings.fileName()).absoluteFilePath().startsWith(m_bed.root()));

        const QByteArray secret = canary();
        const QString key = secretKey(account(), SecretKind::RefreshToken);
        LogCapture capture;
        {
            KeychainSecretStore store;
            VT_AWAIT(probed, store.probe());
            QVERIFY(probed.ok());
            VT_AWAIT(written, store.write(key, secret));
            QVERIFY(written.ok());
            VT_AWAIT(read, store.read(key));
            QCOMPARE(read.secret, secret);
        }

        QVERIFY2(capture.contains(key), "the capture saw none of the store's log lines");
        for (const QByteArray &form : {secret, secret.toBase64(), secret.toHex()}) {
            QVERIFY2(!capture.contains(QString::fromLatin1(form)), qPrintable(capture.text()));
            QCOMPARE(m_bed.filesContaining(form), QStringList());
        }
        // It did reach the disk, encrypted, in the private HOME's keyring.
        QVERIFY(QFileInfo(m_bed.home() + QStringLiteral("/.local/share/keyrings/login.keyring")).size() > 0);

        KeychainSecretStore store;
        VT_AWAIT(removed, store.remove(key));
        QVERIFY(removed.ok());
    }

    // Last: it leaves a QtKeychain job queued behind the frozen daemon until the thaw.
    void frozenKeyringTimesOutInsteadOfHanging()
    {
        const QString key = secretKey(account(), SecretKind::Password);
        KeychainSecretStore store(QString::fromLatin1(kSecretServiceName), kFrozenKeyringTimeout);
        QVERIFY(m_bed.freezeKeyring());
        auto thaw = qScopeGuard([this] { m_bed.thawKeyring(); });

        VT_AWAIT(read, store.read(key));
        QVERIFY(!read.ok());
        QCOMPARE(toString(read.failure.kind), toString(FailureKind::Local));
        QCOMPARE(toString(read.problem), toString(SecretProblem::KeychainTimedOut));
        QVERIFY(!read.notFound);
        QVERIFY2(read.failure.detail.contains(QLatin1String("did not answer")), qPrintable(read.failure.detail));

        thaw.dismiss();
        QVERIFY(m_bed.thawKeyring());
        // Once thawed, the queue drains and the keychain answers again.
        KeychainSecretStore patient;
        VT_AWAIT(again, patient.read(key));
        QVERIFY2(again.ok(), qPrintable(again.failure.detail));
        QVERIFY(again.notFound);
    }

private:
    SecretsTestBed &m_bed;
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
    TestKeychainSecretStore test(bed);
    const int failed = QTest::qExec(&test, argc, argv);
    bed.stop();
    return failed;
}

#include "tst_keychainsecretstore.moc"
