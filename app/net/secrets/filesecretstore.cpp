#include "net/secrets/filesecretstore.h"

#include "net/secrets/secretslog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace vaulttray {

namespace {

constexpr QFileDevice::Permissions kFilePermissions = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions kFolderPermissions =
    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;
constexpr QFileDevice::Permissions kGroupOrOther = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                                   QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                                   QFileDevice::WriteOther | QFileDevice::ExeOther;

// Qt keeps owner, group and other in separate nibbles (0x7000, 0x0070, 0x0007); this prints them as chmod would.
QString octalMode(QFileDevice::Permissions permissions)
{
    const int bits = int(permissions);
    const int mode = ((bits >> 12) & 07) << 6 | ((bits >> 4) & 07) << 3 | (bits & 07);
    return QStringLiteral("0%1").arg(mode, 3, 8, QLatin1Char('0'));
}

SecretJob *finished(SecretResult result)
{
    auto *job = new SecretJob;
    job->finish(std::move(result));
    return job;
}

} // namespace

FileSecretStore::FileSecretStore(QString dataFolder, Consent consent)
    : m_folder(std::move(dataFolder)), m_consent(consent)
{
}

QString FileSecretStore::filePath() const
{
    return QDir(m_folder).filePath(QString::fromLatin1(kFileName));
}

SecretJob *FileSecretStore::read(const QString &key)
{
    return finished(readNow(key));
}

SecretJob *FileSecretStore::write(const QString &key, const QByteArray &secret)
{
    return finished(writeNow(key, secret));
}

SecretJob *FileSecretStore::remove(const QString &key)
{
    return finished(removeNow(key));
}

SecretResult FileSecretStore::consentMissing(const QString &what) const
{
    const QString detail = QStringLiteral("keeping secrets in a private file has not been allowed; %1. Allow it in "
                                          "Settings, or start a Secret Service (e.g. gnome-keyring)")
                               .arg(what);
    qCWarning(lcSecrets).noquote() << "secrets file:" << detail;
    return SecretResult::failed(SecretProblem::FileNotAllowed, detail);
}

SecretResult FileSecretStore::readNow(const QString &key) const
{
    if (m_consent != Consent::Given)
        return consentMissing(QStringLiteral("nothing was read"));
    QHash<QString, QByteArray> secrets;
    if (SecretResult loaded = load(&secrets); !loaded.ok())
        return loaded;
    const auto it = secrets.constFind(key);
    return it == secrets.constEnd() ? SecretResult::missing() : SecretResult::found(it.value());
}

SecretResult FileSecretStore::writeNow(const QString &key, const QByteArray &secret) const
{
    if (m_consent != Consent::Given)
        return consentMissing(QStringLiteral("nothing was stored"));
    if (SecretResult folder = ensureFolder(); !folder.ok())
        return folder;
    QHash<QString, QByteArray> secrets;
    if (SecretResult loaded = load(&secrets); !loaded.ok())
        return loaded;
    secrets.insert(key, secret);
    return save(secrets);
}

SecretResult FileSecretStore::removeNow(const QString &key) const
{
    if (m_consent != Consent::Given)
        return consentMissing(QStringLiteral("nothing was removed"));
    QHash<QString, QByteArray> secrets;
    if (SecretResult loaded = load(&secrets); !loaded.ok())
        return loaded;
    if (!secrets.remove(key))
        return SecretResult::done();
    return save(secrets);
}

SecretResult FileSecretStore::ensureFolder() const
{
    const QFileInfo folder(m_folder);
    if (folder.isDir())
        return SecretResult::done(); // its mode is the data folder's owner's business; the file is 0600 anyway
    QDir parent = folder.absoluteDir();
    if (!parent.mkpath(QStringLiteral(".")) || !parent.mkdir(folder.fileName(), kFolderPermissions)) {
        const QString detail = QStringLiteral("could not create the folder %1 for the secrets file").arg(m_folder);
        qCWarning(lcSecrets).noquote() << detail;
        return SecretResult::failed(SecretProblem::FileUnwritable, detail);
    }
    return SecretResult::done();
}

