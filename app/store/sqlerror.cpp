#include "store/sqlerror.h"

#include "core/classify.h"

#include <QSqlError>
#include <QSqlQuery>

namespace vaulttray {

StoreError fromSqlError(const QSqlError &error, const QString &context)
{
    bool isNumber = false;
    const int native = error.nativeErrorCode().toInt(&isNumber);
    // SQLite's own words; Qt's driver text ("Unable to fetch row") adds nothing a person could act on.
    const QString detail = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    const QString text = context + QStringLiteral(": ") + detail;
    switch (isNumber ? (native & sqliteresult::kPrimaryMask) : 0) {
    case sqliteresult::kFull: return StoreError::make(StoreError::Code::DiskFull, text, native);
    case sqliteresult::kIoErr: return StoreError::make(StoreError::Code::Io, text, native);
    case sqliteresult::kCorrupt: return StoreError::make(StoreError::Code::Damaged, text, native);
    case sqliteresult::kNotADb: return StoreError::make(StoreError::Code::NotADatabase, text, native);
    case sqliteresult::kReadOnly:
    case sqliteresult::kCantOpen: return StoreError::make(StoreError::Code::NotWritable, text, native);
    default: return StoreError::make(StoreError::Code::Sql, text, isNumber ? native : 0);
    }
}

StoreError fromQuery(const QSqlQuery &query, const QString &context)
{
    return fromSqlError(query.lastError(), context);
}

} // namespace vaulttray
