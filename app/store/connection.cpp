#include "store/connection.h"

#include "core/logging.h"
#include "store/sqlerror.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <atomic>

namespace vaulttray {

namespace {
// Long enough for a reader to wait out one batch commit (each batch is at most ~1 s of work).
constexpr int kBusyTimeoutMs = 10000;

std::atomic_bool g_ephemeralAllowed{false};

QList<PragmaSetting> commonPragmas(const QString &synchronous, const QString &synchronousReadBack)
{
    return {
        {QStringLiteral("journal_mode"), QStringLiteral("WAL"), QStringLiteral("wal")},
        {QStringLiteral("synchronous"), synchronous, synchronousReadBack},
        {QStringLiteral("foreign_keys"), QStringLiteral("ON"), QStringLiteral("1")},
        {QStringLiteral("busy_timeout"), QString::number(kBusyTimeoutMs), QString::number(kBusyTimeoutMs)},
    };
}
} // namespace

QList<PragmaSetting> macosDurablePragmas()
{
    // F_FULLFSYNC: on macOS plain fsync() does not flush the drive's cache.
    QList<PragmaSetting> pragmas = commonPragmas(QStringLiteral("FULL"), QStringLiteral("2"));
    pragmas << PragmaSetting{QStringLiteral("fullfsync"), QStringLiteral("ON"), QStringLiteral("1")}
            << PragmaSetting{QStringLiteral("checkpoint_fullfsync"), QStringLiteral("ON"), QStringLiteral("1")};
    return pragmas;
}

QList<PragmaSetting> profilePragmas(Profile profile)
{
    if (profile == Profile::Ephemeral)
        return commonPragmas(QStringLiteral("OFF"), QStringLiteral("0"));
#ifdef Q_OS_MACOS
    return macosDurablePragmas();
#else
    return commonPragmas(QStringLiteral("FULL"), QStringLiteral("2"));
#endif
}

StoreError verifyPragmas(QSqlDatabase &db, const QList<PragmaSetting> &pragmas)
{
    for (const PragmaSetting &p : pragmas) {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("PRAGMA %1").arg(p.name)))
            return fromQuery(q, QStringLiteral("reading PRAGMA %1").arg(p.name));
        const QString actual = q.next() ? q.value(0).toString().toLower() : QString();
        if (actual != p.readBack.toLower()) {
            return StoreError::make(StoreError::Code::ProfileMismatch,
                                    QStringLiteral("PRAGMA %1 is '%2' but must be '%3'; refusing to run with weaker "
                                                   "durability than promised")
                                        .arg(p.name, actual.isEmpty() ? QStringLiteral("(nothing)") : actual,
                                             p.readBack));
        }
    }
    return {};
}

StoreError applyPragmas(QSqlDatabase &db, const QList<PragmaSetting> &pragmas)
{
    for (const PragmaSetting &p : pragmas) {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("PRAGMA %1 = %2").arg(p.name, p.value)))
            return fromQuery(q, QStringLiteral("setting PRAGMA %1").arg(p.name));
    }
    return verifyPragmas(db, pragmas);
}

StoreError openConnection(const QString &path, Profile profile, const QString &connectionName, QSqlDatabase *out)
{
    if (profile == Profile::Ephemeral && !g_ephemeralAllowed.load()) {
        return StoreError::make(StoreError::Code::ProfileMismatch,
                                QStringLiteral("the ephemeral profile is for tests only"));
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    // URI filenames let tests choose a VFS (file:...?vfs=name); plain paths keep working.
    db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_URI"));
    db.setDatabaseName(path);
    if (!db.open()) {
        const StoreError error = fromSqlError(db.lastError(), QStringLiteral("opening %1").arg(path));
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connectionName);
        return error;
    }
    if (StoreError error = applyPragmas(db, profilePragmas(profile))) {
        qCCritical(lcStore) << "connection" << connectionName << "rejected:" << error.message;
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connectionName);
        return error;
    }
    *out = db;
    return {};
}

void closeConnection(const QString &connectionName)
{
    {
        QSqlDatabase db = QSqlDatabase::database(connectionName, false);
        if (db.isValid())
            db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
}

void enableEphemeralProfileForTests()
{
    g_ephemeralAllowed.store(true);
}

} // namespace vaulttray
