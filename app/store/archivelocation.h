#pragma once

#include <QString>

namespace vaulttray {

inline constexpr const char *kArchiveEnvVar = "VAULTTRAY_ARCHIVE";
inline constexpr const char *kArchiveFileName = "archive.db";

// The archive file: an explicit path (--archive) wins, then $VAULTTRAY_ARCHIVE, then the
// platform's data folder (QStandardPaths::AppDataLocation, which follows XDG_DATA_HOME on Linux).
QString resolveArchivePath(const QString &explicitPath);

} // namespace vaulttray
