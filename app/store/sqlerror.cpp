#include "store/sqlerror.h"

#include <QSqlError>
#include <QSqlQuery>

namespace vaulttray {

StoreError fromSqlError(const QSqlError &error, const QString &context)
{
    bool isNumber = false;
    const int native = error.nativeErrorCode().toInt(&isNumber);
    const QString text = context + QStringLiteral(": ") + error.text();
    switch (isNumber ? (native & sqlitecode::kPrimaryMask) : 0) {
    case sqlitecode::kFull: return StoreError::make(StoreError::Code::DiskFull, text, native);
    case sqlitecode::kIoErr: return StoreError::make(StoreError::Code::Io, text, native);
    case sqlitecode::kCorrupt: return StoreError::make(StoreError::Code::Damaged, text, native);
    case sqlitecode::kNotADb: return StoreError::make(StoreError::Code::NotADatabase, text, native);
    case sqlitecode::kReadOnly:
    case sqlitecode::kCantOpen: return StoreError::make(StoreError::Code::NotWritable, text, native);
    default: return StoreError::make(StoreError::Code::Sql, text, isNumber ? native : 0);
    }
}

StoreError fromQuery(const QSqlQuery &query, const QString &context)
{
    return fromSqlError(query.lastError(), context);
}

} // namespace vaulttray
