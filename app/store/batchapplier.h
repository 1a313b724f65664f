#pragma once

#include "store/writebatch.h"

#include <QSqlDatabase>

namespace vaulttray {

// The SQL of the writer thread. Each function runs on the writer's connection; applyBatch opens and
// commits its own transaction, so a failure anywhere in the batch leaves the archive as it was.
BatchResult applyBatch(QSqlDatabase &db, const WriteBatch &batch);
StoreError insertAccount(QSqlDatabase &db, const AccountRecord &account, qint64 *id);
// Without deleteMail the account is marked removed (its mail stays searchable) and its name freed.
StoreError deleteAccount(QSqlDatabase &db, qint64 accountId, bool deleteMail, const QDateTime &at);

} // namespace vaulttray
