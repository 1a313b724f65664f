// How QtKeychain's answers become SecretResults: "not found" is an answer, not a failure; everything that means
// "no keychain to talk to" (including OtherError, which is what Linux gives without a Secret Service or a bus)
// is the one clear NoKeychain failure.
#include "net/secrets/keychainerror.h"

#include <QTest>

using namespace vaulttray;

Q_DECLARE_METATYPE(QKeychain::Error)

class TestKeychainError : public QObject
{
    Q_OBJECT

private slots:
    void mapping_data()
    {
        QTest::addColumn<KeychainOperation>("operation");
        QTest::addColumn<QKeychain::Error>("error");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<bool>("notFound");
        QTest::addColumn<SecretProblem>("problem");
        QTest::addColumn<QString>("detailStart");

        const auto read = KeychainOperation::Read;
        const auto write = KeychainOperation::Write;
        const auto remove = KeychainOperation::Remove;
        QTest::newRow("read found") << read << QKeychain::NoError << true << false << SecretProblem::None << "";
        QTest::newRow("write done") << write << QKeychain::NoError << true << false << SecretProblem::None << "";
        QTest::newRow("read: not found is an answer")
            << read << QKeychain::EntryNotFound << true << true << SecretProblem::None << "";
        QTest::newRow("remove: nothing to remove")
            << remove << QKeychain::EntryNotFound << true << false << SecretProblem::None << "";
        QTest::newRow("write: not found is wrong") << write << QKeychain::EntryNotFound << false << false
                                                   << SecretProblem::KeychainError << "the keychain could not store";
        QTest::newRow("no Secret Service / no bus (OtherError)")
            << read << QKeychain::OtherError << false << false << SecretProblem::NoKeychain << "no usable keychain";
        QTest::newRow("no backend") << write << QKeychain::NoBackendAvailable << false << false
                                    << SecretProblem::NoKeychain << "no usable keychain";
        QTest::newRow("not implemented") << read << QKeychain::NotImplemented << false << false
                                         << SecretProblem::NoKeychain << "no usable keychain";
        QTest::newRow("locked") << read << QKeychain::AccessDenied << false << false << SecretProblem::KeychainDenied
                                << "keychain access denied";
        QTest::newRow("person said no") << write << QKeychain::AccessDeniedByUser << false << false
                                        << SecretProblem::KeychainDenied << "keychain access denied";
        QTest::newRow("delete failed") << remove << QKeychain::CouldNotDeleteEntry << false << false
                                       << SecretProblem::KeychainError << "the keychain could not delete";
    }

    void mapping()
    {
        QFETCH(KeychainOperation, operation);
        QFETCH(QKeychain::Error, error);
        QFETCH(bool, ok);
        QFETCH(bool, notFound);
        QFETCH(SecretProblem, problem);
        QFETCH(QString, detailStart);

        const QByteArray data = operation == KeychainOperation::Read && ok && !notFound ? "token" : "";
        const SecretResult result = keychainResult(operation, error, QStringLiteral("backend says why"), data);
        QCOMPARE(result.ok(), ok);
        QCOMPARE(result.notFound, notFound);
        QCOMPARE(toString(result.problem), toString(problem));
        QCOMPARE(result.secret, data);
        if (ok) {
            QCOMPARE(toString(result.failure.kind), toString(FailureKind::None));
        } else {
            QCOMPARE(toString(result.failure.kind), toString(FailureKind::Local));
            QVERIFY2(result.failure.detail.startsWith(detailStart), qPrintable(result.failure.detail));
            QVERIFY2(result.failure.detail.contains(QLatin1String("backend says why")),
                     qPrintable(result.failure.detail));
            QVERIFY2(result.failure.detail.contains(QStringLiteral("error %1").arg(int(error))),
                     qPrintable(result.failure.detail));
        }
    }
};

QTEST_GUILESS_MAIN(TestKeychainError)
#include "tst_keychainerror.moc"
