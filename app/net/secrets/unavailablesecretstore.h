#pragma once

#include "net/secrets/secretstore.h"

namespace vaulttray {

// What the app gets when no keychain is usable and the person has not allowed a private file: nothing is kept
// anywhere. Every call fails with NoKeychain, reads included: a read answering notFound would look like "signed
// out" and send the person to sign in again, only for the new token to be dropped too. Removes fail as well,
// because a keychain that stopped working may still hold the entry.
class UnavailableSecretStore final : public SecretStore
{
public:
    // The wording of the write failure, for logs and "Show details"; the UI shows its own translated text.
    static constexpr char kAdvice[] = "Allow vaulttray to keep secrets in a private file (Settings) or start a "
                                      "Secret Service (e.g. gnome-keyring)";

    // keychainDetail: why the keychain probe failed, appended to every failure.
    explicit UnavailableSecretStore(QString keychainDetail);

    SecretJob *read(const QString &key) override;
    SecretJob *write(const QString &key, const QByteArray &secret) override;
    SecretJob *remove(const QString &key) override;
    SecretBackend backend() const override { return SecretBackend::None; }

private:
    SecretJob *refuse(const QString &what) const;

    QString m_keychainDetail;
};

} // namespace vaulttray
