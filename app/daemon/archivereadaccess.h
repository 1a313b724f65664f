#pragma once

#include "store/storeerror.h"

#include <QString>

namespace vaulttray {

// Before the command line reads the archive on its own (search, export): a running instance has already checked
// and migrated it and keeps writing it (reads never disturb it: WAL); with none running, the checks and migrations
// run here first. An archive that does not exist yet is an error, not a new empty file.
StoreError prepareForReading(const QString &archivePath);

} // namespace vaulttray
