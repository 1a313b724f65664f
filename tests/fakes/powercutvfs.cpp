// Past ~500 lines because an SQLite VFS shim is mostly forwarding: some thirty entry points of a few lines
// each. What matters is FileModel (the durable image and the changes since the last sync) and the crash
// images (scramble() and its helpers).
#include "fakes/powercutvfs.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QRandomGenerator>
#include <QUrl>

#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <optional>
#include <vector>

namespace vaulttray::test {

namespace {

// The smallest unit a drive writes; a torn write keeps some of its sectors and loses others.
constexpr qint64 kSectorSize = 512;
// Version 3 io methods: the WAL's shared-memory methods (1-2) and memory-mapped reads (3).
constexpr int kIoMethodsVersion = 3;
// The capability the model honours: a write never changes bytes outside its range. The others
// (atomic sectors, sequential or safe appends) would let SQLite skip work the model does not forgive.
constexpr int kHonouredCapabilities = SQLITE_IOCAP_POWERSAFE_OVERWRITE;
// One wal-index region: the size of the stale -shm a scrambled image gets.
constexpr qsizetype kShmRegionBytes = 32768;

// One change a file received since its last sync.
struct Change
{
    enum class Kind { Write, Truncate, Delete, Create };
    Kind kind = Kind::Write;
    qint64 offset = 0;
    QByteArray data;
    qint64 size = 0; // for Truncate
};

// A file as a disk could hold it.
struct Image
{
    bool exists = false;
    QByteArray bytes;

    void apply(const Change &c)
    {
        switch (c.kind) {
        case Change::Kind::Write: {
            exists = true;
            const qint64 end = c.offset + c.data.size();
            if (end > bytes.size())
                resize(end);
            std::memcpy(bytes.data() + c.offset, c.data.constData(), size_t(c.data.size()));
            break;
        }
        case Change::Kind::Truncate:
            resize(c.size);
            break;
        case Change::Kind::Delete:
            exists = false;
            bytes.clear();
            break;
        case Change::Kind::Create:
            exists = true;
            bytes.clear();
            break;
        }
    }

    qint64 size() const { return exists ? bytes.size() : -1; }

    // The sector's bytes, zero where the file does not reach.
    QByteArray sector(qint64 index) const
    {
        QByteArray out(kSectorSize, '\0');
        const qint64 start = index * kSectorSize;
        if (exists && start < bytes.size())
            std::memcpy(out.data(), bytes.constData() + start, size_t(std::min(kSectorSize, bytes.size() - start)));
        return out;
    }

private:
    void resize(qint64 newSize)
    {
        const qint64 old = bytes.size();
        bytes.resize(newSize);
        if (newSize > old)
            std::memset(bytes.data() + old, 0, size_t(newSize - old));
    }
};

struct FileModel
{
    DurableFile kind = DurableFile::MainDb;
    Image durable;               // what survives a power cut for sure
    bool exists = false;         // as the running system sees it
    std::vector<Change> pending; // since the last sync, in order

