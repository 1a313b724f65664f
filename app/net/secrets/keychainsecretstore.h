#pragma once

#include "net/secrets/secretstore.h"

#include <chrono>

namespace vaulttray {

// Secrets in the OS keychain through QtKeychain (Secret Service, macOS Keychain, Windows Credential Manager),
// never with QtKeychain's plain-text fallback. Each call that gets no answer within the timeout fails with
// KeychainTimedOut rather than hanging the caller.
class KeychainSecretStore final : public SecretStore
{
public:
    // Long, because an unlock prompt waits for the person; tests pass their own.
    static constexpr std::chrono::seconds kDefaultTimeout{120};
    // The harmless entry probe() writes, reads back and deletes.
    static constexpr char kProbeKey[] = "probe/keychain-check";

    explicit KeychainSecretStore(QString service = QString::fromLatin1(kSecretServiceName),
                                 std::chrono::milliseconds timeout = kDefaultTimeout);

    SecretJob *read(const QString &key) override;
    SecretJob *write(const QString &key, const QByteArray &secret) override;
    SecretJob *remove(const QString &key) override;
    SecretBackend backend() const override { return SecretBackend::Keychain; }

    // Whether the keychain can be used: ok() only when a probe entry could be written, read back unchanged and
    // deleted. A keychain that merely answers reads (a locked, auto-started one answers "not found") fails here,
    // which is the point: a read's notFound means "signed out" only once this succeeded.
    SecretJob *probe();

private:
    QString m_service;
    std::chrono::milliseconds m_timeout;
};

} // namespace vaulttray
