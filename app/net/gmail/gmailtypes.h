#pragma once

#include "core/failure.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

// What the Gmail REST API v1 answers, parsed into typed records, and the result of each request job: a Failure
// (kind None on success) plus the parsed data. Gmail's 64-bit numbers (historyId, internalDate) travel as JSON
// strings; they are quint64 / qint64 here.

namespace vaulttray {

// users.getProfile
struct GmailProfile
{
    QString emailAddress;
    qint64 messagesTotal = 0;
    qint64 threadsTotal = 0;
    quint64 historyId = 0;
};

// One entry of labels.list (the Label resource without counts).
struct GmailLabel
{
    QString id;   // "INBOX", "Label_12"
    QString name; // "INBOX", "Projects/Zürich"
    QString type; // "system" or "user"
    QString messageListVisibility;
    QString labelListVisibility;
};

// One entry of messages.list.
struct GmailMessageRef
{
    QString id;
    QString threadId;
};

// messages.get?format=raw
struct GmailRawMessage
{
    QString id;
    QString threadId;
    QStringList labelIds;
    quint64 historyId = 0;
    qint64 internalDateMs = 0; // ms since the epoch: when Gmail received (or the Date header of imported) mail
    qint64 sizeEstimate = 0;
    QByteArray raw; // the exact RFC 5322 bytes, base64url-decoded
    QByteArray rawBase64Url; // instead of raw, the text as Gmail sent it, when decoding was left to the caller

    QDateTime internalDate() const { return QDateTime::fromMSecsSinceEpoch(internalDateMs, Qt::UTC); }
};

// A message as a history record names it.
struct GmailHistoryMessage
{
    QString id;
    QString threadId;
    QStringList labelIds; // the message's labels after the change (absent for deletions)
};

// labelsAdded / labelsRemoved: which message, and which labels changed.
struct GmailLabelChange
{
    GmailHistoryMessage message;
    QStringList labelIds;
};

// One history record (history.list). Gmail may put several kinds of change in one record.
struct GmailHistoryRecord
{
    quint64 id = 0;
    QList<GmailHistoryMessage> messagesAdded;
    QList<GmailHistoryMessage> messagesDeleted;
    QList<GmailLabelChange> labelsAdded;
    QList<GmailLabelChange> labelsRemoved;
};

struct GmailProfileResult
{
    Failure failure;
    GmailProfile profile;

    bool ok() const { return failure.ok(); }
};

struct GmailLabelsResult
{
    Failure failure;
    QList<GmailLabel> labels;
    int skippedItems = 0; // entries without an id, left out

    bool ok() const { return failure.ok(); }
};

struct GmailMessageListResult
{
    Failure failure;
    QList<GmailMessageRef> messages;
    QString nextPageToken; // empty on the last page
    qint64 resultSizeEstimate = 0;
    int skippedItems = 0; // entries without an id, left out

    bool ok() const { return failure.ok(); }
};

struct GmailRawMessageResult
{
    Failure failure;
    GmailRawMessage message;
    // HTTP 404: the message vanished between listing and fetching (deleted meanwhile). failure is BadData then.
    bool notFound = false;

    bool ok() const { return failure.ok(); }
};

struct GmailHistoryResult
{
    Failure failure;
    // HTTP 404 from history.list: startHistoryId is older than the history Gmail keeps, so only a full sync can
    // catch up. failure is BadData then (no history came), and the caller checks this flag first.
    bool historyExpired = false;
    QList<GmailHistoryRecord> records;
    QString nextPageToken; // empty on the last page
    quint64 historyId = 0; // the mailbox's current history id: the next startHistoryId once every page is applied
    int skippedItems = 0;  // changes without a message id, left out

    bool ok() const { return failure.ok(); }
};

} // namespace vaulttray

Q_DECLARE_METATYPE(vaulttray::GmailProfileResult)
Q_DECLARE_METATYPE(vaulttray::GmailLabelsResult)
Q_DECLARE_METATYPE(vaulttray::GmailMessageListResult)
Q_DECLARE_METATYPE(vaulttray::GmailRawMessageResult)
Q_DECLARE_METATYPE(vaulttray::GmailHistoryResult)
