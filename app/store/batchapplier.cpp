#include "store/batchapplier.h"

#include "store/compression.h"
#include "store/sqlerror.h"
#include "store/sqlvalues.h"
#include "store/transaction.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QVariant>

namespace vaulttray {

namespace {

using sqlvalue::msecs;
using sqlvalue::text;
using sqlvalue::textOrNull;

// Prepared statements of one batch; prepared once per batch, executed per row.
class BatchStatements
{
public:
    explicit BatchStatements(QSqlDatabase &db)
        : upsertFolder(db), folderId(db), insertMessage(db), messageId(db), insertRaw(db), insertLabel(db),
          removeLabel(db), insertAttachment(db), insertFts(db), softDelete(db), undelete(db), setFlags(db), setCheckpoint(db),
          progress(db),
          interruptRuns(db), startRun(db), endRun(db), adoptFolder(db)
    {
    }

    StoreError prepare()
    {
        const std::pair<QSqlQuery *, QString> all[] = {
            {&upsertFolder, QStringLiteral("INSERT INTO folders (account_id, remote_id, name, kind, special_use) "
                                           "VALUES (?, ?, ?, ?, ?) ON CONFLICT (account_id, remote_id) DO UPDATE "
                                           "SET name = excluded.name, special_use = excluded.special_use")},
            {&folderId, QStringLiteral("SELECT id FROM folders WHERE account_id = ? AND remote_id = ?")},
            {&insertMessage,
             QStringLiteral("INSERT INTO messages (account_id, provider_id, thread_id, message_id, internal_date, "
                            "sent_date, from_addr, to_addr, cc_addr, subject, snippet, size, flags, content_sha256, "
                            "has_attachments, parse_problems, archived_at) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                            "ON CONFLICT (account_id, provider_id) DO NOTHING")},
            {&messageId, QStringLiteral("SELECT id FROM messages WHERE account_id = ? AND provider_id = ?")},
            {&insertRaw, QStringLiteral("INSERT INTO message_raw (message_id, codec, raw_size, data) "
                                        "VALUES (?, 'zstd', ?, ?)")},
            {&insertLabel, QStringLiteral("INSERT INTO message_labels (message_id, folder_id, uid) VALUES (?, ?, ?) "
                                          "ON CONFLICT (message_id, folder_id) DO UPDATE SET uid = excluded.uid")},
            {&removeLabel, QStringLiteral("DELETE FROM message_labels WHERE message_id = ? AND folder_id = ?")},
            {&insertAttachment, QStringLiteral("INSERT INTO attachments (message_id, position, file_name, "
                                               "mime_type, size) VALUES (?, ?, ?, ?, ?)")},
            {&insertFts, QStringLiteral("INSERT INTO messages_fts (rowid, subject, people, body, attachments) "
                                        "VALUES (?, ?, ?, ?, ?)")},
            {&softDelete, QStringLiteral("UPDATE messages SET deleted_at = ? "
                                         "WHERE account_id = ? AND provider_id = ? AND deleted_at IS NULL")},
            {&undelete, QStringLiteral("UPDATE messages SET deleted_at = NULL "
                                       "WHERE account_id = ? AND provider_id = ? AND deleted_at IS NOT NULL")},
            {&setFlags, QStringLiteral("UPDATE messages SET flags = ? WHERE account_id = ? AND provider_id = ?")},
            {&setCheckpoint, QStringLiteral("INSERT INTO checkpoints (account_id, scope, key, value, updated_at) "
                                            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (account_id, scope, key) DO UPDATE "
                                            "SET value = excluded.value, updated_at = excluded.updated_at")},
            {&progress, QStringLiteral("UPDATE sync_runs SET messages_added = messages_added + ?, "
                                       "messages_updated = messages_updated + ?, messages_deleted = "
                                       "messages_deleted + ?, bad_data = bad_data + ?, bytes = bytes + ? "
                                       "WHERE account_id = ? AND status = 'running'")},
            {&interruptRuns, QStringLiteral("UPDATE sync_runs SET status = 'interrupted', ended_at = ? "
                                            "WHERE account_id = ? AND status = 'running'")},
            {&startRun, QStringLiteral("INSERT INTO sync_runs (account_id, started_at, status) VALUES (?, ?, 'running')")},
            {&endRun, QStringLiteral("UPDATE sync_runs SET ended_at = ?, status = ?, error_kind = ?, error_text = ? "
                                     "WHERE account_id = ? AND status = 'running'")},
            {&adoptFolder, QStringLiteral("UPDATE folders SET remote_id = ? WHERE account_id = ? AND remote_id = ? "
                                          "AND kind = 'label' AND NOT EXISTS (SELECT 1 FROM folders "
                                          "WHERE account_id = ? AND remote_id = ?)")},
        };
        for (const auto &[query, sql] : all) {
            if (!query->prepare(sql))
                return fromQuery(*query, QStringLiteral("preparing"));
        }
        return {};
    }

    QSqlQuery upsertFolder, folderId, insertMessage, messageId, insertRaw, insertLabel, removeLabel, insertAttachment,
        insertFts, softDelete, undelete, setFlags, setCheckpoint, progress, interruptRuns, startRun, endRun;
    QSqlQuery adoptFolder;
};

StoreError run(QSqlQuery &q, const QVariantList &values, const QString &context)
{
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
    if (!q.exec())
        return fromQuery(q, context);
    return {};
}

class BatchRun
{
public:
    BatchRun(QSqlDatabase &db, const WriteBatch &batch)
        : m_s(db), m_batch(batch)
    {
    }

    BatchResult apply()
    {
        BatchResult result;
        if ((result.error = m_s.prepare()))
            return result;
        if (m_batch.runStartedAt) {
            // A run still "running" for this account was cut short (crash, power cut): say so honestly.
            if ((result.error = run(m_s.interruptRuns, {msecs(*m_batch.runStartedAt), m_batch.accountId},
                                    QStringLiteral("closing an interrupted run"))) ||
                (result.error = run(m_s.startRun, {m_batch.accountId, msecs(*m_batch.runStartedAt)},
                                    QStringLiteral("starting a run"))))
                return result;
        }
        for (const FolderRecord &f : m_batch.folders) {
            // A label an import knew only by name (a Takeout export read before the account's first sync) becomes
            // the provider's label of that name, messages and all.
            if (f.isLabel && f.remoteId != f.name &&
                (result.error = run(m_s.adoptFolder,
                                    {f.remoteId, m_batch.accountId, f.name, m_batch.accountId, f.remoteId},
                                    QStringLiteral("adopting folder"))))
                return result;
            if ((result.error = run(m_s.upsertFolder,
                                    {m_batch.accountId, f.remoteId, f.name,
                                     f.isLabel ? QStringLiteral("label") : QStringLiteral("folder"),
                                     textOrNull(f.specialUse)},
                                    QStringLiteral("storing folder"))))
                return result;
        }
        for (const MessageRecord &m : m_batch.messages) {
            if ((result.error = storeMessage(m, &result)))
                return result;
        }
        for (const LabelChange &c : m_batch.labelChanges) {
            if ((result.error = changeLabels(c, &result)))
                return result;
        }
        for (const QString &providerId : m_batch.softDeletes) {
            if ((result.error = run(m_s.softDelete, {msecs(m_batch.at), m_batch.accountId, providerId},
                                    QStringLiteral("marking deleted"))))
                return result;
            result.softDeleted += m_s.softDelete.numRowsAffected();
        }
        for (const QString &providerId : m_batch.undeletes) {
            if ((result.error = run(m_s.undelete, {m_batch.accountId, providerId}, QStringLiteral("lifting a deletion mark"))))
                return result;
        }
        for (const FlagChange &f : m_batch.flagChanges) {
            if ((result.error = run(m_s.setFlags, {text(f.flags), m_batch.accountId, f.providerId},
                                    QStringLiteral("storing flags"))))
                return result;
        }
        for (const CheckpointRecord &c : m_batch.checkpoints) {
            if ((result.error = run(m_s.setCheckpoint, {m_batch.accountId, text(c.scope), c.key, textOrNull(c.value), msecs(m_batch.at)},
                                    QStringLiteral("storing checkpoint"))))
                return result;
        }
        if (m_batch.progress) {
            const RunProgress &p = *m_batch.progress;
            if ((result.error = run(m_s.progress, {p.added, p.updated, p.deleted, p.badData, p.bytes, m_batch.accountId},
                                    QStringLiteral("recording progress"))))
                return result;
        }
        if (m_batch.runEnd) {
            const RunEnd &e = *m_batch.runEnd;
            const QVariant noText(QMetaType(QMetaType::QString));
            if ((result.error = run(m_s.endRun,
                                    {msecs(e.at), statusName(e.status),
                                     e.failure.ok() ? noText : QVariant(toString(e.failure.kind)),
                                     e.failure.ok() ? noText : QVariant(e.failure.detail), m_batch.accountId},
                                    QStringLiteral("closing the run"))))
                return result;
        }
        return result;
    }

private:
    StoreError lookup(QSqlQuery &q, const QVariantList &key, qint64 *id, const QString &what)
    {
        if (StoreError error = run(q, key, QStringLiteral("looking up ") + what))
            return error;
        if (!q.next())
            return StoreError::make(StoreError::Code::Sql, QStringLiteral("unknown ") + what);
        *id = q.value(0).toLongLong();
        q.finish();
        return {};
    }

    StoreError folderIdOf(const QString &remoteId, qint64 *id)
    {
        return lookup(m_s.folderId, {m_batch.accountId, remoteId}, id, QStringLiteral("folder ") + remoteId);
    }

    StoreError storeMessage(const MessageRecord &m, BatchResult *result)
    {
        const QByteArray sha = m.sha256.isEmpty() ? QCryptographicHash::hash(m.raw, QCryptographicHash::Sha256) : m.sha256;
        if (StoreError error = run(m_s.insertMessage,
                                   {m_batch.accountId, m.providerId, textOrNull(m.threadId), textOrNull(m.messageId),
                                    msecs(m.internalDate), msecs(m.sentDate), m.from, m.to, m.cc, m.subject,
                                    m.snippet, m.raw.size(), text(m.flags), sha, m.attachments.isEmpty() ? 0 : 1,
                                    m.parseProblems, msecs(m_batch.at)},
                                   QStringLiteral("storing message")))
            return error;
        const bool isNew = m_s.insertMessage.numRowsAffected() > 0;
        qint64 id = 0;
        if (StoreError error = lookup(m_s.messageId, {m_batch.accountId, m.providerId}, &id, QStringLiteral("message")))
            return error;
        if (isNew) {
            ++result->inserted;
            if (StoreError error = run(m_s.insertRaw, {id, m.raw.size(), compressRaw(m.raw)},
                                       QStringLiteral("storing raw message")))
                return error;
            QStringList names;
            for (int i = 0; i < m.attachments.size(); ++i) {
                const AttachmentRecord &a = m.attachments.at(i);
                names << a.fileName;
                if (StoreError error = run(m_s.insertAttachment, {id, i, a.fileName, a.mimeType, a.size},
                                           QStringLiteral("storing attachment")))
                    return error;
            }
            if (StoreError error = run(m_s.insertFts, {id, m.subject, m.peopleText, m.bodyText, names.join(QLatin1Char(' '))},
                                       QStringLiteral("indexing message")))
                return error;
        } else {
            ++result->alreadyPresent;
        }
        for (const QString &label : m.labels) {
            qint64 folder = 0;
            if (StoreError error = folderIdOf(label, &folder))
                return error;
            const auto uid = m.uids.constFind(label);
            if (StoreError error = run(m_s.insertLabel,
                                       {id, folder, uid == m.uids.cend() ? QVariant(QMetaType(QMetaType::LongLong))
                                                                         : QVariant(*uid)},
                                       QStringLiteral("storing label")))
                return error;
        }
        return {};
    }

    StoreError changeLabels(const LabelChange &c, BatchResult *result)
    {
        qint64 id = 0;
        if (StoreError error = lookup(m_s.messageId, {m_batch.accountId, c.providerId}, &id, QStringLiteral("message")))
            return error;
        for (const QString &label : c.add) {
            qint64 folder = 0;
            if (StoreError error = folderIdOf(label, &folder))
                return error;
            const auto uid = c.uids.constFind(label);
            if (StoreError error = run(m_s.insertLabel,
                                       {id, folder, uid == c.uids.cend() ? QVariant(QMetaType(QMetaType::LongLong))
                                                                         : QVariant(*uid)},
                                       QStringLiteral("adding label")))
                return error;
            ++result->labelsChanged;
        }
        for (const QString &label : c.remove) {
            qint64 folder = 0;
            if (StoreError error = folderIdOf(label, &folder))
                return error;
            if (StoreError error = run(m_s.removeLabel, {id, folder}, QStringLiteral("removing label")))
                return error;
            ++result->labelsChanged;
        }
        return {};
    }

    BatchStatements m_s;
    const WriteBatch &m_batch;
};

} // namespace

QString statusName(RunStatus status)
{
    switch (status) {
    case RunStatus::Running: return QStringLiteral("running");
    case RunStatus::Ok: return QStringLiteral("ok");
    case RunStatus::Failed: return QStringLiteral("failed");
    case RunStatus::Cancelled: return QStringLiteral("cancelled");
    case RunStatus::Interrupted: return QStringLiteral("interrupted");
    }
    return QStringLiteral("failed");
}

BatchResult applyBatch(QSqlDatabase &db, const WriteBatch &batch)
{
    QElapsedTimer timer;
    timer.start();
    TransactionGuard tx(db);
    if (tx.beginError())
        return BatchResult{tx.beginError()};
    BatchResult result = BatchRun(db, batch).apply();
    result.applyNs = timer.nsecsElapsed();
    if (!result.error)
        result.error = tx.commit();
    if (result.error)
        return BatchResult{result.error}; // rolled back: none of it happened
    result.commitNs = timer.nsecsElapsed() - result.applyNs;
    return result;
}

StoreError insertAccount(QSqlDatabase &db, const AccountRecord &account, qint64 *id)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO accounts (name, provider, address, settings, created_at) "
                             "VALUES (?, ?, ?, ?, ?)"));
    if (StoreError error = run(q,
                               {account.name, account.provider, textOrNull(account.address),
                                QString::fromUtf8(account.settingsJson), msecs(account.createdAt)},
                               QStringLiteral("adding account")))
        return error;
    *id = q.lastInsertId().toLongLong();
    return {};
}

StoreError deleteAccount(QSqlDatabase &db, qint64 accountId, bool deleteMail, const QDateTime &at)
{
    TransactionGuard tx(db);
    if (tx.beginError())
        return tx.beginError();
    QSqlQuery q(db);
    if (deleteMail) {
        // messages_fts is not bound by foreign keys: its rows go first, by hand.
        q.prepare(QStringLiteral("DELETE FROM messages_fts WHERE rowid IN (SELECT id FROM messages WHERE account_id = ?)"));
        if (StoreError error = run(q, {accountId}, QStringLiteral("removing the account's index")))
            return error;
        q.prepare(QStringLiteral("DELETE FROM accounts WHERE id = ?"));
        if (StoreError error = run(q, {accountId}, QStringLiteral("removing the account")))
            return error;
    } else {
        q.prepare(QStringLiteral("UPDATE accounts SET removed_at = ?, name = name || '~' || id WHERE id = ?"));
        if (StoreError error = run(q, {msecs(at), accountId}, QStringLiteral("removing the account")))
            return error;
    }
    if (q.numRowsAffected() != 1)
        return StoreError::make(StoreError::Code::Sql, QStringLiteral("no such account"));
    return tx.commit();
}

} // namespace vaulttray
