#include "store/transaction.h"

#include "core/logging.h"
#include "store/sqlerror.h"

#include <QSqlError>
#include <QSqlQuery>

namespace vaulttray {

TransactionGuard::TransactionGuard(QSqlDatabase &db)
    : m_db(db)
{
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        m_open = true;
    else
        m_beginError = fromQuery(q, QStringLiteral("BEGIN"));
}

TransactionGuard::~TransactionGuard()
{
    if (!m_open)
        return;
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("ROLLBACK")))
        return;
    // After a full disk or an I/O error SQLite has already rolled the transaction back itself: nothing is wrong.
    if (q.lastError().databaseText().contains(QLatin1String("no transaction is active")))
        qCDebug(lcStore) << "the transaction was already rolled back";
    else
        qCWarning(lcStore) << "rollback failed:" << fromQuery(q, QStringLiteral("ROLLBACK")).message;
}

StoreError TransactionGuard::commit()
{
    if (!m_open)
        return m_beginError ? m_beginError : StoreError::make(StoreError::Code::Closed, QStringLiteral("no transaction"));
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("COMMIT")))
        return fromQuery(q, QStringLiteral("COMMIT")); // still open: the destructor rolls back
    m_open = false;
    return {};
}

} // namespace vaulttray
