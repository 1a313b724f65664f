#pragma once

#include <QList>
#include <QString>
#include <QtGlobal>

#include <memory>

namespace vaulttray::test {

// The files whose contents survive a reboot, and so the ones the model tracks. The -shm (wal-index) is a
// memory-mapped file that the first connection after a crash truncates and rebuilds from the WAL: never
// durable state, so it is passed through unmodelled.
enum class DurableFile { MainDb, Journal, Wal };

// What a power cut does to data the disk had not been told to flush.
enum class CrashModel {
    // Every write since the file's last xSync is lost (and a file created since then is gone).
    DropUnsynced,
    // A crash may persist any part of the unsynced writes, in any order (seeded, so reproducible).
    // Per file, one of: all of them reached the disk; they reached it in order up to a random one that
    // is torn at 512-byte sectors; or each touched sector independently holds one of the contents it
    // had since the last sync, and the file one of the sizes it had. Bytes outside a write's range are
    // never changed (SQLite's "powersafe overwrite", which the unix VFS claims).
    ScrambleUnsynced,
};

// One counted I/O operation, in the order they happened.
struct PowercutOp
{
    enum class Kind { Write, Sync, Truncate, Delete };
    Kind kind = Kind::Write;
    DurableFile file = DurableFile::MainDb;
    qint64 offset = 0;
    qint64 size = 0; // bytes written, or the new size
};

struct PowercutVfsState; // the model and the registered sqlite3_vfs, in powercutvfs.cpp

// An SQLite VFS that wraps the default "unix" VFS and models the disk's volatile cache, so a test can
// cut the power at any I/O operation and see what a reboot would find. Connections reach it with a URI
// ("file:/path?vfs=NAME", see uri()); QSQLITE in this process uses the same libsqlite3.
//
// Every xWrite/xTruncate/xDelete of a main database, journal or WAL file is recorded until that file's
// next xSync makes it durable (an fsync covers the file, whichever handle wrote). Those operations and the
// syncs are counted; the real files always hold the latest data, so SQLite runs as usual until the cut.
// What a file held when the VFS first opened it counts as durable. A file created through the VFS exists
// after a cut only once synced (the unix VFS syncs the directory then); a deletion is durable only when
// SQLite asks for the directory to be synced. Real fsyncs are skipped: the model, not this machine's
// disk, decides what survives. Thread-safe: the writer thread does the I/O while the test thread arms,
// inspects and materializes.
class PowercutVfs
{
public:
    explicit PowercutVfs(const QString &name = QStringLiteral("powercut"));
    ~PowercutVfs(); // unregisters; no connection may still use it
    PowercutVfs(const PowercutVfs &) = delete;
    PowercutVfs &operator=(const PowercutVfs &) = delete;

    QString name() const;
    // "file:///path?vfs=NAME", percent-encoded as SQLite's URI parser expects.
    QString uri(const QString &path) const;

    // Forgets every file, operation and cut (not setSyncIgnored) for the next run. Returns false (and
    // does nothing) while a file is still open on this VFS.
    bool reset();

    // The power fails just after this many counted operations: the next one fails, and so does all
    // I/O after it. Negative disarms.
    void armCut(qint64 afterOps);
    // The power fails at the nth (from 0) operation of this kind on this kind of file, or, with opsLater > 0, that
    // many counted operations after it (1: the operation right after it fails, e.g. just after a commit's sync).
    // For workloads whose operation numbers vary from run to run (a real sync: the network decides the batches).
    // Replaces a cut armed before.
    void armCutAt(PowercutOp::Kind kind, DurableFile file, qint64 nth, qint64 opsLater = 0);
    // The power fails now.
    void cut();
    bool isCut() const;
    qint64 opCount() const;
    QList<PowercutOp> ops() const;
    int openFiles() const;

    // A control: the disk answers xSync on this kind of file without flushing anything (fsync skipped,
    // or a drive that lies about its cache).
    void setSyncIgnored(DurableFile file, bool ignored);

    // Writes, into folder (under the same file names), the files as the disk holds them now: after a
    // cut, what a reboot finds. May be called several times (with other models or seeds) for one cut.
    // Next to a main database, DropUnsynced leaves no -shm and ScrambleUnsynced a -shm of random bytes:
    // the wal-index is never durable state. Returns false and sets *error on failure.
    bool materialize(const QString &folder, CrashModel model, quint64 seed = 0, QString *error = nullptr) const;

private:
    std::unique_ptr<PowercutVfsState> d;
};

} // namespace vaulttray::test
