#include "net/secrets/secretstore.h"

namespace vaulttray {

QString secretKey(const QString &accountName, SecretKind kind)
{
    const QLatin1String suffix =
        kind == SecretKind::RefreshToken ? QLatin1String("refresh-token") : QLatin1String("password");
    return QStringLiteral("account/%1/%2").arg(accountName, suffix);
}

QString toString(SecretBackend backend)
{
    switch (backend) {
    case SecretBackend::Keychain:
        return QStringLiteral("keychain");
    case SecretBackend::File:
        return QStringLiteral("file");
    case SecretBackend::None:
        return QStringLiteral("none");
    }
    return QStringLiteral("unknown");
}

} // namespace vaulttray
