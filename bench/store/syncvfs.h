#pragma once

#include <QtGlobal>

namespace vaulttray::bench {

struct SyncStats
{
    quint64 calls = 0;         // fsync/fdatasync calls
    quint64 databaseCalls = 0; // of which on a main database file (in WAL mode: one per checkpoint)
    double seconds = 0;        // wall time spent inside them
};

// Makes a wrapper around SQLite's default VFS the new default, so every connection this process
// opens afterwards (Qt's QSQLITE driver links the same libsqlite3) counts its xSync calls. On Linux
// each xSync is exactly one fdatasync/fsync, except the first sync of a new WAL, which also syncs
// the folder; the archive's WAL is created before the measured part, so inside it the count is exact.
bool installSyncCountingVfs();

// Counted so far (SQLite's syncs plus those reported by recordSync).
SyncStats syncStats();

// For a caller that syncs a file itself (the raw-file baseline).
void recordSync(double seconds);

} // namespace vaulttray::bench