SecretResult FileSecretStore::load(QHash<QString, QByteArray> *secrets) const
{
    const QString path = filePath();
    const QFileInfo info(path);
    if (!info.exists() && !info.isSymLink())
        return SecretResult::done();

    QString unsafe;
    if (info.isSymLink() || !info.isFile())
        unsafe = QStringLiteral("%1 is not a regular file").arg(path);
#ifdef Q_OS_UNIX
    else if (info.ownerId() != ::geteuid())
        unsafe = QStringLiteral("%1 belongs to another user").arg(path);
    else if (info.permissions() & kGroupOrOther)
        unsafe = QStringLiteral("%1 can be read or changed by others (mode %2); vaulttray uses it again once it is "
                                "0600 (chmod 600 %1)")
                     .arg(path, octalMode(info.permissions()));
#endif
    if (!unsafe.isEmpty()) {
        qCWarning(lcSecrets).noquote() << "refusing the secrets file:" << unsafe;
        return SecretResult::failed(SecretProblem::FileUnsafe, unsafe);
    }

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        const QString detail = QStringLiteral("could not read %1: %2").arg(path, file.errorString());
        qCWarning(lcSecrets).noquote() << detail;
        return SecretResult::failed(SecretProblem::FileUnreadable, detail);
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    const QJsonObject root = document.object();
    // The parser's message names a position, never the content around it.
    QString broken;
    if (parseError.error != QJsonParseError::NoError)
        broken = QStringLiteral("%1 is not valid JSON (%2)").arg(path, parseError.errorString());
    else if (!document.isObject() || !root.value(QLatin1String("secrets")).isObject())
        broken = QStringLiteral("%1 is not a vaulttray secrets file").arg(path);
    else if (root.value(QLatin1String("format")).toInt() != kFormatVersion)
        broken = QStringLiteral("%1 has format %2; this vaulttray reads format %3")
                     .arg(path)
                     .arg(root.value(QLatin1String("format")).toInt())
                     .arg(kFormatVersion);
    if (!broken.isEmpty()) {
        qCWarning(lcSecrets).noquote() << broken;
        return SecretResult::failed(SecretProblem::FileUnreadable, broken);
    }

    const QJsonObject entries = root.value(QLatin1String("secrets")).toObject();
    for (auto it = entries.constBegin(); it != entries.constEnd(); ++it)
        secrets->insert(it.key(), QByteArray::fromBase64(it.value().toString().toLatin1()));
    return SecretResult::done();
}

SecretResult FileSecretStore::save(const QHash<QString, QByteArray> &secrets) const
{
    const QString path = filePath();
    QJsonObject entries;
    for (auto it = secrets.constBegin(); it != secrets.constEnd(); ++it)
        entries.insert(it.key(), QString::fromLatin1(it.value().toBase64()));
    QJsonObject root;
    root.insert(QLatin1String("format"), kFormatVersion);
    root.insert(QLatin1String("secrets"), entries);

    QSaveFile file(path);
    // A new QSaveFile temp file is created 0666 & ~umask; narrow it before a single byte is written, and again
    // for an existing file, whose mode QSaveFile would otherwise carry over.
    const bool opened = file.open(QIODevice::WriteOnly) && file.setPermissions(kFilePermissions);
    if (!opened || file.write(QJsonDocument(root).toJson(QJsonDocument::Compact)) < 0 || !file.commit()) {
        const QString detail = QStringLiteral("could not write %1: %2").arg(path, file.errorString());
        qCWarning(lcSecrets).noquote() << detail;
        file.cancelWriting();
        return SecretResult::failed(SecretProblem::FileUnwritable, detail);
    }
    return SecretResult::done();
}

} // namespace vaulttray
