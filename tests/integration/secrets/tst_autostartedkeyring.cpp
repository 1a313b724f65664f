// The trap TESTBEDS.md describes: a session bus that starts gnome-keyring on demand, but nobody unlocked (or even
// created) a login keyring. Reads answer "not found", just as if the person had signed out; writes fail. Only a
// write tells the two apart, which is why the selector probes with one and must not pick this keychain.
#include "logcapture.h"
#include "secretstestbed.h"
#include "secretwait.h"

#include "net/secrets/keychainsecretstore.h"
#include "net/secrets/secretstoreselector.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTest>

using namespace vaulttray;
using namespace vaulttray::test;

namespace {

QString key()
{
    return secretKey(QStringLiteral("ann@example.org"), SecretKind::RefreshToken);
}

} // namespace

class TestAutoStartedKeyring : public QObject
{
    Q_OBJECT

public:
    explicit TestAutoStartedKeyring(SecretsTestBed &bed) : m_bed(bed) {}

private slots:
    // Not our choice, the keyring's answer; kept here so the day it changes, the reason for probe() is re-read.
    void aReadAloneLooksLikeSignedOut()
    {
        KeychainSecretStore store;
        VT_AWAIT(read, store.read(key()));
        QVERIFY2(read.ok(), qPrintable(read.failure.detail));
        QVERIFY(read.notFound);
    }

    void aWriteFailsAsNoUsableKeychain()
    {
        KeychainSecretStore store;
        VT_AWAIT(written, store.write(key(), "1//0gToken"));
        QVERIFY(!written.ok());
        QCOMPARE(toString(written.failure.kind), toString(FailureKind::Local));
        QCOMPARE(toString(written.problem), toString(SecretProblem::NoKeychain));
        QVERIFY2(written.failure.detail.startsWith(QLatin1String("no usable keychain")),
                 qPrintable(written.failure.detail));
    }

    void theProbeSeesThrough()
    {
        KeychainSecretStore store;
        VT_AWAIT(probed, store.probe());
        QVERIFY(!probed.ok());
        QCOMPARE(toString(probed.problem), toString(SecretProblem::NoKeychain));
    }

    void theSelectorDoesNotPickIt_data()
    {
        QTest::addColumn<Consent>("consent");
        QTest::addColumn<SecretBackend>("expected");
        QTest::newRow("file not allowed: nothing is kept") << Consent::NotGiven << SecretBackend::None;
        QTest::newRow("file allowed: the private file") << Consent::Given << SecretBackend::File;
    }

    void theSelectorDoesNotPickIt()
    {
        QFETCH(Consent, consent);
        QFETCH(SecretBackend, expected);
        SecretStoreSelector selector(std::make_shared<KeychainSecretStore>(), m_bed.dataFolder(), consent);
        QSignalSpy spy(&selector, &SecretStoreSelector::finished);
        selector.start();
        QVERIFY(spy.wait(int(kJobWait.count())));
        const auto choice = spy.at(0).at(0).value<SecretStoreChoice>();
        QCOMPARE(toString(choice.backend()), toString(expected));

        // What a sign-in would do next: without consent the token is refused, never silently dropped.
        VT_AWAIT(written, choice.store->write(key(), "1//0gToken"));
        QCOMPARE(written.ok(), expected == SecretBackend::File);
        if (expected == SecretBackend::None)
            QVERIFY2(written.failure.detail.contains(QLatin1String("nothing was stored")),
                     qPrintable(written.failure.detail));
        VT_AWAIT(removed, choice.store->remove(key()));
        QCOMPARE(removed.ok(), expected == SecretBackend::File);
    }

private:
    SecretsTestBed &m_bed;
};

int main(int argc, char **argv)
{
    SecretsTestBed bed(SecretsTestBed::Bus::AutoStartedKeyring);
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QString::fromLatin1(kQuietDebugRules));
    QString error;
    if (!bed.start(&error)) {
        qCritical("test bed: %s", qPrintable(error));
        return 1;
    }
    TestAutoStartedKeyring test(bed);
    const int failed = QTest::qExec(&test, argc, argv);
    bed.stop();
    return failed;
}

#include "tst_autostartedkeyring.moc"
