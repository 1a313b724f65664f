#pragma once

#include "sync/imap/imapfolderfilter.h"

#include <QByteArray>
#include <QString>

namespace vaulttray {

// How one account is synced. From the account's settings JSON:
//   "folders": {"include": ["INBOX", "Archive/*"], "exclude": ["Trash", "Lists/*"]}
// Both lists are optional; without them every selectable folder is archived.
struct ImapSyncOptions
{
    ImapFolderFilter folders;
    // Use QRESYNC when the server offers it (what vanished and what changed in the EXAMINE answer); off, the sync
    // compares UID SEARCH ALL with the archive and asks CONDSTORE servers for changed flags.
    bool useQResync = true;
    // UIDs per UID FETCH, and how many of them are in flight on the connection at once.
    int fetchBatch = 250;
    int fetchesInFlight = 2;
    // No new UID FETCH while this many chunks wait for the parse stage or the writer: memory stays bounded when the
    // disk is slower than the network.
    int maxQueuedChunks = 4;
    // A batch for the writer every this many messages, bytes or milliseconds, whichever comes first.
    int flushMessages = 100;
    qint64 flushBytes = 8 * 1024 * 1024;
    qint64 flushAfterMs = 1000;

    // The folder lists from the settings; *error says what is wrong with them (the rest stays default).
    static ImapSyncOptions fromSettings(const QByteArray &settingsJson, QString *error = nullptr);
};

} // namespace vaulttray
