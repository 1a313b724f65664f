#pragma once

#include <QFile>
#include <QString>

#include <sys/stat.h>

namespace vaulttray::test {

// The permission bits as chmod shows them (0600), or -1; QFileInfo::permissions() mixes in the caller's access.
inline int fileMode(const QString &path)
{
    struct stat info;
    if (::lstat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 07777);
}

} // namespace vaulttray::test
