#include "net/secrets/keychainerror.h"

namespace vaulttray {

QString toString(KeychainOperation operation)
{
    switch (operation) {
    case KeychainOperation::Read:
        return QStringLiteral("read");
    case KeychainOperation::Write:
        return QStringLiteral("write");
    case KeychainOperation::Remove:
        return QStringLiteral("remove");
    }
    return QStringLiteral("unknown");
}

SecretResult keychainResult(KeychainOperation operation, QKeychain::Error error, const QString &errorString,
                            QByteArray data)
{
    // errorString comes from the backend (libsecret, D-Bus) and names services and objects, never the secret.
    const QString said = QStringLiteral("%1 (QtKeychain error %2)").arg(errorString).arg(int(error));
    switch (error) {
    case QKeychain::NoError:
        return operation == KeychainOperation::Read ? SecretResult::found(std::move(data)) : SecretResult::done();
    case QKeychain::EntryNotFound:
        if (operation == KeychainOperation::Read)
            return SecretResult::missing();
        if (operation == KeychainOperation::Remove)
            return SecretResult::done();
        return SecretResult::failed(SecretProblem::KeychainError,
                                    QStringLiteral("the keychain could not store the entry: %1").arg(said));
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return SecretResult::failed(SecretProblem::KeychainDenied,
                                    QStringLiteral("keychain access denied: %1").arg(said));
    case QKeychain::CouldNotDeleteEntry:
        return SecretResult::failed(SecretProblem::KeychainError,
                                    QStringLiteral("the keychain could not delete the entry: %1").arg(said));
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        break;
    }
    return SecretResult::failed(SecretProblem::NoKeychain, QStringLiteral("no usable keychain: %1").arg(said));
}

} // namespace vaulttray
