#pragma once

#include "core/failure.h"

#include <QByteArray>
#include <QMetaType>
#include <QString>

namespace vaulttray {

// Why a secret operation failed, for the UI to choose its words and its offer (e.g. "Allow a private file").
// Every problem is a FailureKind::Local failure; the detail is for logs and "Show details".
enum class SecretProblem {
    None,
    NoKeychain,       // no Secret Service, no session bus, no backend: nothing can be kept in a keychain
    KeychainDenied,   // the keychain refused: locked, or the person declined the prompt
    KeychainTimedOut, // the keychain did not answer in time (e.g. a frozen daemon)
    KeychainError,    // the keychain answered, but wrongly (a failed delete, a probe read back differently)
    FileNotAllowed,   // the person has not allowed a private secrets file
    FileUnsafe,       // the secrets file is readable by others, not ours, or not a regular file
    FileUnreadable,   // I/O error, or not a secrets file this version understands
    FileUnwritable,   // the folder or file could not be created or replaced
};

QString toString(SecretProblem problem);

// The one result of a read, write, remove or probe. A read that succeeded either found the secret or was told
// by a working store that there is none (notFound); "not found" is never a failure, and a failure is never
// "not found", so a caller can treat notFound as "signed out" without mistaking a broken keychain for it.
struct SecretResult
{
    Failure failure;
    SecretProblem problem = SecretProblem::None;
    QByteArray secret;     // a read that found the entry
    bool notFound = false; // a read that a working store answered with "no such entry"

    bool ok() const { return failure.ok(); }

    static SecretResult found(QByteArray secret);
    static SecretResult missing();
    static SecretResult done();
    static SecretResult failed(SecretProblem problem, QString detail);
};

} // namespace vaulttray

Q_DECLARE_METATYPE(vaulttray::SecretResult)