    void makeDurable()
    {
        for (const Change &c : pending)
            durable.apply(c);
        pending.clear();
    }
};

std::optional<DurableFile> durableKind(int flags)
{
    if (flags & SQLITE_OPEN_MAIN_DB)
        return DurableFile::MainDb;
    if (flags & (SQLITE_OPEN_MAIN_JOURNAL | SQLITE_OPEN_SUPER_JOURNAL))
        return DurableFile::Journal;
    if (flags & SQLITE_OPEN_WAL)
        return DurableFile::Wal;
    return std::nullopt; // temp databases, statement journals: nothing a reboot keeps
}

// The sectors [first, last] a change altered, given the file sizes before and after it.
std::pair<qint64, qint64> touchedSectors(const Change &c, qint64 before, qint64 after)
{
    if (c.kind == Change::Kind::Write) {
        if (c.data.isEmpty())
            return {0, -1};
        // Growing the file by writing past its end also zero-fills the gap.
        const qint64 from = std::min(c.offset, std::max<qint64>(before, 0));
        return {from / kSectorSize, (c.offset + c.data.size() - 1) / kSectorSize};
    }
    const qint64 low = std::min(std::max<qint64>(before, 0), std::max<qint64>(after, 0));
    const qint64 high = std::max(std::max<qint64>(before, 0), std::max<qint64>(after, 0));
    if (low == high)
        return {0, -1};
    return {low / kSectorSize, (high - 1) / kSectorSize};
}

// Applies a change only partly: a write keeps a random subset of its sector-aligned pieces.
void tear(Image &image, const Change &c, QRandomGenerator &rng)
{
    if (c.kind != Change::Kind::Write) {
        if (rng.bounded(2))
            image.apply(c);
        return;
    }
    const qint64 end = c.offset + c.data.size();
    for (qint64 pos = c.offset; pos < end;) {
        const qint64 next = std::min(end, (pos / kSectorSize + 1) * kSectorSize);
        if (rng.bounded(2))
            image.apply(Change{Change::Kind::Write, pos, c.data.mid(pos - c.offset, next - pos), 0});
        pos = next;
    }
}

// The writes reached the disk in the order they were made, up to one that was torn.
Image inOrderPrefix(const FileModel &f, QRandomGenerator &rng)
{
    Image image = f.durable;
    const size_t complete = rng.bounded(quint32(f.pending.size() + 1));
    for (size_t i = 0; i < complete; ++i)
        image.apply(f.pending[i]);
    if (complete < f.pending.size())
        tear(image, f.pending[complete], rng);
    return image;
}

// The cache wrote sectors back whenever it liked: each holds one of the contents it had since the
// last sync, the file one of the sizes it had.
Image perSector(const FileModel &f, QRandomGenerator &rng)
{
    Image running = f.durable;
    std::map<qint64, std::vector<QByteArray>> versions;
    std::vector<qint64> sizes{running.size()};
    for (const Change &c : f.pending) {
        const qint64 before = running.size();
        running.apply(c);
        const auto [first, last] = touchedSectors(c, before, running.size());
        for (qint64 s = first; s <= last; ++s)
            versions[s].push_back(running.sector(s));
        sizes.push_back(running.size());
    }
    Image out;
    const qint64 size = sizes[rng.bounded(quint32(sizes.size()))];
    if (size < 0)
        return out;
    out.exists = true;
    out.bytes = QByteArray(size, '\0');
    for (qint64 s = 0; s * kSectorSize < size; ++s) {
        QByteArray content = f.durable.sector(s);
        const auto it = versions.find(s);
        if (it != versions.end()) {
            const quint32 pick = rng.bounded(quint32(it->second.size() + 1));
            if (pick > 0)
                content = it->second[pick - 1];
        }
        std::memcpy(out.bytes.data() + s * kSectorSize, content.constData(),
                    size_t(std::min(kSectorSize, size - s * kSectorSize)));
    }
    return out;
}

Image scramble(const FileModel &f, QRandomGenerator &rng)
{
    if (f.pending.empty())
        return f.durable;
    switch (rng.bounded(3)) {
    case 0: { // the cache happened to be written back just before the cut: commits that had not been
              // acknowledged yet may survive, which SQLite and its callers must take as well
        Image image = f.durable;
        for (const Change &c : f.pending)
            image.apply(c);
        return image;
    }
    case 1:
        return inOrderPrefix(f, rng);
    default:
        return perSector(f, rng);
    }
}

} // namespace

struct PowercutVfsState
{
    QString name;
    QByteArray nameUtf8;
    sqlite3_vfs vfs{};
    sqlite3_vfs *real = nullptr;

