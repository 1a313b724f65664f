#include "store/archivereader.h"

#include "core/logging.h"
#include "store/compression.h"
#include "store/searchquery.h"
#include "store/sqlerror.h"
#include "store/sqlvalues.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <atomic>

namespace vaulttray {

namespace {
std::atomic<quint64> g_readerSerial{0};

using sqlvalue::instant;

bool exec(QSqlQuery &q, const QVariantList &values)
{
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
    if (q.exec())
        return true;
    qCWarning(lcStore) << "read failed:" << fromQuery(q, QStringLiteral("query")).message;
    return false;
}

AccountRecord accountFrom(const QSqlQuery &q)
{
    return AccountRecord{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                         q.value(3).toString(), q.value(4).toString().toUtf8(), instant(q.value(5))};
}

const QString kAccountColumns = QStringLiteral("SELECT id, name, provider, address, settings, created_at FROM accounts");
} // namespace

ArchiveReader::ArchiveReader(const QString &path, Profile profile)
    : m_connectionName(QStringLiteral("vaulttray-reader-%1").arg(++g_readerSerial))
{
    m_openError = openConnection(path, profile, m_connectionName, &m_db);
}

ArchiveReader::~ArchiveReader()
{
    m_db = QSqlDatabase();
    closeConnection(m_connectionName);
}

QList<AccountRecord> ArchiveReader::accounts()
{
    QList<AccountRecord> out;
    QSqlQuery q(m_db);
    q.prepare(kAccountColumns + QStringLiteral(" WHERE removed_at IS NULL ORDER BY name"));
    if (exec(q, {}))
        while (q.next())
            out << accountFrom(q);
    return out;
}

std::optional<AccountRecord> ArchiveReader::account(const QString &name)
{
    QSqlQuery q(m_db);
    q.prepare(kAccountColumns + QStringLiteral(" WHERE name = ? AND removed_at IS NULL"));
    if (exec(q, {name}) && q.next())
        return accountFrom(q);
    return std::nullopt;
}

qint64 ArchiveReader::messageCount(qint64 accountId, bool includeDeleted)
{
    QSqlQuery q(m_db);
    q.prepare(includeDeleted ? QStringLiteral("SELECT count(*) FROM messages WHERE account_id = ?")
                             : QStringLiteral("SELECT count(*) FROM messages WHERE account_id = ? AND deleted_at IS NULL"));
    return exec(q, {accountId}) && q.next() ? q.value(0).toLongLong() : -1;
}

std::optional<QByteArray> ArchiveReader::rawMessage(qint64 accountId, const QString &providerId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT r.codec, r.raw_size, r.data FROM message_raw r JOIN messages m ON m.id = r.message_id "
                             "WHERE m.account_id = ? AND m.provider_id = ?"));
    if (!exec(q, {accountId, providerId}) || !q.next())
        return std::nullopt;
    return decompressRaw(q.value(2).toByteArray(), q.value(1).toLongLong());
}

QStringList ArchiveReader::labelsOf(qint64 accountId, const QString &providerId)
{
    QStringList out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT f.remote_id FROM message_labels l JOIN messages m ON m.id = l.message_id "
                             "JOIN folders f ON f.id = l.folder_id WHERE m.account_id = ? AND m.provider_id = ? "
                             "ORDER BY f.remote_id"));
    if (exec(q, {accountId, providerId}))
        while (q.next())
            out << q.value(0).toString();
    return out;
}

QHash<QString, QStringList> ArchiveReader::labelsByMessage(qint64 accountId)
{
    QHash<QString, QStringList> out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT m.provider_id, f.remote_id FROM message_labels l JOIN messages m ON m.id = l.message_id "
                             "JOIN folders f ON f.id = l.folder_id WHERE m.account_id = ? AND m.deleted_at IS NULL"));
    if (exec(q, {accountId}))
        while (q.next())
            out[q.value(0).toString()] << q.value(1).toString();
    return out;
}

QSet<QString> ArchiveReader::providerIds(qint64 accountId, bool includeDeleted)
{
    QSet<QString> out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(includeDeleted
                  ? QStringLiteral("SELECT provider_id FROM messages WHERE account_id = ?")
                  : QStringLiteral("SELECT provider_id FROM messages WHERE account_id = ? AND deleted_at IS NULL"));
    if (exec(q, {accountId}))
        while (q.next())
            out.insert(q.value(0).toString());
    return out;
}

std::optional<QString> ArchiveReader::checkpoint(qint64 accountId, const QString &scope, const QString &key)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT value FROM checkpoints WHERE account_id = ? AND scope = ? AND key = ?"));
    if (exec(q, {accountId, sqlvalue::text(scope), key}) && q.next())
        return q.value(0).toString();
    return std::nullopt;
}

QList<SyncRunRecord> ArchiveReader::syncRuns(qint64 accountId, int limit)
{
    QList<SyncRunRecord> out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id, account_id, started_at, ended_at, status, messages_added, messages_updated, "
                             "messages_deleted, bad_data, bytes, error_kind, error_text FROM sync_runs "
                             "WHERE account_id = ? ORDER BY id DESC LIMIT ?"));
    if (exec(q, {accountId, limit}))
        while (q.next())
            out << SyncRunRecord{q.value(0).toLongLong(), q.value(1).toLongLong(), instant(q.value(2)),
                                 instant(q.value(3)), q.value(4).toString(), q.value(5).toInt(), q.value(6).toInt(),
                                 q.value(7).toInt(), q.value(8).toInt(), q.value(9).toLongLong(),
                                 q.value(10).toString(), q.value(11).toString()};
    return out;
}

QList<SearchHit> ArchiveReader::search(const QString &ftsQuery, int limit)
{
    QList<SearchHit> out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT m.id, m.subject, m.from_addr, m.internal_date, "
                             "snippet(messages_fts, 2, '[', ']', '…', 12) FROM messages_fts "
                             "JOIN messages m ON m.id = messages_fts.rowid WHERE messages_fts MATCH ? "
                             "ORDER BY m.internal_date DESC LIMIT ?"));
    if (exec(q, {ftsQuery, limit}))
        while (q.next())
        {
            SearchHit hit;
            hit.messageId = q.value(0).toLongLong();
            hit.subject = q.value(1).toString();
            hit.from = q.value(2).toString();
            hit.date = instant(q.value(3));
            hit.snippet = q.value(4).toString();
            out << hit;
        }
    return out;
}

bool ArchiveReader::find(const SearchQuery &query, int limit, const QTimeZone &zone, QList<SearchHit> *hits,
                         QString *error)
{
    if (!query.isValid()) {
        *error = query.error();
        return false;
    }
    const SearchQuery::Sql sql = query.toSql(limit, zone);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.prepare(sql.statement) || !exec(q, sql.bindings)) {
        *error = q.lastError().text();
        return false;
    }
    while (q.next()) {
        SearchHit hit;
        hit.messageId = q.value(0).toLongLong();
        hit.subject = q.value(2).toString();
        hit.from = q.value(3).toString();
        hit.date = instant(q.value(4));
        hit.snippet = q.value(7).toString();
        hit.account = q.value(1).toString();
        hit.hasAttachments = q.value(5).toBool();
        hit.deletedOnServer = q.value(6).toBool();
        hits->append(hit);
    }
    return true;
}

std::optional<QByteArray> ArchiveReader::rawMessageById(qint64 messageId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT raw_size, data FROM message_raw WHERE message_id = ?"));
    if (!exec(q, {messageId}) || !q.next())
        return std::nullopt;
    return decompressRaw(q.value(1).toByteArray(), q.value(0).toLongLong());
}

} // namespace vaulttray
