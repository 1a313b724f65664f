#pragma once

#include "net/secrets/secretjob.h"

#include <QByteArray>
#include <QString>

namespace vaulttray {

// The service name every keychain entry is filed under.
inline constexpr char kSecretServiceName[] = "vaulttray";

enum class SecretKind { RefreshToken, Password };

// "account/<accountName>/refresh-token" or "account/<accountName>/password". Stores treat keys as opaque.
QString secretKey(const QString &accountName, SecretKind kind);

// Where secrets end up: the OS keychain, the private file the person allowed, or nowhere.
enum class SecretBackend { Keychain, File, None };

QString toString(SecretBackend backend);

// Refresh tokens and passwords, kept outside the archive, the settings and the logs. Each call starts the work
// and returns a job that ends in one finished(SecretResult); see SecretJob. Jobs never point back at the store,
// so a store may be destroyed while its jobs run.
class SecretStore
{
public:
    virtual ~SecretStore() = default;

    // ok() with the secret, ok() with notFound when the store works and holds no such entry, or a failure.
    virtual SecretJob *read(const QString &key) = 0;
    // Creates or replaces the entry.
    virtual SecretJob *write(const QString &key, const QByteArray &secret) = 0;
    // Removing an entry that is not there succeeds.
    virtual SecretJob *remove(const QString &key) = 0;

    virtual SecretBackend backend() const = 0;
};

} // namespace vaulttray
