#pragma once

#include "core/failure.h"
#include "store/writebatch.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace vaulttray {

class ArchiveReader;

// One message as an import source found it.
struct ImportItem
{
    QByteArray raw;
    QString providerId; // the provider's own id when the source knows it (a Gmail id from Takeout), else empty
    QString threadId;
    QDateTime internalDate;
    QString flags;
    QStringList labels;          // folder/label remote ids
    QList<FolderRecord> folders; // the folders those ids name
    bool damaged = false;        // truncated: archived as found and counted
    QString readError;           // not readable at all: nothing to archive, counted and named
    QString where;               // where it was found, for messages (a file name, a byte offset); never content
};

// What an import reads from: an mbox or a Maildir. Sources read lazily, one message at a time, and say where to
// resume after the last message they handed out.
class ImportSource
{
public:
    enum class Status { Item, End, Failed };

    virtual ~ImportSource() = default;

    // Checks that the input is what it claims to be (an mbox, a Maildir) and can be read, before anything is written.
    // Calling it again answers the same.
    virtual Failure open() = 0;
    // After open(): finds where a previous import of the same input into the account stopped, and what the archive
    // already knows about the account (its labels' ids).
    virtual void restore(ArchiveReader &archive, const AccountRecord &account) = 0;
    virtual Status next(ImportItem *item) = 0;
    // Why next() answered Failed: the input could not be read further.
    virtual Failure failure() const = 0;
    // Committed with the batch that holds the last item next() returned: where the next run starts.
    virtual QList<CheckpointRecord> checkpoint() const = 0;
    // How far the reading is, in the source's own unit (bytes of an mbox, files of a Maildir).
    virtual qint64 unitsDone() const = 0;
    virtual qint64 unitsTotal() const = 0;
    // Non-zero when open() found that a previous import stopped part-way: where this one starts, in units.
    virtual qint64 resumedAt() const { return 0; }
    // True when open() found the input fully imported and unchanged since: there is nothing to read.
    virtual bool upToDate() const { return false; }
    // For messages: the file or folder being imported.
    virtual QString displayName() const = 0;
};

} // namespace vaulttray
