#include "store/archive.h"

#include "core/logging.h"
#include "core/privatefolder.h"
#include "store/sqlerror.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

namespace vaulttray {

namespace {

constexpr QFileDevice::Permissions kOwnerOnlyFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
const QByteArray kSqliteMagic("SQLite format 3\0", 16);
const QStringList kCompanionSuffixes{QStringLiteral("-wal"), QStringLiteral("-shm")};
const QString kPrepareConnection = QStringLiteral("vaulttray-prepare");

// The person reads these texts (command line, tray, status window); their translation context is "Archive".
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Archive)
};

StoreError ensureFolder(const QString &folder)
{
    QFileInfo info(folder);
    if (info.exists() && !info.isDir())
        return StoreError::make(StoreError::Code::NotWritable,
                                Text::tr("%1 is a file, but the archive needs it to be a folder").arg(folder));
    if (!info.exists() && !makePrivateFolder(folder))
        return StoreError::make(StoreError::Code::NotWritable,
                                Text::tr("cannot create the archive folder %1").arg(folder));
    if (!QFileInfo(folder).isWritable())
        return StoreError::make(StoreError::Code::NotWritable,
                                Text::tr("the archive folder %1 is read-only").arg(folder));
    return {};
}

StoreError checkExistingFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return StoreError::make(StoreError::Code::NotWritable,
                                Text::tr("cannot read %1: %2").arg(path, file.errorString()));
    const QByteArray head = file.read(kSqliteMagic.size());
    if (file.size() > 0 && head != kSqliteMagic)
        return StoreError::make(StoreError::Code::NotADatabase,
                                Text::tr("%1 is not a vaulttray archive (not an SQLite file); it was left "
                                         "untouched. Choose another archive path.")
                                    .arg(path));
    if (!QFileInfo(path).isWritable())
        return StoreError::make(StoreError::Code::NotWritable, Text::tr("the archive %1 is read-only").arg(path));
    return {};
}

// Renames are durable only once their folder is synced (POSIX); elsewhere the file system journals them.
void syncFolder(const QString &folder)
{
#ifdef Q_OS_UNIX
    const int fd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
#else
    Q_UNUSED(folder)
#endif
}

// Moves the archive and its -wal/-shm together into a new folder "<path>.damaged-<time>", companions
// first: a power cut half-way leaves the main file where the next start finds and moves it again,
// never a main file separated from the WAL that holds its last commits.
StoreError moveAside(const QString &path, const QDateTime &now, QString *movedTo)
{
    const QString folder = Archive::damagedName(path, now);
    const QString name = QFileInfo(path).fileName();
    if (!QDir().mkdir(folder))
        return StoreError::make(StoreError::Code::Io,
                                Text::tr("cannot create %1 to keep the damaged archive").arg(folder));
    for (const QString &suffix : kCompanionSuffixes) {
        if (QFile::exists(path + suffix) && !QFile::rename(path + suffix, QDir(folder).filePath(name + suffix)))
            return StoreError::make(StoreError::Code::Io, Text::tr("cannot move %1 aside").arg(path + suffix));
    }
    if (QFile::exists(path) && !QFile::rename(path, QDir(folder).filePath(name)))
        return StoreError::make(StoreError::Code::Io, Text::tr("cannot move the damaged archive %1 aside").arg(path));
    syncFolder(folder);
    syncFolder(QFileInfo(path).absolutePath());
    *movedTo = QDir(folder).filePath(name);
    return {};
}

