// A working session bus with nobody providing org.freedesktop.secrets (a desktop without gnome-keyring or
// KWallet): the keychain says clearly that it cannot be used, nothing is stored until the person allows the
// private file, and QtKeychain's plain-text fallback stays off.
#include "filemode.h"
#include "logcapture.h"
#include "secretstestbed.h"
#include "secretwait.h"

#include "net/secrets/keychainsecretstore.h"
#include "net/secrets/secretstoreselector.h"
#include "net/secrets/unavailablesecretstore.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSettings>
#include <QTest>

using namespace vaulttray;
using namespace vaulttray::test;

namespace {

constexpr int kCanaryBytes = 24;
constexpr int kOwnerOnlyFile = 0600;
constexpr int kOwnerOnlyFolder = 0700;

QByteArray canary()
{
    QByteArray bytes(kCanaryBytes, Qt::Uninitialized);
    for (char &c : bytes)
        c = char(QRandomGenerator::global()->bounded(256));
    return "canary-" + bytes.toHex();
}

QString key()
{
    return secretKey(QStringLiteral("ann@example.org"), SecretKind::RefreshToken);
}

enum class Operation { Read, Write, Remove };

SecretJob *run(SecretStore &store, Operation operation)
{
    switch (operation) {
    case Operation::Read:
        return store.read(key());
    case Operation::Write:
        return store.write(key(), "1//0gToken");
    case Operation::Remove:
        return store.remove(key());
    }
    return nullptr;
}

SecretStoreChoice select(const QString &folder, Consent consent, bool *ok)
{
    SecretStoreSelector selector(std::make_shared<KeychainSecretStore>(), folder, consent);
    QSignalSpy spy(&selector, &SecretStoreSelector::finished);
    selector.start();
    *ok = spy.wait(int(kJobWait.count()));
    return *ok ? spy.at(0).at(0).value<SecretStoreChoice>() : SecretStoreChoice{};
}

} // namespace

Q_DECLARE_METATYPE(Operation)

class TestNoSecretService : public QObject
{
    Q_OBJECT

public:
    explicit TestNoSecretService(SecretsTestBed &bed) : m_bed(bed) {}

private slots:
    void keychainSaysNoUsableKeychain_data()
    {
        QTest::addColumn<Operation>("operation");
        QTest::newRow("read") << Operation::Read;
        QTest::newRow("write") << Operation::Write;
        QTest::newRow("remove") << Operation::Remove;
    }

    void keychainSaysNoUsableKeychain()
    {
        QFETCH(Operation, operation);
        KeychainSecretStore store;
        VT_AWAIT(result, run(store, operation));
        QVERIFY(!result.ok());
        QCOMPARE(toString(result.failure.kind), toString(FailureKind::Local));
        QCOMPARE(toString(result.problem), toString(SecretProblem::NoKeychain));
        QVERIFY2(!result.notFound, "a keychain that cannot be reached must not look like 'signed out'");
        QVERIFY2(result.failure.detail.startsWith(QLatin1String("no usable keychain")),
                 qPrintable(result.failure.detail));
        QVERIFY2(result.failure.detail.contains(QLatin1String("org.freedesktop.secrets")),
                 qPrintable(result.failure.detail));
    }

    void probeSaysUnusable()
    {
        KeychainSecretStore store;
        VT_AWAIT(probed, store.probe());
        QVERIFY(!probed.ok());
        QCOMPARE(toString(probed.problem), toString(SecretProblem::NoKeychain));
    }

    void withoutConsentNothingIsStored_data() { keychainSaysNoUsableKeychain_data(); }

