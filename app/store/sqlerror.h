#pragma once

#include "store/storeerror.h"

class QSqlError;
class QSqlQuery;

namespace vaulttray {

// SQLite primary result codes we act on (sqlite3.h), named here so the store's callers need not include it.
namespace sqlitecode {
inline constexpr int kCorrupt = 11;
inline constexpr int kFull = 13;
inline constexpr int kIoErr = 10;
inline constexpr int kNotADb = 26;
inline constexpr int kReadOnly = 8;
inline constexpr int kCantOpen = 14;
inline constexpr int kPrimaryMask = 0xff;
} // namespace sqlitecode

StoreError fromSqlError(const QSqlError &error, const QString &context);
StoreError fromQuery(const QSqlQuery &query, const QString &context);

} // namespace vaulttray