    mutable QMutex mutex;
    std::map<QString, std::unique_ptr<FileModel>> files; // ordered: materialize draws randoms in a fixed order
    qint64 ops = 0;
    qint64 cutAfter = -1;
    // armCutAt(): the operation to cut at, and how many of its kind were seen.
    struct Target
    {
        bool armed = false;
        PowercutOp::Kind kind = PowercutOp::Kind::Write;
        DurableFile file = DurableFile::MainDb;
        qint64 nth = 0;
        qint64 opsLater = 0;
        qint64 seen = 0;
    } target;
    bool powerOff = false;
    QList<PowercutOp> trace;
    int openFiles = 0;
    bool syncIgnored[3] = {false, false, false};

    // Counts one operation; false if the power is off, or goes off now.
    bool count(PowercutOp::Kind kind, DurableFile file, qint64 offset, qint64 size)
    {
        if (powerOff)
            return false;
        if (target.armed && target.kind == kind && target.file == file && target.seen++ == target.nth) {
            target.armed = false;
            if (target.opsLater == 0) {
                powerOff = true;
                return false;
            }
            cutAfter = ops + target.opsLater;
        }
        if (cutAfter >= 0 && ops >= cutAfter) {
            powerOff = true;
            return false;
        }
        ++ops;
        trace.append(PowercutOp{kind, file, offset, size});
        return true;
    }
};

namespace {

using State = PowercutVfsState;

struct PowercutFile
{
    sqlite3_file base;
    State *owner;
    FileModel *model; // null for files a reboot does not keep
    sqlite3_file *real;
};

// The wrapped VFS's file lives right behind ours, in the same allocation.
constexpr size_t kRealOffset =
    (sizeof(PowercutFile) + alignof(std::max_align_t) - 1) / alignof(std::max_align_t) * alignof(std::max_align_t);

PowercutFile *asPowercut(sqlite3_file *file)
{
    return reinterpret_cast<PowercutFile *>(file);
}

State *implOf(sqlite3_vfs *vfs)
{
    return static_cast<State *>(vfs->pAppData);
}

int ioClose(sqlite3_file *file)
{
    PowercutFile *f = asPowercut(file);
    QMutexLocker lock(&f->owner->mutex);
    const int rc = f->real->pMethods ? f->real->pMethods->xClose(f->real) : SQLITE_OK;
    --f->owner->openFiles;
    return rc;
}

int ioRead(sqlite3_file *file, void *buffer, int amount, sqlite3_int64 offset)
{
    PowercutFile *f = asPowercut(file);
    QMutexLocker lock(&f->owner->mutex);
    if (f->owner->powerOff)
        return SQLITE_IOERR_READ;
    return f->real->pMethods->xRead(f->real, buffer, amount, offset);
}

int ioWrite(sqlite3_file *file, const void *buffer, int amount, sqlite3_int64 offset)
{
    PowercutFile *f = asPowercut(file);
    State *d = f->owner;
    QMutexLocker lock(&d->mutex);
    if (f->model ? !d->count(PowercutOp::Kind::Write, f->model->kind, offset, amount) : d->powerOff)
        return SQLITE_IOERR_WRITE;
    const int rc = f->real->pMethods->xWrite(f->real, buffer, amount, offset);
    if (rc == SQLITE_OK && f->model)
        f->model->pending.push_back(
            Change{Change::Kind::Write, offset, QByteArray(static_cast<const char *>(buffer), amount), 0});
    return rc;
}

int ioTruncate(sqlite3_file *file, sqlite3_int64 size)
{
    PowercutFile *f = asPowercut(file);
    State *d = f->owner;
    QMutexLocker lock(&d->mutex);
    if (f->model ? !d->count(PowercutOp::Kind::Truncate, f->model->kind, 0, size) : d->powerOff)
        return SQLITE_IOERR_TRUNCATE;
    const int rc = f->real->pMethods->xTruncate(f->real, size);
    if (rc == SQLITE_OK && f->model)
        f->model->pending.push_back(Change{Change::Kind::Truncate, 0, {}, size});
    return rc;
}

int ioSync(sqlite3_file *file, int)
{
    PowercutFile *f = asPowercut(file);
    State *d = f->owner;
    QMutexLocker lock(&d->mutex);
    if (f->model ? !d->count(PowercutOp::Kind::Sync, f->model->kind, 0, 0) : d->powerOff)
        return SQLITE_IOERR_FSYNC;
    // No real fsync: the model decides what survives, and hundreds of cuts must stay fast.
    if (f->model && !d->syncIgnored[int(f->model->kind)])
        f->model->makeDurable();
    return SQLITE_OK;
}

int ioFileSize(sqlite3_file *file, sqlite3_int64 *size)
{
    PowercutFile *f = asPowercut(file);
    QMutexLocker lock(&f->owner->mutex);
    if (f->owner->powerOff)
        return SQLITE_IOERR_FSTAT;
    return f->real->pMethods->xFileSize(f->real, size);
}

int ioLock(sqlite3_file *file, int level)
{
    PowercutFile *f = asPowercut(file);
    QMutexLocker lock(&f->owner->mutex);
    if (f->owner->powerOff)
        return SQLITE_IOERR_LOCK;
    return f->real->pMethods->xLock(f->real, level);
}

int ioUnlock(sqlite3_file *file, int level)
{
    // Always passed on: releasing locks is how connections wind down after the cut.
    PowercutFile *f = asPowercut(file);
    QMutexLocker lock(&f->owner->mutex);
    return f->real->pMethods->xUnlock(f->real, level);
}

int ioCheckReservedLock(sqlite3_file *file, int *out)
{
    PowercutFile *f = asPowercut(file);
    QMutexLocker lock(&f->owner->mutex);
    if (f->owner->powerOff)
        return SQLITE_IOERR_CHECKRESERVEDLOCK;
    return f->real->pMethods->xCheckReservedLock(f->real, out);
}

int ioFileControl(sqlite3_file *file, int op, void *arg)
{
    PowercutFile *f = asPowercut(file);
    QMutexLocker lock(&f->owner->mutex);
    // Only a hint; the unix VFS may answer it by growing the file, which the model would not see.
    if (op == SQLITE_FCNTL_SIZE_HINT)
        return SQLITE_OK;
    return f->real->pMethods->xFileControl(f->real, op, arg);
}

int ioSectorSize(sqlite3_file *file)
{
    PowercutFile *f = asPowercut(file);
    return f->real->pMethods->xSectorSize(f->real);
}

int ioDeviceCharacteristics(sqlite3_file *file)
{
    PowercutFile *f = asPowercut(file);
    return f->real->pMethods->xDeviceCharacteristics(f->real) & kHonouredCapabilities;
}

int ioShmMap(sqlite3_file *file, int region, int size, int extend, void volatile **out)
{
    PowercutFile *f = asPowercut(file);
    QMutexLocker lock(&f->owner->mutex);
    if (f->owner->powerOff)
        return SQLITE_IOERR_SHMMAP;
    return f->real->pMethods->xShmMap(f->real, region, size, extend, out);
}

int ioShmLock(sqlite3_file *file, int offset, int n, int flags)
{
    PowercutFile *f = asPowercut(file);
    QMutexLocker lock(&f->owner->mutex);
    if (f->owner->powerOff && !(flags & SQLITE_SHM_UNLOCK))
        return SQLITE_IOERR_SHMLOCK;
    return f->real->pMethods->xShmLock(f->real, offset, n, flags);
}

void ioShmBarrier(sqlite3_file *file)
{
    PowercutFile *f = asPowercut(file);
    f->real->pMethods->xShmBarrier(f->real);
}

int ioShmUnmap(sqlite3_file *file, int deleteFlag)
{
    PowercutFile *f = asPowercut(file);
    QMutexLocker lock(&f->owner->mutex);
    return f->real->pMethods->xShmUnmap(f->real, deleteFlag);
}

int ioFetch(sqlite3_file *file, sqlite3_int64 offset, int amount, void **out)
{
    PowercutFile *f = asPowercut(file);
    QMutexLocker lock(&f->owner->mutex);
    if (f->owner->powerOff) {
        *out = nullptr;
        return SQLITE_IOERR_MMAP;
    }
    return f->real->pMethods->xFetch(f->real, offset, amount, out);
}

int ioUnfetch(sqlite3_file *file, sqlite3_int64 offset, void *page)
{
    PowercutFile *f = asPowercut(file);
    QMutexLocker lock(&f->owner->mutex);
    return f->real->pMethods->xUnfetch(f->real, offset, page);
}

const sqlite3_io_methods kIoMethods = {
    kIoMethodsVersion,
    ioClose,
    ioRead,
    ioWrite,
    ioTruncate,
    ioSync,
    ioFileSize,
    ioLock,
    ioUnlock,
    ioCheckReservedLock,
    ioFileControl,
    ioSectorSize,
    ioDeviceCharacteristics,
    ioShmMap,
    ioShmLock,
    ioShmBarrier,
    ioShmUnmap,
    ioFetch,
    ioUnfetch,
};

// What a file held before this VFS first saw it counts as durable: the test made it beforehand.
Image readExisting(sqlite3_file *real)
{
    Image image;
    sqlite3_int64 size = 0;
    if (real->pMethods->xFileSize(real, &size) != SQLITE_OK)
        return image;
    image.exists = true;
    image.bytes = QByteArray(qsizetype(size), '\0');
    if (size > 0 && real->pMethods->xRead(real, image.bytes.data(), int(size), 0) != SQLITE_OK)
        qFatal("powercutvfs: cannot read the existing file it is asked to model");
    return image;
}

int vfsOpen(sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags, int *outFlags)
{
    State *d = implOf(vfs);
    PowercutFile *f = asPowercut(file);
    f->base.pMethods = nullptr;
    f->owner = d;
    f->model = nullptr;
    f->real = reinterpret_cast<sqlite3_file *>(reinterpret_cast<char *>(file) + kRealOffset);
    f->real->pMethods = nullptr;

    QMutexLocker lock(&d->mutex);
    if (d->powerOff)
        return SQLITE_CANTOPEN;
    const std::optional<DurableFile> kind = name ? durableKind(flags) : std::nullopt;
    int existed = 0;
    if (kind && d->real->xAccess(d->real, name, SQLITE_ACCESS_EXISTS, &existed) != SQLITE_OK)
        return SQLITE_CANTOPEN;
    const int rc = d->real->xOpen(d->real, name, f->real, flags, outFlags);
    if (rc != SQLITE_OK) {
        if (f->real->pMethods)
            f->real->pMethods->xClose(f->real);
        return rc;
    }
    if (kind) {
        const QString path = QString::fromUtf8(name);
        std::unique_ptr<FileModel> &model = d->files[path];
        if (!model) {
            model = std::make_unique<FileModel>();
            model->kind = *kind;
            if (existed)
                model->durable = readExisting(f->real);
            model->exists = existed;
        }
        if (!model->exists) {
            // A new file's name is durable only once it is synced (the unix VFS syncs the
            // directory on a new journal's or WAL's first sync).
            model->pending.push_back(Change{Change::Kind::Create, 0, {}, 0});
            model->exists = true;
        }
        f->model = model.get();
    }
    ++d->openFiles;
    f->base.pMethods = &kIoMethods;
    return SQLITE_OK;
}

int vfsDelete(sqlite3_vfs *vfs, const char *name, int syncDir)
{
    State *d = implOf(vfs);
    QMutexLocker lock(&d->mutex);
    const auto it = d->files.find(QString::fromUtf8(name));
    FileModel *model = it != d->files.end() && it->second->exists ? it->second.get() : nullptr;
    if (model ? !d->count(PowercutOp::Kind::Delete, model->kind, 0, 0) : d->powerOff)
        return SQLITE_IOERR_DELETE;
    const int rc = d->real->xDelete(d->real, name, syncDir);
    if (rc == SQLITE_OK && model) {
        model->pending.push_back(Change{Change::Kind::Delete, 0, {}, 0});
        model->exists = false;
        if (syncDir) // the directory is synced: the file is gone for good
            model->makeDurable();
    }
    return rc;
}

int vfsAccess(sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
    State *d = implOf(vfs);
    QMutexLocker lock(&d->mutex);
    if (d->powerOff)
        return SQLITE_IOERR_ACCESS;
    return d->real->xAccess(d->real, name, flags, out);
}

int vfsFullPathname(sqlite3_vfs *vfs, const char *name, int size, char *out)
{
    return implOf(vfs)->real->xFullPathname(implOf(vfs)->real, name, size, out);
}

void *vfsDlOpen(sqlite3_vfs *vfs, const char *name)
{
    return implOf(vfs)->real->xDlOpen(implOf(vfs)->real, name);
}

void vfsDlError(sqlite3_vfs *vfs, int size, char *out)
{
    implOf(vfs)->real->xDlError(implOf(vfs)->real, size, out);
}

void (*vfsDlSym(sqlite3_vfs *vfs, void *handle, const char *symbol))(void)
{
    return implOf(vfs)->real->xDlSym(implOf(vfs)->real, handle, symbol);
}

void vfsDlClose(sqlite3_vfs *vfs, void *handle)
{
    implOf(vfs)->real->xDlClose(implOf(vfs)->real, handle);
}

int vfsRandomness(sqlite3_vfs *vfs, int size, char *out)
{
    return implOf(vfs)->real->xRandomness(implOf(vfs)->real, size, out);
}

int vfsSleep(sqlite3_vfs *vfs, int microseconds)
{
    return implOf(vfs)->real->xSleep(implOf(vfs)->real, microseconds);
}

int vfsCurrentTime(sqlite3_vfs *vfs, double *out)
{
    return implOf(vfs)->real->xCurrentTime(implOf(vfs)->real, out);
}

int vfsGetLastError(sqlite3_vfs *vfs, int size, char *out)
{
    return implOf(vfs)->real->xGetLastError(implOf(vfs)->real, size, out);
}

int vfsCurrentTimeInt64(sqlite3_vfs *vfs, sqlite3_int64 *out)
{
    return implOf(vfs)->real->xCurrentTimeInt64(implOf(vfs)->real, out);
}

bool writeFile(const QString &path, const QByteArray &bytes, QString *error)
{
    QFile out(path);
    if (out.open(QIODevice::WriteOnly | QIODevice::Truncate) && out.write(bytes) == bytes.size())
        return true;
    if (error)
        *error = QStringLiteral("cannot write %1: %2").arg(path, out.errorString());
    return false;
}

} // namespace

PowercutVfs::PowercutVfs(const QString &name) : d(std::make_unique<PowercutVfsState>())
{
    d->name = name;
    d->nameUtf8 = name.toUtf8();
    d->real = sqlite3_vfs_find("unix");
    if (!d->real)
        qFatal("powercutvfs: SQLite has no \"unix\" VFS to wrap");
    sqlite3_vfs &v = d->vfs;
    v.iVersion = 2; // xCurrentTimeInt64; the system-call overrides (3) are not passed on
    v.szOsFile = int(kRealOffset) + d->real->szOsFile;
    v.mxPathname = d->real->mxPathname;
    v.zName = d->nameUtf8.constData();
    v.pAppData = d.get();
    v.xOpen = vfsOpen;
    v.xDelete = vfsDelete;
    v.xAccess = vfsAccess;
    v.xFullPathname = vfsFullPathname;
    v.xDlOpen = vfsDlOpen;
    v.xDlError = vfsDlError;
    v.xDlSym = vfsDlSym;
    v.xDlClose = vfsDlClose;
    v.xRandomness = vfsRandomness;
    v.xSleep = vfsSleep;
    v.xCurrentTime = vfsCurrentTime;
    v.xGetLastError = vfsGetLastError;
    v.xCurrentTimeInt64 = vfsCurrentTimeInt64;
    if (sqlite3_vfs_register(&v, 0) != SQLITE_OK)
        qFatal("powercutvfs: cannot register the VFS");
}

PowercutVfs::~PowercutVfs()
{
    sqlite3_vfs_unregister(&d->vfs);
}

QString PowercutVfs::name() const
{
    return d->name;
}

QString PowercutVfs::uri(const QString &path) const
{
    return QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()).toString(QUrl::FullyEncoded) +
           QStringLiteral("?vfs=") + QString::fromLatin1(QUrl::toPercentEncoding(d->name));
}

