#pragma once

#include "store/storeerror.h"

#include <QSqlDatabase>

namespace vaulttray {

// Rolls back unless commit() succeeded: a failed batch leaves nothing behind.
// BEGIN IMMEDIATE takes the write lock up front so a batch never fails half-way on SQLITE_BUSY.
class TransactionGuard
{
public:
    explicit TransactionGuard(QSqlDatabase &db);
    ~TransactionGuard();
    TransactionGuard(const TransactionGuard &) = delete;
    TransactionGuard &operator=(const TransactionGuard &) = delete;

    const StoreError &beginError() const { return m_beginError; }
    StoreError commit();

private:
    QSqlDatabase &m_db;
    StoreError m_beginError;
    bool m_open = false;
};

} // namespace vaulttray
