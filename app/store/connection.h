#pragma once

#include "store/storeerror.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace vaulttray {

// How a connection protects what it commits.
enum class Profile {
    Durable,   // the only profile the app uses: WAL + synchronous=FULL (+ fullfsync on macOS)
    Ephemeral, // synchronous=OFF; tests that do not test durability only (see enableEphemeralProfileForTests)
};

struct PragmaSetting
{
    QString name;
    QString value;    // what we set
    QString readBack; // what "PRAGMA name" must answer afterwards
};

// The pragmas of a profile on the platform this binary was built for.
QList<PragmaSetting> profilePragmas(Profile profile);
// The same for macOS, whatever the build platform (so the table itself can be tested everywhere).
QList<PragmaSetting> macosDurablePragmas();

// Sets each pragma, then reads each back; a setting that did not stick is a hard ProfileMismatch
// (a driver that silently ignores a pragma must never downgrade durability unnoticed).
StoreError applyPragmas(QSqlDatabase &db, const QList<PragmaSetting> &pragmas);
// Reads the pragmas back without setting them: how a test proves that a connection opened
// some other way does not pass.
StoreError verifyPragmas(QSqlDatabase &db, const QList<PragmaSetting> &pragmas);

// The one function that opens a connection to the archive, on any thread. The connection belongs
// to the calling thread and is registered under connectionName (one named connection per thread).
StoreError openConnection(const QString &path, Profile profile, const QString &connectionName, QSqlDatabase *out);
// Closes and unregisters a connection opened by openConnection on this thread.
void closeConnection(const QString &connectionName);

// Tests that do not test durability may call this once; the app never does, so it cannot select Ephemeral.
void enableEphemeralProfileForTests();

} // namespace vaulttray
