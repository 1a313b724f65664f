#pragma once

#include "store/connection.h"
#include "store/writebatch.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QSqlDatabase>
#include <QString>

#include <optional>

class QTimeZone;

namespace vaulttray {

class SearchQuery;

struct SearchHit
{
    qint64 messageId = 0;
    QString subject;
    QString from;
    QDateTime date;
    QString snippet; // with the matched words marked by [ ]
    QString account;
    bool hasAttachments = false;
    bool deletedOnServer = false; // gone from the server; the archive keeps it
};

struct SyncRunRecord
{
    qint64 id = 0;
    qint64 accountId = 0;
    QDateTime startedAt, endedAt;
    QString status;
    int added = 0, updated = 0, deleted = 0, badData = 0;
    qint64 bytes = 0;
    QString errorKind, errorText;
};

// A read connection for the thread that creates it (searches, status, tests). Reads never block the
// writer (WAL) and the writer never blocks them.
class ArchiveReader
{
public:
    explicit ArchiveReader(const QString &path, Profile profile = Profile::Durable);
    ~ArchiveReader();
    ArchiveReader(const ArchiveReader &) = delete;
    ArchiveReader &operator=(const ArchiveReader &) = delete;

    const StoreError &openError() const { return m_openError; }
    QSqlDatabase &database() { return m_db; }

    QList<AccountRecord> accounts();
    std::optional<AccountRecord> account(const QString &name);
    qint64 messageCount(qint64 accountId, bool includeDeleted = true);
    std::optional<QByteArray> rawMessage(qint64 accountId, const QString &providerId);
    QStringList labelsOf(qint64 accountId, const QString &providerId);
    // The labels (folder remote ids) of every message of the account not marked deleted, by provider id.
    QHash<QString, QStringList> labelsByMessage(qint64 accountId);
    // Every provider id the account's archive holds (soft-deleted ones too unless includeDeleted is false): what a
    // sync skips instead of fetching again.
    QSet<QString> providerIds(qint64 accountId, bool includeDeleted = true);
    std::optional<QString> checkpoint(qint64 accountId, const QString &scope, const QString &key);
    QList<SyncRunRecord> syncRuns(qint64 accountId, int limit);
    // FTS5 query syntax; newest first.
    QList<SearchHit> search(const QString &ftsQuery, int limit);
    // A parsed search (words, from:, label:, dates ...), newest first; dates are days in `zone`. False (and a
    // sentence in *error) when the query cannot run.
    bool find(const SearchQuery &query, int limit, const QTimeZone &zone, QList<SearchHit> *hits, QString *error);
    // The exact raw bytes of the message with this archive id (the id search results carry).
    std::optional<QByteArray> rawMessageById(qint64 messageId);

private:
    QString m_connectionName;
    QSqlDatabase m_db;
    StoreError m_openError;
};

} // namespace vaulttray
