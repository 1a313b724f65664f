#pragma once

#include "net/secrets/secretresult.h"

#include <qt6keychain/keychain.h>

namespace vaulttray {

enum class KeychainOperation { Read, Write, Remove };

QString toString(KeychainOperation operation);

// Turns a finished QtKeychain job into a SecretResult. EntryNotFound is an answer, not a failure: notFound for a
// read, success for a remove. On Linux "no Secret Service on the bus" and "no session bus" both arrive as
// OtherError (TESTBEDS.md), so OtherError means "no usable keychain" rather than a passing glitch.
SecretResult keychainResult(KeychainOperation operation, QKeychain::Error error, const QString &errorString,
                            QByteArray data = {});

} // namespace vaulttray