bool PowercutVfs::reset()
{
    QMutexLocker lock(&d->mutex);
    if (d->openFiles > 0)
        return false;
    d->files.clear();
    d->ops = 0;
    d->cutAfter = -1;
    d->target = {};
    d->powerOff = false;
    d->trace.clear();
    return true;
}

void PowercutVfs::armCut(qint64 afterOps)
{
    QMutexLocker lock(&d->mutex);
    d->cutAfter = afterOps;
    d->target = {};
}

void PowercutVfs::armCutAt(PowercutOp::Kind kind, DurableFile file, qint64 nth, qint64 opsLater)
{
    QMutexLocker lock(&d->mutex);
    d->cutAfter = -1;
    d->target = PowercutVfsState::Target{true, kind, file, nth, opsLater, 0};
}

void PowercutVfs::cut()
{
    QMutexLocker lock(&d->mutex);
    d->powerOff = true;
}

bool PowercutVfs::isCut() const
{
    QMutexLocker lock(&d->mutex);
    return d->powerOff;
}

qint64 PowercutVfs::opCount() const
{
    QMutexLocker lock(&d->mutex);
    return d->ops;
}

QList<PowercutOp> PowercutVfs::ops() const
{
    QMutexLocker lock(&d->mutex);
    return d->trace;
}

