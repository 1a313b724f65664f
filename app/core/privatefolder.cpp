#include "core/privatefolder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace vaulttray {

bool makePrivateFolder(const QString &path)
{
    const QString clean = QDir::cleanPath(QDir::current().absoluteFilePath(path));
    if (QFileInfo(clean).isDir())
        return true;
    const QString parent = QFileInfo(clean).absolutePath();
    if (parent != clean && !makePrivateFolder(parent))
        return false;
    if (!QDir().mkdir(clean))
        return QFileInfo(clean).isDir(); // another process may have made it meanwhile
    return QFile::setPermissions(clean, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
}

} // namespace vaulttray
