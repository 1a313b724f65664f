#include "net/secrets/secretstoreselector.h"

#include "net/secrets/secretslog.h"
#include "net/secrets/unavailablesecretstore.h"

namespace vaulttray {

SecretStoreSelector::SecretStoreSelector(std::shared_ptr<KeychainSecretStore> keychain, QString fileFolder,
                                         Consent fileConsent, QObject *parent)
    : QObject(parent), m_keychain(std::move(keychain)), m_fileFolder(std::move(fileFolder)), m_fileConsent(fileConsent)
{
}

void SecretStoreSelector::start()
{
    SecretJob *probe = m_keychain->probe();
    connect(probe, &SecretJob::finished, this, &SecretStoreSelector::onProbed);
}

void SecretStoreSelector::onProbed(const SecretResult &probe)
{
    SecretStoreChoice choice;
    choice.keychainProbe = probe;
    if (probe.ok()) {
        choice.store = m_keychain;
        qCInfo(lcSecrets) << "secrets go to the keychain";
    } else if (m_fileConsent == Consent::Given) {
        auto file = std::make_shared<FileSecretStore>(m_fileFolder, Consent::Given);
        qCInfo(lcSecrets).noquote() << QStringLiteral("the keychain is not usable (%1); secrets go to the private file "
                                                      "the person allowed: %2")
                                           .arg(probe.failure.detail, file->filePath());
        choice.store = std::move(file);
    } else {
        qCWarning(lcSecrets).noquote() << QStringLiteral("the keychain is not usable (%1); no secret will be kept "
                                                         "until a private file is allowed")
                                              .arg(probe.failure.detail);
        choice.store = std::make_shared<UnavailableSecretStore>(probe.failure.detail);
    }
    emit finished(choice);
}

} // namespace vaulttray
