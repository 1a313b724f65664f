#pragma once

#include "store/writebatch.h"
#include "sync/messagerecord.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace vaulttray {

// One message as messages.get brought it: its raw content still base64url text.
struct GmailFetchedMessage
{
    QByteArray rawBase64Url;
    MessageOrigin origin;
};

// A Gmail sync's write batch on its way to the writer through the ParseStage: everything but the messages is set
// when it is handed over (folders, checkpoints, label changes, counters); parse() adds the messages, on the
// stage's thread.
struct GmailPendingBatch
{
    WriteBatch batch;
    QList<GmailFetchedMessage> fetched;
    QStringList undecodable; // fetched, but their raw content is not base64url: counted as bad data, not stored
    qint64 parseNs = 0;

    // Decodes and parses every fetched message, in order, into batch.messages and counts them (added, bytes, bad
    // data) in batch.progress; drops the fetched text.
    void parse();
};

} // namespace vaulttray
