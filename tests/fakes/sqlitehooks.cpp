#include "fakes/sqlitehooks.h"

#include <sqlite3.h>

#include <mutex>

namespace vaulttray::test {

namespace {
std::mutex g_mutex;
QByteArray g_ignored; // pragma name whose writes are ignored

int weakDefaults(sqlite3 *db, const char **, const sqlite3_api_routines *)
{
    return sqlite3_exec(db, "PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF;", nullptr, nullptr, nullptr);
}

int ignoreWrites(void *, int action, const char *name, const char *value, const char *, const char *)
{
    std::lock_guard lock(g_mutex);
    if (action == SQLITE_PRAGMA && value && name && sqlite3_stricmp(name, g_ignored.constData()) == 0)
        return SQLITE_IGNORE;
    return SQLITE_OK;
}

int installAuthorizer(sqlite3 *db, const char **, const sqlite3_api_routines *)
{
    return sqlite3_set_authorizer(db, ignoreWrites, nullptr);
}

using EntryPoint = void (*)();
} // namespace

void installWeakDefaults()
{
    sqlite3_auto_extension(reinterpret_cast<EntryPoint>(weakDefaults));
}

void ignorePragmaWrites(const QByteArray &pragmaName)
{
    {
        std::lock_guard lock(g_mutex);
        g_ignored = pragmaName;
    }
    sqlite3_auto_extension(reinterpret_cast<EntryPoint>(installAuthorizer));
}

void resetHooks()
{
    sqlite3_reset_auto_extension();
}

} // namespace vaulttray::test
