#pragma once

#include "net/imap/examinecommand.h"
#include "net/imap/imapendpoint.h"
#include "net/imap/imapsession.h"
#include "net/imap/listcommand.h"
#include "net/imap/uidfetchcommand.h"
#include "net/imap/uidsearchcommand.h"
#include "store/writebatch.h"
#include "sync/imap/imapparsestage.h"
#include "sync/imap/imapsyncoptions.h"
#include "sync/syncjob.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace vaulttray {

class ArchiveWriter;
class Clock;
class ImapCredentialSource;

// One sync run of one IMAP account, read-only on the server (EXAMINE and BODY.PEEK only).
//
// Folders: every selectable one (LIST, \Noselect skipped) the account's folder filter accepts, one after the other
// on one connection. The folder's name is its remote id; a folder the server no longer lists loses its labels.
//
// Messages are stored once per account under contentKey(Message-ID, bytes); each folder holding one is a label with
// the message's UID there. A copy in a second folder, a moved message or a rescanned folder only adds labels: the
// bytes are fetched (the key needs them) but never stored twice. A message in no folder any more is soft-marked at
// the end of a complete run (never deleted); seen again in a folder later, the mark is lifted.
//
// Checkpoints per folder (scope = folder name): uidValidity, lastUid (every UID up to it is archived) and
// highestModSeq (set when the folder is complete). Each commits with the messages it covers, so a kill or a sleep
// resumes at the last committed batch; a replayed message is recognised by its key.
//
// Per folder:
//   QRESYNC (enabled, and the folder's checkpoint has a mod-sequence): EXAMINE (QRESYNC (uidvalidity modseq))
//     reports what vanished and whose flags changed; new UIDs from UID SEARCH UID lastUid+1:* unless UIDNEXT says
//     there are none. An unchanged HIGHESTMODSEQ costs one round trip.
//   Otherwise: EXAMINE [(CONDSTORE)], UID SEARCH ALL: archived UIDs not listed are gone, listed ones above lastUid
//     are new; with CONDSTORE, UID FETCH 1:lastUid (FLAGS) (CHANGEDSINCE modseq) brings flag changes.
//   UIDVALIDITY changed: the folder's labels are dropped with the old checkpoint in one batch, and the folder is
//     read again from UID 1; what is archived is recognised by its key and only labelled.
//   New UIDs: UID FETCH in batches, several in flight; messages go to the parse stage in chunks of flushMessages /
//     flushBytes / flushAfterMs, then to the writer: network, MIME parsing and fsyncs overlap.
//
// Failures are the session's and commands' classified ones (an XOAUTH2 token the server refuses is renewed once
// before it counts as CredentialRejected). cancel() aborts the connection; what was fetched whole is committed.
class ImapSyncJob : public SyncJob
{
    Q_OBJECT

public:
    ImapSyncJob(const AccountRecord &account, ImapEndpoint endpoint, ImapCredentialSource &credentials,
                ArchiveWriter &writer, Clock &clock, QString archivePath, ImapSyncOptions options = {},
                QObject *parent = nullptr);
    ~ImapSyncJob() override;

    void start() override;
    void cancel() override;

    // What this run did, for tests, logs and the benchmark.
    struct Stats
    {
        bool qresync = false;      // the connection had QRESYNC enabled and the sync used it
        int folders = 0;           // folders examined
        int fetched = 0;           // message bodies downloaded
        qint64 bytes = 0;          // of those bodies
        int stored = 0;            // new messages
        int labelled = 0;          // archived messages found in one more folder (copies, moves, rescans)
        int labelsRemoved = 0;     // UIDs gone from a folder
        int flagChanges = 0;
        int softDeleted = 0;       // messages in no folder any more
        int undeleted = 0;         // soft-marked messages seen again
        int uidValidityResets = 0;
        qint64 parseNs = 0;        // on the parse stage's thread
        qint64 writeNs = 0;        // the writer's statements and commits of this run's batches
    };
    const Stats &stats() const { return m_stats; }

private:
    // The folder being synced.
    struct FolderRun
    {
        ImapListEntry entry;
        quint32 storedUidValidity = 0;
        quint32 lastUid = 0; // committed (or, after a reset, 0)
        quint64 storedModSeq = 0;
        ImapExamineResult examined;
        bool useQResync = false;
        QList<quint32> newUids; // ascending
        int received = 0;       // newUids[0 .. received) arrived or were found gone
        QSet<quint32> arrived;
        QList<QList<ImapUidRange>> batches;
        int nextBatch = 0;
        int fetchesInFlight = 0;
        bool searchPending = false;
        bool flagsPending = false;
    };

    void begin();
    bool loadArchiveState();
    void requestCredentials();
    void openSession(const ImapCredentials &credentials);
    void onOpened(const ImapOpenResult &result);
    void listFolders();
    void onListed(const ImapListResult &result);
    void nextFolder();
    void onExamined(const ImapExamineResult &result);
    void resetFolder();
    void searchNew(const QByteArray &criteria);
    void onSearched(const ImapSearchResult &result);
    void removeGone(const std::function<bool(quint32)> &gone);
    void applyFlagChanges(const QList<ImapFlagChange> &changes);
    void fetchFlags();
    void startFetches();
    void fetchMore();
    void onMessageFetched(const ImapFetchedMessage &message);
    void onFetchFinished(int batch, const ImapFetchResult &result);
    void advanceReceived();
    void folderStepDone();
    std::shared_ptr<ImapSyncChunk> &chunk();
    void flushChunk(bool folderEnd);
    void onParsed(const std::shared_ptr<ImapSyncChunk> &chunk);
    void finishRun();
    void closeSession();
    void submit(WriteBatch batch);
    void onBatchFinished(quint64 ticket, const BatchResult &result);
    void fail(const Failure &failure);
    void finishWhenIdle();

    AccountRecord m_account;
    ImapEndpoint m_endpoint;
    ImapCredentialSource &m_credentials;
    ArchiveWriter &m_writer;
    Clock &m_clock;
    QString m_archivePath;
    ImapSyncOptions m_options;

    std::unique_ptr<ImapSession> m_session;
    QByteArray m_oauthToken; // the access token of the login in progress, to invalidate if refused
    bool m_tokenRenewed = false;

    // What the archive holds: each message's folders, each folder's UIDs. Loaded when a folder has changed: an
    // unchanged mailbox (QRESYNC, same HIGHESTMODSEQ everywhere) never reads it.
    bool m_stateLoaded = false;
    QSet<QString> m_archivedFolders;
    QHash<QString, QSet<QString>> m_known;
    QHash<QString, QHash<quint32, QString>> m_folderUids;
    QSet<QString> m_deleted; // soft-marked
    QHash<QString, QHash<QString, QString>> m_checkpoints; // folder → key → value

    QList<ImapListEntry> m_folders;
    int m_folderIndex = -1;
    std::unique_ptr<FolderRun> m_run;
    std::shared_ptr<ImapSyncChunk> m_chunk;
    QDateTime m_chunkStarted;

    ImapParseStage m_parser;
    int m_parsing = 0;
    bool m_foldersDone = false;
    bool m_runEndSubmitted = false;
    bool m_sessionClosing = false;
    bool m_sessionClosed = false;
    bool m_stopping = false;
    bool m_finished = false;
    Failure m_result;
    QSet<quint64> m_pendingTickets;
    SyncProgress m_progress;
    Stats m_stats;
};

} // namespace vaulttray
