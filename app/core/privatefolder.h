#pragma once

#include <QString>

namespace vaulttray {

// Creates a folder and any missing parents readable by the owner only (0700): the archive, logs and
// secrets live there. An existing folder is left as the person set it.
bool makePrivateFolder(const QString &path);

} // namespace vaulttray
