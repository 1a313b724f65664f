#pragma once

#include "store/storeerror.h"

class QSqlError;
class QSqlQuery;

namespace vaulttray {

StoreError fromSqlError(const QSqlError &error, const QString &context);
StoreError fromQuery(const QSqlQuery &query, const QString &context);

} // namespace vaulttray
