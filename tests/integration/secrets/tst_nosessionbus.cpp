// No session bus at all (DBUS_SESSION_BUS_ADDRESS names a socket nobody listens on, as after a crashed session):
// the keychain fails at once with the clear "no usable keychain", without waiting for any timeout, and the
// selector falls back exactly as without a Secret Service.
#include "secretstestbed.h"
#include "secretwait.h"

#include "net/secrets/keychainsecretstore.h"
#include "net/secrets/secretstoreselector.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTest>

using namespace vaulttray;
using namespace vaulttray::test;

namespace {

// A refused connect takes milliseconds; this leaves room for a loaded machine and stays far below both the
// store's own timeout (kDefaultTimeout, deliberately not shortened here) and the test's.
constexpr qint64 kPromptFailureMs = 5000;

QString key()
{
    return secretKey(QStringLiteral("ann@example.org"), SecretKind::Password);
}

enum class Operation { Read, Write, Remove, Probe };

} // namespace

Q_DECLARE_METATYPE(Operation)

class TestNoSessionBus : public QObject
{
    Q_OBJECT

public:
    explicit TestNoSessionBus(SecretsTestBed &bed) : m_bed(bed) {}

private slots:
    void failsClearlyAndPromptly_data()
    {
        QTest::addColumn<Operation>("operation");
        QTest::newRow("read") << Operation::Read;
        QTest::newRow("write") << Operation::Write;
        QTest::newRow("remove") << Operation::Remove;
        QTest::newRow("probe") << Operation::Probe;
    }

    void failsClearlyAndPromptly()
    {
        QFETCH(Operation, operation);
        KeychainSecretStore store;
        QElapsedTimer elapsed;
        elapsed.start();
        SecretJob *job = nullptr;
        switch (operation) {
        case Operation::Read:
            job = store.read(key());
            break;
        case Operation::Write:
            job = store.write(key(), "hunter2");
            break;
        case Operation::Remove:
            job = store.remove(key());
            break;
        case Operation::Probe:
            job = store.probe();
            break;
        }
        VT_AWAIT(result, job);
        QVERIFY2(elapsed.elapsed() < kPromptFailureMs, qPrintable(QString::number(elapsed.elapsed())));
        QVERIFY(!result.ok());
        QCOMPARE(toString(result.failure.kind), toString(FailureKind::Local));
        QCOMPARE(toString(result.problem), toString(SecretProblem::NoKeychain));
        QVERIFY(!result.notFound);
        QVERIFY2(result.failure.detail.startsWith(QLatin1String("no usable keychain")),
                 qPrintable(result.failure.detail));
    }

    void selectorFallsBack_data()
    {
        QTest::addColumn<Consent>("consent");
        QTest::addColumn<SecretBackend>("expected");
        QTest::newRow("file not allowed: nothing is kept") << Consent::NotGiven << SecretBackend::None;
        QTest::newRow("file allowed: the private file") << Consent::Given << SecretBackend::File;
    }

    void selectorFallsBack()
    {
        QFETCH(Consent, consent);
        QFETCH(SecretBackend, expected);
        SecretStoreSelector selector(std::make_shared<KeychainSecretStore>(), m_bed.dataFolder(), consent);
        QSignalSpy spy(&selector, &SecretStoreSelector::finished);
        selector.start();
        QVERIFY(spy.wait(int(kJobWait.count())));
        const auto choice = spy.at(0).at(0).value<SecretStoreChoice>();
        QCOMPARE(toString(choice.backend()), toString(expected));
        QCOMPARE(toString(choice.keychainProbe.problem), toString(SecretProblem::NoKeychain));

        VT_AWAIT(written, choice.store->write(key(), "hunter2"));
        QCOMPARE(written.ok(), expected == SecretBackend::File);
        QCOMPARE(QFileInfo::exists(m_bed.dataFolder() + QStringLiteral("/secrets.json")),
                 expected == SecretBackend::File);
        VT_AWAIT(removed, choice.store->remove(key()));
        QCOMPARE(removed.ok(), expected == SecretBackend::File);
    }

private:
    SecretsTestBed &m_bed;
};

int main(int argc, char **argv)
{
    SecretsTestBed bed(SecretsTestBed::Bus::Dead);
    QCoreApplication app(argc, argv);
    QString error;
    if (!bed.start(&error)) {
        qCritical("test bed: %s", qPrintable(error));
        return 1;
    }
    TestNoSessionBus test(bed);
    const int failed = QTest::qExec(&test, argc, argv);
    bed.stop();
    return failed;
}

#include "tst_nosessionbus.moc"