    void withoutConsentNothingIsStored()
    {
        QFETCH(Operation, operation);
        bool selected = false;
        const SecretStoreChoice choice = select(m_bed.dataFolder(), Consent::NotGiven, &selected);
        QVERIFY(selected);
        QCOMPARE(toString(choice.backend()), toString(SecretBackend::None));
        QCOMPARE(toString(choice.keychainProbe.problem), toString(SecretProblem::NoKeychain));

        VT_AWAIT(result, run(*choice.store, operation));
        QVERIFY(!result.ok());
        QCOMPARE(toString(result.failure.kind), toString(FailureKind::Local));
        QCOMPARE(toString(result.problem), toString(SecretProblem::NoKeychain));
        QVERIFY(!result.notFound);
        const QString &detail = result.failure.detail;
        QVERIFY2(detail.startsWith(QLatin1String("no usable keychain; ")), qPrintable(detail));
        QVERIFY2(detail.contains(QLatin1String(UnavailableSecretStore::kAdvice)), qPrintable(detail));
        if (operation == Operation::Write)
            QVERIFY2(detail.contains(QLatin1String("nothing was stored")), qPrintable(detail));
        QVERIFY(!QFileInfo::exists(m_bed.dataFolder()));
    }

    void withConsentThePrivateFileIsUsed()
    {
        const QString folder = m_bed.root() + QStringLiteral("/consented/vaulttray");
        bool selected = false;
        const SecretStoreChoice choice = select(folder, Consent::Given, &selected);
        QVERIFY(selected);
        QCOMPARE(toString(choice.backend()), toString(SecretBackend::File));
        QCOMPARE(toString(choice.keychainProbe.problem), toString(SecretProblem::NoKeychain));

        const QByteArray secret = canary();
        VT_AWAIT(written, choice.store->write(key(), secret));
        QVERIFY2(written.ok(), qPrintable(written.failure.detail));
        VT_AWAIT(read, choice.store->read(key()));
        QVERIFY2(read.ok(), qPrintable(read.failure.detail));
        QCOMPARE(read.secret, secret);

        const QFileInfo file(folder + QStringLiteral("/secrets.json"));
        QVERIFY(file.isFile());
        QCOMPARE(fileMode(file.filePath()), kOwnerOnlyFile);
        QCOMPARE(fileMode(folder), kOwnerOnlyFolder);

        VT_AWAIT(removed, choice.store->remove(key()));
        QVERIFY(removed.ok());
        VT_AWAIT(gone, choice.store->read(key()));
        QVERIFY(gone.ok());
        QVERIFY(gone.notFound);
    }

    void refusedSecretsLeaveNoTrace()
    {
        QSettings settings; // the app's own settings exist and are scanned too
        settings.setValue(QStringLiteral("accounts/ann/address"), QStringLiteral("ann@example.org"));
        settings.sync();

        const QByteArray secret = canary();
        LogCapture capture;
        bool selected = false;
        const SecretStoreChoice none = select(m_bed.dataFolder(), Consent::NotGiven, &selected);
        QVERIFY(selected);
        VT_AWAIT(refused, none.store->write(key(), secret));
        QVERIFY(!refused.ok());
        KeychainSecretStore keychain;
        VT_AWAIT(failed, keychain.write(key(), secret));
        QVERIFY(!failed.ok());

        QVERIFY2(capture.contains(QLatin1String("no usable keychain")), "the capture saw none of the warnings");
        for (const QByteArray &form : {secret, secret.toBase64(), secret.toHex()}) {
            QVERIFY2(!capture.contains(QString::fromLatin1(form)), qPrintable(capture.text()));
            QCOMPARE(m_bed.filesContaining(form), QStringList());
        }
    }

private:
    SecretsTestBed &m_bed;
};

int main(int argc, char **argv)
{
    SecretsTestBed bed(SecretsTestBed::Bus::WithoutSecretService);
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QString::fromLatin1(kQuietDebugRules));
    QCoreApplication::setOrganizationName(QStringLiteral("vaulttray"));
    QCoreApplication::setApplicationName(QStringLiteral("vaulttray"));
    QString error;
    if (!bed.start(&error)) {
        qCritical("test bed: %s", qPrintable(error));
        return 1;
    }
    TestNoSecretService test(bed);
    const int failed = QTest::qExec(&test, argc, argv);
    bed.stop();
    return failed;
}

#include "tst_nosecretservice.moc"
