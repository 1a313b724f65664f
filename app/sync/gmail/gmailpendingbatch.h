#pragma once

#include "store/writebatch.h"
#include "sync/messagerecord.h"

#include <QByteArray>
#include <QList>

namespace vaulttray {

// One message as messages.get brought it, not parsed yet.
struct GmailFetchedMessage
{
    QByteArray raw;
    MessageOrigin origin;
};

// A Gmail sync's write batch on its way to the writer through the ParseStage: everything but the messages is set
// when it is handed over (folders, checkpoints, label changes, counters); parse() adds the messages, on the
// stage's thread.
struct GmailPendingBatch
{
    WriteBatch batch;
    QList<GmailFetchedMessage> fetched;
    qint64 parseNs = 0;

    // Appends one MessageRecord per fetched message to batch.messages, in order, and drops the raw copies.
    void parse();
};

} // namespace vaulttray
