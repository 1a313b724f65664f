#pragma once

#include "store/connection.h"
#include "store/searchquery.h"
#include "store/writebatch.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace vaulttray {

struct SearchHit
{
    qint64 messageId = 0;
    QString subject;
    QString from;
    QDateTime date;
    QString snippet; // with the matched words marked by [ ]
    qint64 accountId = 0;
    QString accountName;
    bool hasAttachments = false;
};

// One archived message as the message view shows it.
struct StoredMessage
{
    qint64 id = 0;
    qint64 accountId = 0;
    QString accountName;
    QString from, to, cc, subject;
    QDateTime date;
    QString bodyText; // the text the index holds
    QStringList labels; // display names
    QList<AttachmentRecord> attachments;
    bool deleted = false; // gone from the server, kept here
};

// One message's place in one IMAP folder.
struct FolderMembership
{
    QString providerId;
    QString folder; // the folder's remote id
    qint64 uid = 0; // 0 when the label has no UID (a Gmail label)
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
    QList<FolderRecord> folders(qint64 accountId);
    // Every provider id the account's archive holds (soft-deleted ones too unless includeDeleted is false): what a
    // sync skips instead of fetching again.
    QSet<QString> providerIds(qint64 accountId, bool includeDeleted = true);
    // The remote ids of the account's folders and labels.
    QStringList folderIds(qint64 accountId);
    // Every (message, folder, UID) of the account, soft-deleted messages too; nullopt when the read failed.
    std::optional<QList<FolderMembership>> folderMemberships(qint64 accountId);
    std::optional<QString> checkpoint(qint64 accountId, const QString &scope, const QString &key);
    // Every checkpoint of the account: scope → key → value.
    QHash<QString, QHash<QString, QString>> checkpoints(qint64 accountId);
    QList<SyncRunRecord> syncRuns(qint64 accountId, int limit);
    // FTS5 query syntax; newest first.
    QList<SearchHit> search(const QString &ftsQuery, int limit);
    // What the person typed, translated by SearchQuery; newest first, one page at a time.
    QList<SearchHit> search(const SearchQuery &query, int limit, int offset = 0);
    std::optional<StoredMessage> message(qint64 id);
    std::optional<QByteArray> rawMessage(qint64 id);

private:
    QString m_connectionName;
    QSqlDatabase m_db;
    StoreError m_openError;
};

} // namespace vaulttray
