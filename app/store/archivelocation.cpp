#include "store/archivelocation.h"

#include <QDir>
#include <QStandardPaths>

namespace vaulttray {

QString resolveArchivePath(const QString &explicitPath)
{
    if (!explicitPath.isEmpty())
        return QDir::cleanPath(QDir::current().absoluteFilePath(explicitPath));
    const QString fromEnv = qEnvironmentVariable(kArchiveEnvVar);
    if (!fromEnv.isEmpty())
        return QDir::cleanPath(QDir::current().absoluteFilePath(fromEnv));
    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dataDir).filePath(QString::fromLatin1(kArchiveFileName));
}

} // namespace vaulttray
