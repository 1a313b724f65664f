#pragma once

#include "store/storeerror.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace vaulttray {

struct FolderRecord
{
    QString remoteId; // Gmail label id or IMAP folder name
    QString name;     // display name
    bool isLabel = false;
    QString specialUse;
};

struct AttachmentRecord
{
    QString fileName;
    QString mimeType;
    qint64 size = 0;
};

// One message as the archive keeps it: the raw bytes plus what the index needs.
struct MessageRecord
{
    QString providerId; // unique per account: Gmail id, or an IMAP content key
    QString threadId;
    QString messageId;
    QDateTime internalDate;
    QDateTime sentDate;
    QString from, to, cc, subject, snippet;
    QString flags;
    QByteArray raw;
    QByteArray sha256; // SHA-256 of raw, when the caller has it already (the store computes it otherwise)
    QString peopleText;
    QString bodyText;
    QList<AttachmentRecord> attachments;
    int parseProblems = 0;
    QStringList labels;                // folder/label remote ids
    QHash<QString, qint64> uids;       // IMAP UID per folder remote id
};

struct LabelChange
{
    QString providerId;
    QStringList add;
    QStringList remove;
    QHash<QString, qint64> uids = {}; // IMAP UID of the message in an added folder, by folder remote id
};

// A message's flags as the server has them now (IMAP FLAGS, space-separated).
struct FlagChange
{
    QString providerId;
    QString flags;
};

struct CheckpointRecord
{
    QString scope; // "" for the account, or a folder's remote id
    QString key;
    QString value;
};

enum class RunStatus { Running, Ok, Failed, Cancelled, Interrupted };
QString statusName(RunStatus status);

// Counters added to the account's running sync run (the one the same writer queue started).
struct RunProgress
{
    int added = 0;
    int updated = 0;
    int deleted = 0;
    int badData = 0;
    qint64 bytes = 0;
};

// Everything one batch writes, in one transaction: a page of messages and the checkpoint that
// covers it commit together or not at all.
struct RunEnd
{
    QDateTime at;
    RunStatus status = RunStatus::Ok;
    Failure failure;
};

struct WriteBatch
{
    qint64 accountId = 0;
    QDateTime at; // when the batch was made (the clock of the caller)
    QList<FolderRecord> folders;
    QList<MessageRecord> messages;
    QList<LabelChange> labelChanges;
    QStringList softDeletes; // provider ids gone from the server: marked, never deleted
    QStringList undeletes;   // provider ids seen on the server again (moved back): the mark is lifted
    QList<FlagChange> flagChanges;
    QList<CheckpointRecord> checkpoints;
    std::optional<RunProgress> progress;
    // Sync-run bookkeeping rides the same queue, so a run's rows are always in order with its batches:
    std::optional<QDateTime> runStartedAt; // opens a run (before this batch's data)
    std::optional<RunEnd> runEnd;          // closes the running run (after this batch's data)
};

struct BatchResult
{
    StoreError error;
    int inserted = 0;        // new messages
    int alreadyPresent = 0;  // messages the archive had (a replayed page after a crash)
    int labelsChanged = 0;
    int softDeleted = 0;
    // Where the writer's time went: the statements, and COMMIT (with synchronous=FULL, mostly the fsyncs).
    qint64 applyNs = 0;
    qint64 commitNs = 0;
};

} // namespace vaulttray

Q_DECLARE_METATYPE(vaulttray::BatchResult)

namespace vaulttray {

struct AccountRecord
{
    qint64 id = 0;
    QString name;
    QString provider; // "gmail", "imap" or "local"
    QString address;
    QByteArray settingsJson = "{}"; // never a secret: those live in the OS keychain
    QDateTime createdAt;
};


} // namespace vaulttray
