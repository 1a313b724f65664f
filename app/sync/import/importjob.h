#pragma once

#include "store/writebatch.h"
#include "sync/syncjob.h"

#include <QElapsedTimer>
#include <QSet>
#include <QString>
#include <QStringList>

#include <chrono>
#include <memory>

namespace vaulttray {

class ArchiveWriter;
class Clock;
class ImportSource;
struct ImportItem;

// Archives everything an ImportSource reads into one account, through the writer like a sync: batches of at most
// kBatchMessages messages, kBatchRawBytes of raw mail or about kBatchWork of reading and parsing, each committed in
// one transaction with the source's checkpoint. While the writer commits one batch the next is read and parsed;
// no more than one waits, so memory stays bounded whatever the input's size.
//
// A message is stored under the provider's id when the source knows it (a Gmail id from Takeout), else under its
// content key (contentKey(): Message-ID and a hash of the bytes). What the archive has is skipped; a message already
// archived under its content key still gains the folder it was found in this time.
class ImportJob : public SyncJob
{
    Q_OBJECT

public:
    static constexpr int kBatchMessages = 500;
    static constexpr qint64 kBatchRawBytes = 16 * 1024 * 1024;
    static constexpr std::chrono::milliseconds kBatchWork{1000};
    // How many unreadable items are named one by one; the rest are counted.
    static constexpr int kNamedUnreadable = 20;

    struct Stats
    {
        int imported = 0;            // new in the archive
        int alreadyArchived = 0;     // the archive had them
        int damaged = 0;             // truncated: archived as found
        int empty = 0;               // nothing but a separator: nothing to archive
        int unreadable = 0;          // could not be read: not archived
        QStringList unreadableItems; // the first kNamedUnreadable, with the reason
        int batches = 0;
        qint64 resumedAt = 0; // in the source's units; 0 when it started from the beginning
        bool upToDate = false;
    };

    ImportJob(const AccountRecord &account, std::unique_ptr<ImportSource> source, ArchiveWriter &writer, Clock &clock,
              QString archivePath, QObject *parent = nullptr);
    ~ImportJob() override;

    void start() override;
    void cancel() override;

    const Stats &stats() const { return m_stats; }
    const ImportSource &source() const { return *m_source; }

private:
    struct Closed
    {
        WriteBatch batch;
        int items = 0;    // items read when it was closed
        qint64 units = 0; // the source's units read when it was closed
    };

    void begin();
    void readBatch();
    void add(const ImportItem &item);
    void addFolders(const QList<FolderRecord> &folders);
    bool batchFull() const;
    void closeBatch();
    void submitReady();
    void onBatchFinished(quint64 ticket, const BatchResult &result);
    void fail(const Failure &failure);
    void finishWhenIdle();
    void reportProgress(int items, qint64 units);

    AccountRecord m_account;
    std::unique_ptr<ImportSource> m_source;
    ArchiveWriter &m_writer;
    Clock &m_clock;
    QString m_archivePath;

    QSet<QString> m_archived;     // provider ids the archive holds, and those queued in this run
    QSet<QString> m_queued;       // provider ids this run queued
    QSet<QString> m_knownFolders; // folder remote ids the archive holds or a queued batch writes
    WriteBatch m_batch;           // being filled
    qint64 m_batchBytes = 0;
    QElapsedTimer m_batchWork;
    std::unique_ptr<Closed> m_ready; // closed, waiting for the writer to finish the one before
    quint64 m_inFlight = 0;          // the ticket being committed, 0 when none
    int m_inFlightItems = 0;
    qint64 m_inFlightUnits = 0;
    int m_itemsRead = 0;
    bool m_begun = false; // the source is open and positioned
    bool m_sourceDone = false;
    bool m_stopping = false;
    bool m_finished = false;
    Failure m_result;
    Stats m_stats;
};

} // namespace vaulttray
