#pragma once

#include "net/gmail/gmailtypes.h"
#include "store/writebatch.h"
#include "sync/gmail/gmailpendingbatch.h"
#include "sync/parsestage.h"
#include "sync/syncjob.h"

#include <QHash>
#include <QList>
#include <QPointer>
#include <QSet>
#include <QString>

#include <functional>
#include <memory>

namespace vaulttray {

class ArchiveWriter;
class Clock;
class GmailApi;
class GmailRequestJob;

// One sync run of one Gmail account (DESIGN.md "Durability profile"): every page of work is one WriteBatch with
// the checkpoint that covers it, so a crash, quit or sleep resumes from the last committed page.
//
// Checkpoints (account scope ""):
//   historyId          where the next incremental run starts (set when a full pass completes)
//   fullSyncDone       "1" once a full pass completed; "0" while one is in progress
//   fullSyncPageToken  the messages.list page the next full-pass page starts at ("" = the first)
//   pendingHistoryId   the profile's historyId taken before the full pass began
//   fullSyncReconcile  "1" for a pass after an expired history: archived ids not listed get soft-deleted
//
// Full: labels.list, then messages.list page by page; ids already archived are skipped, the rest fetched raw in
// parallel within the QuotaLimiter (committed every 100 messages or 1 s, the page token with the page's last batch).
// Every batch goes to the writer through a ParseStage, which decodes and parses the fetched messages on its own thread
// and hands the batches back in order; a stop waits for what is in the stage, so whatever was fetched is committed.
// Incremental: history.list from historyId; a 404 (expired history) falls back to a full pass that keeps what is
// archived, soft-deletes what the server no longer lists, and refreshes labels by listing each label's messages.
// A message Gmail answers with BadData (or 404), or whose raw content is not base64url, is counted and skipped; any
// other failure ends the run with it.
class GmailSyncJob : public SyncJob
{
    Q_OBJECT

public:
    GmailSyncJob(const AccountRecord &account, ArchiveWriter &writer, GmailApi &api, Clock &clock,
                 QString archivePath, QObject *parent = nullptr);
    ~GmailSyncJob() override;

    void start() override;
    void cancel() override;

    // What this run did, for tests and logs.
    struct Stats
    {
        bool incremental = false;
        bool fellBackToFull = false;
        int pages = 0;
        int fetched = 0;
        int skippedArchived = 0;
        int badData = 0;
        int softDeleted = 0;
        int labelChanges = 0;
        qint64 parseNs = 0; // base64url decoding, MIME parsing and hashing, on the parse stage's thread
    };
    const Stats &stats() const { return m_stats; }

private:
    enum class Phase { Idle, Labels, Profile, ListPage, Fetching, History, LabelRefresh, Done };

    void begin();
    void requestLabels();
    void requestProfile();
    void beginFull(bool reconcile);
    void requestListPage();
    void requestHistoryPage();
    void onListPage(const GmailMessageListResult &result);
    void onHistoryPage(const GmailHistoryResult &result);
    void fetch(const QStringList &ids);
    void fetchMore(); // while the limiter's queue and the parse stage have room
    void onRawMessage(const QString &id, const GmailRawMessageResult &result);
    void pageFetched();
    void requestNextPage(); // once the parse stage has room
    void flushFetched();
    std::shared_ptr<GmailPendingBatch> messagesBatch(); // the fetched messages not yet submitted, with their counters
    void startLabelRefresh();
    void requestLabelPage();
    void finishReconcile();
    void appendFullPassEnd(WriteBatch &batch, RunProgress &progress);
    void submit(std::shared_ptr<GmailPendingBatch> pending); // to the parse stage, then the writer
    void onParsed(GmailPendingBatch &pending);
    void onBatchFinished(quint64 ticket, const BatchResult &result);
    void fail(const Failure &failure);
    void finishWhenIdle();
    void track(GmailRequestJob *job);

    AccountRecord m_account;
    ArchiveWriter &m_writer;
    GmailApi &m_api;
    Clock &m_clock;
    QString m_archivePath;

    Phase m_phase = Phase::Idle;
    bool m_full = false;
    bool m_reconcile = false;
    bool m_reconcileFromStart = false;
    bool m_reconcileListing = false; // listing every id again after a resumed reconciling pass
    bool m_stopping = false;
    bool m_finished = false;
    Failure m_result;

    QList<FolderRecord> m_folders;
    bool m_foldersWritten = false;
    QSet<QString> m_archived; // soft-deleted ones too: never fetched again
    QSet<QString> m_live;     // not soft-deleted: what a reconciling pass may mark
    QSet<QString> m_listed;
    QString m_pageToken;
    QString m_nextPageToken;
    quint64 m_historyId = 0;
    quint64 m_pendingHistoryId = 0;
    bool m_pendingHistoryStored = false;

    // The page being fetched.
    QSet<QString> m_toFetch;   // not answered yet
    QStringList m_fetchQueue;  // not asked for yet
    int m_fetchesOut = 0;      // asked for, not answered
    QList<GmailFetchedMessage> m_pageFetched;
    int m_pageBadData = 0;
    QList<LabelChange> m_pageLabelChanges;
    QStringList m_pageSoftDeletes;
    quint64 m_pageHistoryId = 0; // history: the mailbox's id after the last page
    bool m_lastPage = false;
    QDateTime m_lastFlush;

    // A reconciling pass's label refresh: which label is being listed, and what the server said per message.
    int m_labelIndex = 0;
    QHash<QString, QStringList> m_serverLabels;

    QList<QPointer<GmailRequestJob>> m_inFlight;
    QSet<quint64> m_pendingTickets;
    int m_parsing = 0; // batches in the parse stage
    bool m_nextPageWaits = false; // for the parse stage to have room
    SyncProgress m_progress;
    Stats m_stats;
    ParseStage m_parser; // last: gone first, before what its done callbacks use
};

} // namespace vaulttray
