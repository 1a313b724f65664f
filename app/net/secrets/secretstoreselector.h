#pragma once

#include "net/secrets/filesecretstore.h"
#include "net/secrets/keychainsecretstore.h"

#include <QObject>

#include <memory>

namespace vaulttray {

struct SecretStoreChoice
{
    std::shared_ptr<SecretStore> store; // never null
    // Why the keychain was not used; ok() when store is the keychain.
    SecretResult keychainProbe;

    SecretBackend backend() const { return store->backend(); }
};

// Picks where secrets go, once at start-up: the keychain when its probe passes; otherwise the private file if
// the person allowed it; otherwise an UnavailableSecretStore that keeps nothing and says why.
class SecretStoreSelector : public QObject
{
    Q_OBJECT

public:
    // fileFolder: the app's data folder, where secrets.json lives when allowed.
    SecretStoreSelector(std::shared_ptr<KeychainSecretStore> keychain, QString fileFolder, Consent fileConsent,
                        QObject *parent = nullptr);

    void start();

signals:
    void finished(const vaulttray::SecretStoreChoice &choice);

private:
    void onProbed(const SecretResult &probe);

    std::shared_ptr<KeychainSecretStore> m_keychain;
    QString m_fileFolder;
    Consent m_fileConsent;
};

} // namespace vaulttray

Q_DECLARE_METATYPE(vaulttray::SecretStoreChoice)