int PowercutVfs::openFiles() const
{
    QMutexLocker lock(&d->mutex);
    return d->openFiles;
}

void PowercutVfs::setSyncIgnored(DurableFile file, bool ignored)
{
    QMutexLocker lock(&d->mutex);
    d->syncIgnored[int(file)] = ignored;
}

bool PowercutVfs::materialize(const QString &folder, CrashModel model, quint64 seed, QString *error) const
{
    QMutexLocker lock(&d->mutex);
    const quint32 seedWords[2] = {quint32(seed), quint32(seed >> 32)};
    QRandomGenerator rng(seedWords, 2);
    const QDir dir(folder);
    for (const auto &[path, file] : d->files) {
        const Image image = model == CrashModel::DropUnsynced ? file->durable : scramble(*file, rng);
        const QString target = dir.filePath(QFileInfo(path).fileName());
        if (!image.exists) {
            QFile::remove(target);
            continue;
        }
        if (!writeFile(target, image.bytes, error))
            return false;
        // The -shm is an ordinary file that a reboot leaves with whatever it held; SQLite must not trust it
        // (the first connection truncates it and rebuilds the wal-index from the WAL). Dropped: no file;
        // scrambled: random bytes.
        const QString shm = target + QStringLiteral("-shm");
        QFile::remove(shm);
        if (file->kind == DurableFile::MainDb && model == CrashModel::ScrambleUnsynced) {
            QByteArray garbage(kShmRegionBytes, Qt::Uninitialized);
            rng.fillRange(reinterpret_cast<quint32 *>(garbage.data()), garbage.size() / qsizetype(sizeof(quint32)));
            if (!writeFile(shm, garbage, error))
                return false;
        }
    }
    return true;
}

} // namespace vaulttray::test
