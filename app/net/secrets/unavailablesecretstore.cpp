#include "net/secrets/unavailablesecretstore.h"

#include "net/secrets/secretslog.h"

namespace vaulttray {

UnavailableSecretStore::UnavailableSecretStore(QString keychainDetail) : m_keychainDetail(std::move(keychainDetail)) {}

SecretJob *UnavailableSecretStore::read(const QString &key)
{
    Q_UNUSED(key)
    return refuse(QStringLiteral("nothing can be read"));
}

SecretJob *UnavailableSecretStore::write(const QString &key, const QByteArray &secret)
{
    Q_UNUSED(key)
    Q_UNUSED(secret)
    return refuse(QStringLiteral("nothing was stored"));
}

SecretJob *UnavailableSecretStore::remove(const QString &key)
{
    Q_UNUSED(key)
    return refuse(QStringLiteral("nothing was removed"));
}

SecretJob *UnavailableSecretStore::refuse(const QString &what) const
{
    QString detail = QStringLiteral("no usable keychain; %1. %2").arg(what, QLatin1String(kAdvice));
    if (!m_keychainDetail.isEmpty())
        detail += QStringLiteral(" (the keychain: %1)").arg(m_keychainDetail);
    qCWarning(lcSecrets).noquote() << detail;
    auto *job = new SecretJob;
    job->finish(SecretResult::failed(SecretProblem::NoKeychain, detail));
    return job;
}

} // namespace vaulttray
