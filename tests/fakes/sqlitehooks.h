#pragma once

#include <QByteArray>

namespace vaulttray::test {

// Debian's SQLite already defaults to synchronous=FULL, so reading FULL back proves nothing about our
// code. These hooks run inside every connection SQLite opens in this process (QSQLITE uses the same
// system libsqlite3), which lets a test prove the store *sets* its profile.

// Every new connection starts with the weakest settings: synchronous=OFF, foreign_keys=OFF.
void installWeakDefaults();
// Every new connection silently ignores attempts to set this pragma (like a driver that drops an option).
void ignorePragmaWrites(const QByteArray &pragmaName);
// Undo both for connections opened from now on.
void resetHooks();

} // namespace vaulttray::test
