#include "syncvfs.h"

#include <sqlite3.h>

#include <atomic>
#include <chrono>

namespace vaulttray::bench {

namespace {

std::atomic<quint64> g_calls{0};
std::atomic<quint64> g_databaseCalls{0};
std::atomic<quint64> g_nanoseconds{0};

sqlite3_vfs *g_base = nullptr;
sqlite3_vfs g_vfs;
sqlite3_io_methods g_methods;
sqlite3_io_methods g_methodsNoShm;

// Our file object: the base VFS's file follows it in the same allocation.
struct CountingFile
{
    sqlite3_file head;
    bool database;
    sqlite3_file *real() { return reinterpret_cast<sqlite3_file *>(this + 1); }
};

sqlite3_file *real(sqlite3_file *f)
{
    return reinterpret_cast<CountingFile *>(f)->real();
}

int countingSync(sqlite3_file *f, int flags)
{
    const auto start = std::chrono::steady_clock::now();
    const int rc = real(f)->pMethods->xSync(real(f), flags);
    const auto elapsed = std::chrono::steady_clock::now() - start;
    g_calls.fetch_add(1);
    if (reinterpret_cast<CountingFile *>(f)->database)
        g_databaseCalls.fetch_add(1);
    g_nanoseconds.fetch_add(std::chrono::duration_cast<std::chrono::nanoseconds>(elapsed).count());
    return rc;
}

// Everything else goes straight to the base VFS's file.
int fClose(sqlite3_file *f)
{
    return real(f)->pMethods->xClose(real(f));
}
int fRead(sqlite3_file *f, void *b, int n, sqlite3_int64 o)
{
    return real(f)->pMethods->xRead(real(f), b, n, o);
}
int fWrite(sqlite3_file *f, const void *b, int n, sqlite3_int64 o)
{
    return real(f)->pMethods->xWrite(real(f), b, n, o);
}
int fTruncate(sqlite3_file *f, sqlite3_int64 size)
{
    return real(f)->pMethods->xTruncate(real(f), size);
}
int fFileSize(sqlite3_file *f, sqlite3_int64 *size)
{
    return real(f)->pMethods->xFileSize(real(f), size);
}
int fLock(sqlite3_file *f, int l)
{
    return real(f)->pMethods->xLock(real(f), l);
}
int fUnlock(sqlite3_file *f, int l)
{
    return real(f)->pMethods->xUnlock(real(f), l);
}
int fCheckReservedLock(sqlite3_file *f, int *out)
{
    return real(f)->pMethods->xCheckReservedLock(real(f), out);
}
int fFileControl(sqlite3_file *f, int op, void *arg)
{
    return real(f)->pMethods->xFileControl(real(f), op, arg);
}
int fSectorSize(sqlite3_file *f)
{
    return real(f)->pMethods->xSectorSize(real(f));
}
int fDeviceCharacteristics(sqlite3_file *f)
{
    return real(f)->pMethods->xDeviceCharacteristics(real(f));
}
int fShmMap(sqlite3_file *f, int page, int size, int extend, void volatile **out)
{
    return real(f)->pMethods->xShmMap(real(f), page, size, extend, out);
}
int fShmLock(sqlite3_file *f, int offset, int n, int flags)
{
    return real(f)->pMethods->xShmLock(real(f), offset, n, flags);
}
void fShmBarrier(sqlite3_file *f)
{
    real(f)->pMethods->xShmBarrier(real(f));
}
int fShmUnmap(sqlite3_file *f, int deleteFlag)
{
    return real(f)->pMethods->xShmUnmap(real(f), deleteFlag);
}
int fFetch(sqlite3_file *f, sqlite3_int64 o, int n, void **out)
{
    return real(f)->pMethods->xFetch(real(f), o, n, out);
}
int fUnfetch(sqlite3_file *f, sqlite3_int64 o, void *p)
{
    return real(f)->pMethods->xUnfetch(real(f), o, p);
}

int vfsOpen(sqlite3_vfs *, sqlite3_filename name, sqlite3_file *file, int flags, int *outFlags)
{
    auto *ours = reinterpret_cast<CountingFile *>(file);
    ours->head.pMethods = nullptr;
    ours->database = (flags & SQLITE_OPEN_MAIN_DB) != 0;
    const int rc = g_base->xOpen(g_base, name, ours->real(), flags, outFlags);
    const sqlite3_io_methods *methods = ours->real()->pMethods;
    if (!methods) // a failed open: SQLite calls xClose only when pMethods is set
        return rc;
    // The unix VFS gives the main database version-3 methods with shared memory (WAL index), and
    // journals and the WAL the same without it. Anything else would be forwarded wrongly, so it is
    // refused loudly rather than silently miscounted.
    if (methods->iVersion < 3 || !methods->xFetch) {
        methods->xClose(ours->real());
        return SQLITE_CANTOPEN;
    }
    ours->head.pMethods = methods->xShmMap ? &g_methods : &g_methodsNoShm;
    return rc;
}

} // namespace

bool installSyncCountingVfs()
{
    g_base = sqlite3_vfs_find(nullptr);
    if (!g_base)
        return false;
    g_vfs = *g_base;
    g_vfs.zName = "vaulttray-bench-counting";
    g_vfs.szOsFile = static_cast<int>(sizeof(CountingFile)) + g_base->szOsFile;
    g_vfs.xOpen = vfsOpen;
    g_methods = sqlite3_io_methods{3,
                                   fClose,
                                   fRead,
                                   fWrite,
                                   fTruncate,
                                   countingSync,
                                   fFileSize,
                                   fLock,
                                   fUnlock,
                                   fCheckReservedLock,
                                   fFileControl,
                                   fSectorSize,
                                   fDeviceCharacteristics,
                                   fShmMap,
                                   fShmLock,
                                   fShmBarrier,
                                   fShmUnmap,
                                   fFetch,
                                   fUnfetch};
    g_methodsNoShm = g_methods;
    g_methodsNoShm.xShmMap = nullptr;
    g_methodsNoShm.xShmLock = nullptr;
    g_methodsNoShm.xShmBarrier = nullptr;
    g_methodsNoShm.xShmUnmap = nullptr;
    return sqlite3_vfs_register(&g_vfs, 1) == SQLITE_OK;
}

SyncStats syncStats()
{
    return SyncStats{g_calls.load(), g_databaseCalls.load(), static_cast<double>(g_nanoseconds.load()) / 1e9};
}

void recordSync(double seconds)
{
    g_calls.fetch_add(1);
    g_nanoseconds.fetch_add(static_cast<quint64>(seconds * 1e9));
}

} // namespace vaulttray::bench
