#pragma once

#include "net/secrets/secretstore.h"

#include <QHash>

namespace vaulttray {

// Whether the person explicitly allowed vaulttray to keep secrets in a private file (a setting they changed).
enum class Consent { NotGiven, Given };

// The opt-in fallback when no keychain is usable: secrets.json in the app's data folder, folder 0700 when we
// create it, file 0600, replaced atomically on every change. Without Consent::Given it neither creates, reads
// nor changes anything. It refuses a file that others may read or write (someone loosened it), that belongs to
// someone else or that is not a regular file, rather than use a secret that may have leaked or been planted.
//
// Changes are read-modify-write of the whole file: one vaulttray process at a time, as the daemon already is.
// On Windows the Credential Manager is always there, so this store is for Unix; the mode checks are Unix-only.
class FileSecretStore final : public SecretStore
{
public:
    static constexpr char kFileName[] = "secrets.json";
    // Bumped when the layout changes; a newer file is refused, not rewritten.
    static constexpr int kFormatVersion = 1;

    FileSecretStore(QString dataFolder, Consent consent);

    SecretJob *read(const QString &key) override;
    SecretJob *write(const QString &key, const QByteArray &secret) override;
    SecretJob *remove(const QString &key) override;
    SecretBackend backend() const override { return SecretBackend::File; }

    QString filePath() const;

private:
    SecretResult readNow(const QString &key) const;
    SecretResult writeNow(const QString &key, const QByteArray &secret) const;
    SecretResult removeNow(const QString &key) const;
    SecretResult consentMissing(const QString &what) const;
    // Fills `secrets` from the file; a missing file is an empty set.
    SecretResult load(QHash<QString, QByteArray> *secrets) const;
    SecretResult save(const QHash<QString, QByteArray> &secrets) const;
    SecretResult ensureFolder() const;

    QString m_folder;
    Consent m_consent;
};

} // namespace vaulttray
