#pragma once

#include "store/connection.h"
#include "store/migrations.h"
#include "store/storeerror.h"

#include <QDateTime>
#include <QString>

namespace vaulttray {

struct ArchiveOpenOptions
{
    Profile profile = Profile::Durable;
    // For the damaged-archive file name; tests inject a fixed instant.
    QDateTime now;
    // Tests inject a failing migration list; the app always uses schemaMigrations().
    const QList<Migration> *migrations = nullptr;
    // PRAGMA quick_check reads every page, so it costs time in proportion to the archive. The long-running app checks
    // at every start; a one-shot command checks only after an unclean end (a -wal file left by a crash, a kill or a
    // power cut: the last connection to close a WAL database removes it).
    enum class Check { Always, AfterUncleanEnd };
    Check check = Check::Always;
};

// Opens (creating if needed) the archive at a path, after checks that never touch a file that
// is not ours or not safe to write: a folder, a read-only location, a file that is not SQLite
// and a newer schema are refused untouched; a damaged archive is moved aside, never overwritten.
// On success the archive is migrated to the current schema and has passed quick_check.
class Archive
{
public:
    static StoreError prepare(const QString &path, const ArchiveOpenOptions &options = {});

    // The folder a damaged archive is moved into: "<path>.damaged-<UTC time>[-n]" (never an existing name).
    static QString damagedName(const QString &path, const QDateTime &now);
};

} // namespace vaulttray