// Checks run before anything is written: no journal mode is set and no migration runs, so a refused
// file keeps its content. The durability pragmas are applied all the same, because closing this
// connection may checkpoint a WAL left by a crash, and that checkpoint must be as durable as any.
StoreError inspect(const QString &path, const ArchiveOpenOptions &options)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), kPrepareConnection);
    db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_URI"));
    db.setDatabaseName(path);
    StoreError result;
    const bool walLeftBehind = QFileInfo::exists(path + QStringLiteral("-wal"));
    QList<PragmaSetting> pragmas = profilePragmas(options.profile);
    pragmas.removeIf([](const PragmaSetting &p) { return p.name == QLatin1String("journal_mode"); });
    if (!db.open()) {
        result = fromSqlError(db.lastError(), QStringLiteral("opening %1").arg(path));
    } else if (!(result = applyPragmas(db, pragmas))) {
        int version = 0;
        result = readSchemaVersion(db, &version);
        const int known = (options.migrations ? *options.migrations : schemaMigrations()).constLast().version;
        if (!result && version > known) {
            result = StoreError::make(StoreError::Code::NewerSchema,
                                      Text::tr("%1 was written by a newer vaulttray (schema %2; this version "
                                               "knows up to %3). It was left untouched; update vaulttray.")
                                          .arg(path)
                                          .arg(version)
                                          .arg(known));
        }
        const bool check = options.check == ArchiveOpenOptions::Check::Always || walLeftBehind;
        if (!result && check) {
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("PRAGMA quick_check")))
                result = fromQuery(q, QStringLiteral("checking %1").arg(path));
            else if (q.next() && q.value(0).toString() != QStringLiteral("ok"))
                result = StoreError::make(StoreError::Code::Damaged,
                                          QStringLiteral("quick_check: %1").arg(q.value(0).toString()));
        }
        db.close();
    }
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(kPrepareConnection);
    return result;
}

} // namespace

QString Archive::damagedName(const QString &path, const QDateTime &now)
{
    const QString base = path + QStringLiteral(".damaged-") + now.toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString candidate = base;
    for (int n = 1; QFile::exists(candidate) || QFile::exists(candidate + QStringLiteral("-wal")); ++n)
        candidate = base + QLatin1Char('-') + QString::number(n);
    return candidate;
}

StoreError Archive::prepare(const QString &path, const ArchiveOpenOptions &options)
{
    const QFileInfo info(path);
    if (info.isDir())
        return StoreError::make(StoreError::Code::IsDirectory,
                                QStringLiteral("%1 is a folder; the archive must be a file path").arg(path));
    if (StoreError error = ensureFolder(info.absolutePath()))
        return error;

    const bool existed = info.exists();
    if (!existed && QFile::exists(path + QStringLiteral("-wal"))) {
        // A WAL whose archive is gone (a move-aside cut short): SQLite would delete it with the new
        // archive's first open. Keep it with the damaged copies instead.
        const QDateTime now = options.now.isValid() ? options.now : QDateTime::currentDateTimeUtc();
        QString keptAt;
        if (StoreError error = moveAside(path, now, &keptAt))
            return error;
        qCWarning(lcStore).noquote() << "a write-ahead log without its archive was kept at" << keptAt + QStringLiteral("-wal");
    }
    if (existed) {
        if (StoreError error = checkExistingFile(path))
            return error;
        StoreError error = inspect(path, options);
        if (error.code == StoreError::Code::Damaged) {
            const QDateTime now = options.now.isValid() ? options.now : QDateTime::currentDateTimeUtc();
            if (StoreError moveError = moveAside(path, now, &error.movedTo))
                return moveError;
            const QString detail = error.message;
            error.message = Text::tr("The archive %1 is damaged (%2). It was moved to %3 and kept; a new "
                                     "archive will be created and filled again by the next sync.")
                                .arg(path, detail, error.movedTo);
            // The log stays English whatever the person's language.
            qCCritical(lcStore).noquote() << "the archive" << path << "is damaged (" + detail + "); it was moved to"
                                          << error.movedTo << "and kept; a new archive will be created";
            return error;
        }
        if (error)
            return error;
    }

    if (!existed) {
        // Created owner-only before SQLite touches it; SQLite gives -wal/-shm the same mode.
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(kOwnerOnlyFile))
            return StoreError::make(StoreError::Code::NotWritable,
                                    Text::tr("cannot create the archive %1: %2").arg(path, file.errorString()));
    }

    QSqlDatabase db;
    if (StoreError error = openConnection(path, options.profile, kPrepareConnection, &db))
        return error;
    StoreError result = migrate(db, options.migrations ? *options.migrations : schemaMigrations());
    if (!result && !options.migrations) {
        // Runs left "running" by a crash or power cut are closed honestly.
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("UPDATE sync_runs SET status = 'interrupted' WHERE status = 'running'")))
            result = fromQuery(q, QStringLiteral("closing interrupted runs"));
    }
    db = QSqlDatabase();
    closeConnection(kPrepareConnection);
    return result;
}

} // namespace vaulttray
