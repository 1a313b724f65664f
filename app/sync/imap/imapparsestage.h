#pragma once

#include "store/writebatch.h"
#include "sync/parsestage.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace vaulttray {

// One message as UID FETCH brought it.
struct ImapRawMessage
{
    quint32 uid = 0;
    QString flags; // space-separated
    QDateTime internalDate;
    QByteArray raw;
};

// A slice of one folder's sync on its way to the writer: the fetched messages, the folder's label and flag changes
// found meanwhile, and the checkpoint that covers all of it. The parse stage fills `records`.
struct ImapSyncChunk
{
    QString folder;
    quint32 uidValidity = 0;
    std::optional<quint32> lastUid;       // every new UID up to here is in this chunk or an earlier one
    std::optional<quint64> highestModSeq; // set on the folder's last chunk: the folder is complete
    bool resetFolder = false;             // UIDVALIDITY changed: the folder's old checkpoint is void
    QList<LabelChange> labelChanges;      // UIDs gone from the folder
    QList<FlagChange> flagChanges;
    QList<ImapRawMessage> fetched;
    qint64 bytes = 0;

    QList<MessageRecord> records; // one per fetched message, providerId = contentKey(Message-ID, raw)
    qint64 parseNs = 0;
};

// An IMAP sync's chunks through a ParseStage: MIME parsing (and the content key's hash) on a thread of its own,
// between the connection and the writer. Chunks come back in the order they were handed in.
class ImapParseStage
{
public:
    // done runs in receiver's thread. The stage must die before its receiver (be its member).
    explicit ImapParseStage(QObject *receiver);
    ~ImapParseStage(); // waits for the chunk being parsed; the others are dropped

    ImapParseStage(const ImapParseStage &) = delete;
    ImapParseStage &operator=(const ImapParseStage &) = delete;

    void parse(std::shared_ptr<ImapSyncChunk> chunk, std::function<void(std::shared_ptr<ImapSyncChunk>)> done);

    // Fills chunk.records (on the calling thread).
    static void parseChunk(ImapSyncChunk &chunk);

private:
    ParseStage m_stage;
};

} // namespace vaulttray
