#include "store/archivereader.h"

#include "core/logging.h"
#include "store/compression.h"
#include "store/sqlerror.h"
#include "store/sqlvalues.h"

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

QList<FolderRecord> ArchiveReader::folders(qint64 accountId)
{
    QList<FolderRecord> out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT remote_id, name, kind, special_use FROM folders WHERE account_id = ? "
                             "ORDER BY remote_id"));
    if (exec(q, {accountId}))
        while (q.next())
            out << FolderRecord{q.value(0).toString(), q.value(1).toString(),
                                q.value(2).toString() == QLatin1String("label"), q.value(3).toString()};
    return out;
}

QHash<QString, QHash<QString, QString>> ArchiveReader::checkpoints(qint64 accountId)
{
    QHash<QString, QHash<QString, QString>> out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT scope, key, value FROM checkpoints WHERE account_id = ?"));
    if (exec(q, {accountId}))
        while (q.next())
            out[q.value(0).toString()].insert(q.value(1).toString(), q.value(2).toString());
    return out;
}

QStringList ArchiveReader::folderIds(qint64 accountId)
{
    QStringList out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT remote_id FROM folders WHERE account_id = ?"));
    if (exec(q, {accountId}))
        while (q.next())
            out << q.value(0).toString();
    return out;
}

std::optional<QList<FolderMembership>> ArchiveReader::folderMemberships(qint64 accountId)
{
    QList<FolderMembership> out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT m.provider_id, f.remote_id, l.uid FROM message_labels l "
                             "JOIN messages m ON m.id = l.message_id JOIN folders f ON f.id = l.folder_id "
                             "WHERE m.account_id = ?"));
    if (!exec(q, {accountId}))
        return std::nullopt;
    while (q.next())
        out.append(FolderMembership{q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong()});
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
            out << SearchHit{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                             instant(q.value(3)), q.value(4).toString(), 0, QString(), false};
    return out;
}

QList<SearchHit> ArchiveReader::search(const SearchQuery &query, int limit, int offset)
{
    QList<SearchHit> out;
    if (query.isEmpty())
        return out;
    const bool words = !query.ftsMatch().isEmpty();
    const QString snippet =
        words ? QStringLiteral("snippet(messages_fts, 2, '[', ']', '…', 12)") : QStringLiteral("m.snippet");
    const QString from = words ? QStringLiteral("messages_fts JOIN messages m ON m.id = messages_fts.rowid ")
                               : QStringLiteral("messages m ");
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT m.id, m.subject, m.from_addr, m.internal_date, %1, m.account_id, a.name, "
                             "m.has_attachments FROM %2 JOIN accounts a ON a.id = m.account_id WHERE %3 %4 "
                             "ORDER BY m.internal_date DESC, m.id DESC LIMIT ? OFFSET ?")
                  .arg(snippet, from, words ? QStringLiteral("messages_fts MATCH ? AND") : QString(),
                       query.whereSql()));
    QVariantList values;
    if (words)
        values << query.ftsMatch();
    values << query.values() << limit << offset;
    if (exec(q, values))
        while (q.next())
            out << SearchHit{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                             instant(q.value(3)),     q.value(4).toString(), q.value(5).toLongLong(),
                             q.value(6).toString(),   q.value(7).toBool()};
    return out;
}

std::optional<StoredMessage> ArchiveReader::message(qint64 id)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT m.id, m.account_id, a.name, m.from_addr, m.to_addr, m.cc_addr, m.subject, "
                             "m.internal_date, f.body, m.deleted_at FROM messages m JOIN accounts a ON a.id = m.account_id "
                             "LEFT JOIN messages_fts f ON f.rowid = m.id WHERE m.id = ?"));
    if (!exec(q, {id}) || !q.next())
        return std::nullopt;
    StoredMessage m;
    m.id = q.value(0).toLongLong();
    m.accountId = q.value(1).toLongLong();
    m.accountName = q.value(2).toString();
    m.from = q.value(3).toString();
    m.to = q.value(4).toString();
    m.cc = q.value(5).toString();
    m.subject = q.value(6).toString();
    m.date = instant(q.value(7));
    m.bodyText = q.value(8).toString();
    m.deleted = !q.value(9).isNull();
    q.prepare(QStringLiteral("SELECT f.name FROM message_labels l JOIN folders f ON f.id = l.folder_id "
                             "WHERE l.message_id = ? ORDER BY f.name"));
    if (exec(q, {id}))
        while (q.next())
            m.labels << q.value(0).toString();
    q.prepare(QStringLiteral("SELECT file_name, mime_type, size FROM attachments WHERE message_id = ? ORDER BY position"));
    if (exec(q, {id}))
        while (q.next())
            m.attachments << AttachmentRecord{q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong()};
    return m;
}

std::optional<QByteArray> ArchiveReader::rawMessage(qint64 id)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT raw_size, data FROM message_raw WHERE message_id = ?"));
    if (!exec(q, {id}) || !q.next())
        return std::nullopt;
    return decompressRaw(q.value(1).toByteArray(), q.value(0).toLongLong());
}

} // namespace vaulttray
