#include "store/migrations.h"

#include "core/logging.h"
#include "store/sqlerror.h"
#include "store/transaction.h"

#include <QSqlQuery>
#include <QVariant>

namespace vaulttray {

namespace {

QStringList schemaV1()
{
    return {
        QStringLiteral(R"(CREATE TABLE accounts (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            provider TEXT NOT NULL CHECK (provider IN ('gmail', 'imap', 'local')),
            address TEXT,
            settings TEXT NOT NULL DEFAULT '{}',
            created_at INTEGER NOT NULL))"),
        QStringLiteral(R"(CREATE TABLE folders (
            id INTEGER PRIMARY KEY,
            account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
            remote_id TEXT NOT NULL,
            name TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('label', 'folder')),
            special_use TEXT,
            UNIQUE (account_id, remote_id)))"),
        QStringLiteral(R"(CREATE TABLE messages (
            id INTEGER PRIMARY KEY,
            account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
            provider_id TEXT NOT NULL,
            thread_id TEXT,
            message_id TEXT,
            internal_date INTEGER,
            sent_date INTEGER,
            from_addr TEXT,
            to_addr TEXT,
            cc_addr TEXT,
            subject TEXT,
            snippet TEXT,
            size INTEGER NOT NULL,
            flags TEXT NOT NULL DEFAULT '',
            content_sha256 BLOB NOT NULL,
            has_attachments INTEGER NOT NULL DEFAULT 0,
            parse_problems INTEGER NOT NULL DEFAULT 0,
            archived_at INTEGER NOT NULL,
            deleted_at INTEGER,
            UNIQUE (account_id, provider_id)))"),
        QStringLiteral("CREATE INDEX messages_by_message_id ON messages(message_id)"),
        QStringLiteral("CREATE INDEX messages_by_date ON messages(account_id, internal_date)"),
        QStringLiteral(R"(CREATE TABLE message_raw (
            message_id INTEGER PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
            codec TEXT NOT NULL CHECK (codec IN ('zstd')),
            raw_size INTEGER NOT NULL,
            data BLOB NOT NULL))"),
        QStringLiteral(R"(CREATE TABLE message_labels (
            message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
            folder_id INTEGER NOT NULL REFERENCES folders(id) ON DELETE CASCADE,
            uid INTEGER,
            PRIMARY KEY (message_id, folder_id)) WITHOUT ROWID)"),
        QStringLiteral("CREATE INDEX message_labels_by_folder ON message_labels(folder_id, uid)"),
        QStringLiteral(R"(CREATE TABLE attachments (
            message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            file_name TEXT,
            mime_type TEXT,
            size INTEGER NOT NULL,
            PRIMARY KEY (message_id, position)) WITHOUT ROWID)"),
        QStringLiteral(R"(CREATE TABLE sync_runs (
            id INTEGER PRIMARY KEY,
            account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
            started_at INTEGER NOT NULL,
            ended_at INTEGER,
            status TEXT NOT NULL CHECK (status IN ('running', 'ok', 'failed', 'cancelled', 'interrupted')),
            messages_added INTEGER NOT NULL DEFAULT 0,
            messages_updated INTEGER NOT NULL DEFAULT 0,
            messages_deleted INTEGER NOT NULL DEFAULT 0,
            bad_data INTEGER NOT NULL DEFAULT 0,
            bytes INTEGER NOT NULL DEFAULT 0,
            error_kind TEXT,
            error_text TEXT))"),
        QStringLiteral("CREATE INDEX sync_runs_by_account ON sync_runs(account_id, started_at)"),
        QStringLiteral(R"(CREATE TABLE checkpoints (
            account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
            scope TEXT NOT NULL,
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            updated_at INTEGER NOT NULL,
            PRIMARY KEY (account_id, scope, key)) WITHOUT ROWID)"),
        // rowid = messages.id. Stores its own copy of the text: raw MIME is compressed and never re-parsed to search.
        QStringLiteral("CREATE VIRTUAL TABLE messages_fts USING fts5(subject, people, body, attachments, "
                       "tokenize = 'unicode61 remove_diacritics 2')"),
    };
}

StoreError ensureVersionTable(QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")))
        return fromQuery(q, QStringLiteral("creating schema_version"));
    return {};
}

} // namespace

const QList<Migration> &schemaMigrations()
{
    static const QList<Migration> migrations{
        {1, schemaV1()},
        // Removing an account keeps its archived mail unless the person asks otherwise.
        {2, {QStringLiteral("ALTER TABLE accounts ADD COLUMN removed_at INTEGER")}},
    };
    return migrations;
}

int currentSchemaVersion()
{
    return schemaMigrations().constLast().version;
}

StoreError readSchemaVersion(QSqlDatabase &db, int *version)
{
    *version = 0;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")))
        return fromQuery(q, QStringLiteral("reading the schema"));
    if (!q.next())
        return {};
    if (!q.exec(QStringLiteral("SELECT max(version) FROM schema_version")))
        return fromQuery(q, QStringLiteral("reading schema_version"));
    if (q.next())
        *version = q.value(0).toInt();
    return {};
}

StoreError migrate(QSqlDatabase &db, const QList<Migration> &migrations)
{
    int version = 0;
    if (StoreError error = readSchemaVersion(db, &version))
        return error;
    for (const Migration &step : migrations) {
        if (step.version <= version)
            continue;
        TransactionGuard tx(db);
        if (tx.beginError())
            return tx.beginError();
        if (StoreError error = ensureVersionTable(db))
            return error;
        for (const QString &statement : step.statements) {
            QSqlQuery q(db);
            if (!q.exec(statement))
                return fromQuery(q, QStringLiteral("migration to schema %1").arg(step.version));
        }
        QSqlQuery q(db);
        q.prepare(QStringLiteral("DELETE FROM schema_version"));
        q.exec();
        q.prepare(QStringLiteral("INSERT INTO schema_version (version) VALUES (?)"));
        q.addBindValue(step.version);
        if (!q.exec())
            return fromQuery(q, QStringLiteral("recording schema %1").arg(step.version));
        if (StoreError error = tx.commit())
            return error;
        qCInfo(lcStore) << "archive schema now at version" << step.version;
        version = step.version;
    }
    return {};
}

} // namespace vaulttray
