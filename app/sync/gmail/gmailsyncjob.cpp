#include "sync/gmail/gmailsyncjob.h"

#include "core/clock.h"
#include "net/gmail/getprofilejob.h"
#include "net/gmail/getrawmessagejob.h"
#include "net/gmail/gmailapi.h"
#include "net/gmail/gmaillog.h"
#include "net/gmail/listhistoryjob.h"
#include "net/gmail/listlabelsjob.h"
#include "net/gmail/listmessagesjob.h"
#include "store/archivereader.h"
#include "store/archivewriter.h"

#include <QMetaObject>

namespace vaulttray {

namespace {
const QString kHistoryId = QStringLiteral("historyId");
const QString kFullSyncDone = QStringLiteral("fullSyncDone");
const QString kPageToken = QStringLiteral("fullSyncPageToken");
const QString kPendingHistoryId = QStringLiteral("pendingHistoryId");
const QString kReconcile = QStringLiteral("fullSyncReconcile");
// A page can take many seconds to fetch within quota (500 messages at 50/s is 10 s): what is fetched is committed
// in between, without the page's checkpoint, so a crash or sleep costs at most this much work. A replay of the page
// skips what is archived.
constexpr int kFlushMessages = 100;
constexpr qint64 kFlushAfterMs = 1000;
// With no quota to wait for (a local server), fetching outruns parsing: no message or page is asked for while the
// parse stage holds more than this many batches, so what waits there stays bounded.
constexpr int kMaxBatchesInStage = 2;
// Requests handed to the QuotaLimiter at a time: twice the 10 it lets fly, so that it never waits for the job.
constexpr int kFetchesQueued = 20;

CheckpointRecord checkpoint(const QString &key, const QString &value)
{
    // The store keeps no NULL value: an empty (not null) string means "none".
    return CheckpointRecord{QString(), key, value.isNull() ? QStringLiteral("") : value};
}
} // namespace

GmailSyncJob::GmailSyncJob(const AccountRecord &account, ArchiveWriter &writer, GmailApi &api, Clock &clock,
                           QString archivePath, QObject *parent)
    : SyncJob(parent), m_account(account), m_writer(writer), m_api(api), m_clock(clock),
      m_archivePath(std::move(archivePath)), m_parser(this, QStringLiteral("gmail-parse"))
{
    connect(&m_writer, &ArchiveWriter::batchFinished, this, &GmailSyncJob::onBatchFinished);
}

GmailSyncJob::~GmailSyncJob()
{
    for (const QPointer<GmailRequestJob> &job : std::as_const(m_inFlight))
        if (job)
            job->disconnect(this);
}

void GmailSyncJob::start()
{
    QMetaObject::invokeMethod(this, &GmailSyncJob::begin, Qt::QueuedConnection);
}

void GmailSyncJob::cancel()
{
    if (m_stopping || m_finished)
        return;
    fail(Failure::of(FailureKind::Cancelled, QStringLiteral("sync cancelled")));
}

void GmailSyncJob::track(GmailRequestJob *job)
{
    m_inFlight.removeAll(nullptr);
    m_inFlight.append(job);
    connect(job, &QObject::destroyed, this, [this] { QMetaObject::invokeMethod(this, [this] {
        m_inFlight.removeAll(nullptr);
        if (m_stopping)
            finishWhenIdle();
    }, Qt::QueuedConnection); });
    job->start();
}

void GmailSyncJob::begin()
{
    if (m_stopping)
        return;
    ArchiveReader reader(m_archivePath);
    if (reader.openError()) {
        fail(Failure::of(FailureKind::Local, QStringLiteral("cannot read the archive: %1").arg(reader.openError().message)));
        return;
    }
    const qint64 id = m_account.id;
    const QString historyId = reader.checkpoint(id, {}, kHistoryId).value_or(QString());
    const bool fullDone = reader.checkpoint(id, {}, kFullSyncDone).value_or(QString()) == QLatin1String("1");
    m_pageToken = reader.checkpoint(id, {}, kPageToken).value_or(QString());
    m_pendingHistoryId = reader.checkpoint(id, {}, kPendingHistoryId).value_or(QString()).toULongLong();
    m_pendingHistoryStored = m_pendingHistoryId != 0;
    m_reconcile = reader.checkpoint(id, {}, kReconcile).value_or(QString()) == QLatin1String("1");
    m_archived = reader.providerIds(id, true);
    m_live = reader.providerIds(id, false);
    m_historyId = historyId.toULongLong();
    m_full = !(m_historyId != 0 && fullDone);
    m_stats.incremental = !m_full;
    m_reconcileFromStart = m_reconcile && m_pageToken.isEmpty();
    qCInfo(lcGmail) << "sync of account" << id << (m_full ? "full" : "incremental") << "archived"
                    << m_archived.size() << (m_pageToken.isEmpty() ? "" : "resuming");
    requestLabels();
}

void GmailSyncJob::requestLabels()
{
    m_phase = Phase::Labels;
    auto *job = new ListLabelsJob(m_api);
    connect(job, &ListLabelsJob::finished, this, [this](const GmailLabelsResult &result) {
        if (m_stopping)
            return;
        if (!result.ok()) {
            fail(result.failure);
            return;
        }
        m_folders.clear();
        for (const GmailLabel &label : result.labels)
            m_folders.append(FolderRecord{label.id, label.name, true, QString()});
        if (m_full)
            beginFull(m_reconcile);
        else
            requestHistoryPage();
    });
    track(job);
}

void GmailSyncJob::beginFull(bool reconcile)
{
    m_full = true;
    m_reconcile = reconcile;
    if (m_pendingHistoryId != 0) {
        requestListPage();
        return;
    }
    requestProfile();
}

void GmailSyncJob::requestProfile()
{
    m_phase = Phase::Profile;
    auto *job = new GetProfileJob(m_api);
    connect(job, &GetProfileJob::finished, this, [this](const GmailProfileResult &result) {
        if (m_stopping)
            return;
        if (!result.ok()) {
            fail(result.failure);
            return;
        }
        m_pendingHistoryId = result.profile.historyId;
        m_pendingHistoryStored = false;
        requestListPage();
    });
    track(job);
}

void GmailSyncJob::requestListPage()
{
    m_phase = Phase::ListPage;
    auto *job = new ListMessagesJob(m_api, m_pageToken);
    connect(job, &ListMessagesJob::finished, this, &GmailSyncJob::onListPage);
    track(job);
}

void GmailSyncJob::onListPage(const GmailMessageListResult &result)
{
    if (m_stopping)
        return;
    if (!result.ok()) {
        fail(result.failure);
        return;
    }
    if (m_reconcileListing) {
        for (const GmailMessageRef &ref : result.messages)
            m_listed.insert(ref.id);
        if (!result.nextPageToken.isEmpty()) {
            m_pageToken = result.nextPageToken;
            requestListPage();
            return;
        }
        startLabelRefresh();
        return;
    }
    if (m_progress.total < 0)
        m_progress.total = result.resultSizeEstimate;
    m_nextPageToken = result.nextPageToken;
    m_lastPage = result.nextPageToken.isEmpty();
    QStringList ids;
    for (const GmailMessageRef &ref : result.messages) {
        m_listed.insert(ref.id);
        if (m_archived.contains(ref.id)) {
            ++m_stats.skippedArchived;
            ++m_progress.done;
        } else {
            ids << ref.id;
        }
    }
    if (m_stats.skippedArchived > 0)
        emit progressed(m_progress);
    fetch(ids);
}

void GmailSyncJob::requestHistoryPage()
{
    m_phase = Phase::History;
    auto *job = new ListHistoryJob(m_api, m_historyId, m_pageToken);
    connect(job, &ListHistoryJob::finished, this, &GmailSyncJob::onHistoryPage);
    track(job);
}

void GmailSyncJob::onHistoryPage(const GmailHistoryResult &result)
{
    if (m_stopping)
        return;
    if (result.historyExpired) {
        qCInfo(lcGmail) << "history expired for account" << m_account.id << "- falling back to a full pass";
        m_stats.fellBackToFull = true;
        m_stats.incremental = false;
        m_pageToken.clear();
        m_pendingHistoryId = 0;
        m_reconcileFromStart = true;
        beginFull(true);
        return;
    }
    if (!result.ok()) {
        fail(result.failure);
        return;
    }
    m_nextPageToken = result.nextPageToken;
    m_lastPage = result.nextPageToken.isEmpty();
    m_pageHistoryId = result.historyId;

    // Apply the page's records in order: what ends deleted is soft-marked, what the archive lacks is fetched (with
    // its labels as they are now), label changes of archived messages are passed on.
    QStringList order;
    QSet<QString> fetchSet;
    QSet<QString> deleted;
    QList<LabelChange> changes;
    auto want = [&](const QString &id) {
        if (!m_archived.contains(id) && !fetchSet.contains(id)) {
            fetchSet.insert(id);
            order << id;
        }
    };
    for (const GmailHistoryRecord &record : result.records) {
        for (const GmailHistoryMessage &m : record.messagesAdded) {
            deleted.remove(m.id);
            want(m.id);
        }
        for (const GmailLabelChange &c : record.labelsAdded) {
            if (m_archived.contains(c.message.id))
                changes.append(LabelChange{c.message.id, c.labelIds, {}});
            else
                want(c.message.id);
        }
        for (const GmailLabelChange &c : record.labelsRemoved) {
            if (m_archived.contains(c.message.id))
                changes.append(LabelChange{c.message.id, {}, c.labelIds});
            else
                want(c.message.id);
        }
        for (const GmailHistoryMessage &m : record.messagesDeleted)
            deleted.insert(m.id);
    }
    QStringList ids;
    for (const QString &id : std::as_const(order))
        if (!deleted.contains(id))
            ids << id;
    m_pageLabelChanges.clear();
    for (const LabelChange &c : std::as_const(changes))
        if (!deleted.contains(c.providerId))
            m_pageLabelChanges.append(c);
    m_pageSoftDeletes.clear();
    for (const QString &id : std::as_const(deleted))
        if (m_archived.contains(id))
            m_pageSoftDeletes << id;
    fetch(ids);
}

void GmailSyncJob::fetch(const QStringList &ids)
{
    m_phase = Phase::Fetching;
    m_toFetch.clear();
    m_fetchQueue.clear();
    for (const QString &id : ids)
        if (!m_toFetch.contains(id)) {
            m_toFetch.insert(id);
            m_fetchQueue.append(id);
        }
    m_fetchesOut = 0;
    m_pageFetched.clear();
    m_pageBadData = 0;
    m_lastFlush = m_clock.now();
    if (m_toFetch.isEmpty()) {
        pageFetched();
        return;
    }
    fetchMore();
}

void GmailSyncJob::fetchMore()
{
    while (!m_fetchQueue.isEmpty() && m_fetchesOut < kFetchesQueued && m_parsing <= kMaxBatchesInStage) {
        const QString id = m_fetchQueue.takeFirst();
        ++m_fetchesOut;
        auto *job = new GetRawMessageJob(m_api, id, GetRawMessageJob::RawDecoding::ByCaller);
        connect(job, &GetRawMessageJob::finished, this,
                [this, id](const GmailRawMessageResult &result) { onRawMessage(id, result); });
        track(job);
    }
}

void GmailSyncJob::onRawMessage(const QString &id, const GmailRawMessageResult &result)
{
    if (m_stopping || !m_toFetch.remove(id))
        return;
    --m_fetchesOut;
    if (result.ok()) {
        const GmailRawMessage &m = result.message;
        MessageOrigin origin;
        origin.providerId = m.id.isEmpty() ? id : m.id;
        origin.threadId = m.threadId;
        origin.internalDate = m.internalDate();
        origin.labels = m.labelIds;
        m_pageFetched.append(GmailFetchedMessage{m.rawBase64Url, origin});
        ++m_stats.fetched;
    } else if (result.failure.kind == FailureKind::BadData || result.notFound) {
        qCWarning(lcGmail) << "message" << id << "skipped:" << toString(result.failure.kind)
                           << (result.notFound ? "not found" : "");
        ++m_pageBadData;
        ++m_stats.badData;
    } else {
        fail(result.failure);
        return;
    }
    ++m_progress.done;
    // Handed over before the progress is told: whoever hears of a message hears of it once it is on its way.
    if (m_toFetch.isEmpty())
        pageFetched();
    else if (m_pageFetched.size() >= kFlushMessages || m_lastFlush.msecsTo(m_clock.now()) >= kFlushAfterMs)
        flushFetched();
    if (m_phase == Phase::Fetching)
        fetchMore();
    emit progressed(m_progress);
}

void GmailSyncJob::flushFetched()
{
    m_lastFlush = m_clock.now();
    if (m_pageFetched.isEmpty() && m_pageBadData == 0)
        return;
    submit(messagesBatch());
}

std::shared_ptr<GmailPendingBatch> GmailSyncJob::messagesBatch()
{
    auto pending = std::make_shared<GmailPendingBatch>();
    WriteBatch &batch = pending->batch;
    batch.accountId = m_account.id;
    batch.at = m_clock.now();
    if (!m_foldersWritten) {
        batch.folders = m_folders;
        m_foldersWritten = true;
    }
    RunProgress progress;
    progress.badData = m_pageBadData; // added and bytes: counted as the stage decodes
    batch.progress = progress;
    for (const GmailFetchedMessage &m : std::as_const(m_pageFetched))
        m_archived.insert(m.origin.providerId);
    pending->fetched = std::move(m_pageFetched);
    m_pageFetched.clear();
    m_pageBadData = 0;
    return pending;
}

void GmailSyncJob::pageFetched()
{
    ++m_stats.pages;
    std::shared_ptr<GmailPendingBatch> pending = messagesBatch();
    WriteBatch &batch = pending->batch;
    RunProgress progress = *batch.progress;

    if (m_full) {
        if (!m_pendingHistoryStored) {
            batch.checkpoints << checkpoint(kPendingHistoryId, QString::number(m_pendingHistoryId))
                              << checkpoint(kFullSyncDone, QStringLiteral("0"))
                              << checkpoint(kReconcile, m_reconcile ? QStringLiteral("1") : QStringLiteral("0"));
            m_pendingHistoryStored = true;
        }
        if (!m_lastPage) {
            batch.checkpoints << checkpoint(kPageToken, m_nextPageToken);
        } else if (m_reconcile) {
            // A reconciling pass (history was lost) ends by comparing the archive with the server: which archived
            // ids are gone, and whose labels changed. The page token stays at this last page until that is done.
            batch.progress = progress;
            submit(std::move(pending));
            if (m_stopping)
                return;
            if (m_reconcileFromStart) {
                startLabelRefresh();
                return;
            }
            // Resumed mid-way, the pass did not see the pages listed before: list every id again (cheap: no fetches).
            m_reconcileListing = true;
            m_listed.clear();
            m_pageToken.clear();
            requestListPage();
            return;
        } else {
            appendFullPassEnd(batch, progress);
        }
    } else {
        batch.labelChanges = m_pageLabelChanges;
        batch.softDeletes = m_pageSoftDeletes;
        progress.deleted = int(m_pageSoftDeletes.size());
        progress.updated = int(m_pageLabelChanges.size());
        m_stats.labelChanges += int(m_pageLabelChanges.size());
        m_stats.softDeleted += int(m_pageSoftDeletes.size());
        m_pageLabelChanges.clear();
        m_pageSoftDeletes.clear();
        if (m_lastPage && m_pageHistoryId != 0)
            batch.checkpoints << checkpoint(kHistoryId, QString::number(m_pageHistoryId));
    }
    batch.progress = progress;
    submit(std::move(pending));

    if (m_stopping)
        return;
    if (m_lastPage) {
        m_phase = Phase::Done;
        m_stopping = true; // nothing more to start; finish once the writer has committed
        m_result = Failure::none();
        finishWhenIdle();
        return;
    }
    m_pageToken = m_nextPageToken;
    requestNextPage();
}

void GmailSyncJob::requestNextPage()
{
    m_nextPageWaits = m_parsing > kMaxBatchesInStage;
    if (m_nextPageWaits)
        return;
    if (m_full)
        requestListPage();
    else
        requestHistoryPage();
}

void GmailSyncJob::startLabelRefresh()
{
    m_phase = Phase::LabelRefresh;
    m_labelIndex = 0;
    m_pageToken.clear();
    m_serverLabels.clear();
    requestLabelPage();
}

// Labels by listing: one messages.list per label and page (5 units per 500 messages) instead of one messages.get per
// archived message (5 units each): history is gone, so this is the only way to learn what changed.
void GmailSyncJob::requestLabelPage()
{
    if (m_labelIndex >= m_folders.size()) {
        finishReconcile();
        return;
    }
    const QString label = m_folders.at(m_labelIndex).remoteId;
    auto *job = new ListMessagesJob(m_api, m_pageToken, label);
    connect(job, &ListMessagesJob::finished, this, [this, label](const GmailMessageListResult &result) {
        if (m_stopping)
            return;
        if (!result.ok()) {
            fail(result.failure);
            return;
        }
        for (const GmailMessageRef &ref : result.messages)
            m_serverLabels[ref.id] << label;
        m_pageToken = result.nextPageToken;
        if (m_pageToken.isEmpty())
            ++m_labelIndex;
        requestLabelPage();
    });
    track(job);
}

void GmailSyncJob::finishReconcile()
{
    auto pending = std::make_shared<GmailPendingBatch>();
    WriteBatch &batch = pending->batch;
    batch.accountId = m_account.id;
    batch.at = m_clock.now();
    RunProgress progress;
    ArchiveReader reader(m_archivePath);
    const QHash<QString, QStringList> archivedLabels = reader.labelsByMessage(m_account.id);
    for (const QString &id : std::as_const(m_listed)) {
        if (!m_archived.contains(id))
            continue;
        const QStringList server = m_serverLabels.value(id);
        const QStringList archive = archivedLabels.value(id);
        const QSet<QString> want(server.begin(), server.end());
        const QSet<QString> have(archive.begin(), archive.end());
        if (want == have)
            continue;
        const QSet<QString> add = want - have;
        const QSet<QString> remove = have - want;
        batch.labelChanges.append(LabelChange{id, QStringList(add.begin(), add.end()), QStringList(remove.begin(), remove.end())});
    }
    progress.updated = int(batch.labelChanges.size());
    m_stats.labelChanges += progress.updated;
    appendFullPassEnd(batch, progress);
    batch.progress = progress;
    submit(std::move(pending));
    m_phase = Phase::Done;
    m_stopping = true;
    m_result = Failure::none();
    finishWhenIdle();
}

void GmailSyncJob::appendFullPassEnd(WriteBatch &batch, RunProgress &progress)
{
    if (m_reconcile) {
        for (const QString &id : std::as_const(m_live))
            if (!m_listed.contains(id))
                batch.softDeletes << id;
        progress.deleted = int(batch.softDeletes.size());
        m_stats.softDeleted += int(batch.softDeletes.size());
    }
    batch.checkpoints << checkpoint(kPageToken, QString())
                      << checkpoint(kHistoryId, QString::number(m_pendingHistoryId))
                      << checkpoint(kFullSyncDone, QStringLiteral("1"))
                      << checkpoint(kPendingHistoryId, QString())
                      << checkpoint(kReconcile, QStringLiteral("0"));
}

// Every batch takes this way, messages or not, so that the writer gets them in the order they were made: a page's
// checkpoint never commits before the messages fetched ahead of it.
void GmailSyncJob::submit(std::shared_ptr<GmailPendingBatch> pending)
{
    ++m_parsing;
    m_parser.run([pending] { pending->parse(); }, [this, pending] { onParsed(*pending); });
}

void GmailSyncJob::onParsed(GmailPendingBatch &pending)
{
    --m_parsing;
    m_stats.parseNs += pending.parseNs;
    for (const QString &id : std::as_const(pending.undecodable)) {
        qCWarning(lcGmail) << "message" << id << "skipped: BadData (raw content not base64url)";
        m_archived.remove(id);
        --m_stats.fetched;
        ++m_stats.badData;
    }
    if (m_stopping && m_result.kind == FailureKind::Local) {
        finishWhenIdle(); // the writer failed: the next batch would only fail the same way
        return;
    }
    m_pendingTickets.insert(m_writer.submit(std::move(pending.batch)));
    if (m_stopping)
        finishWhenIdle();
    else if (m_nextPageWaits)
        requestNextPage();
    else if (m_phase == Phase::Fetching)
        fetchMore();
}

void GmailSyncJob::onBatchFinished(quint64 ticket, const BatchResult &result)
{
    if (!m_pendingTickets.remove(ticket))
        return;
    if (result.error && m_result.ok()) {
        const Failure failure = result.error.toFailure();
        if (m_stopping)
            m_result = failure;
        else
            fail(failure);
    }
    if (m_stopping)
        finishWhenIdle();
}

void GmailSyncJob::fail(const Failure &failure)
{
    if (m_finished)
        return;
    if (!m_stopping || m_result.ok())
        m_result = failure;
    m_stopping = true;
    qCInfo(lcGmail) << "sync of account" << m_account.id << "stops:" << toString(failure.kind) << failure.detail;
    // What was fetched whole is kept: it goes through the parse stage to the writer, which commits it before the run
    // reports its end. Not after a write failure, which the next batch would only repeat.
    if (m_phase == Phase::Fetching && failure.kind != FailureKind::Local)
        flushFetched();
    const QList<QPointer<GmailRequestJob>> jobs = m_inFlight;
    for (const QPointer<GmailRequestJob> &job : jobs)
        if (job)
            job->cancel();
    finishWhenIdle();
}

void GmailSyncJob::finishWhenIdle()
{
    if (m_finished || m_parsing > 0 || !m_pendingTickets.isEmpty())
        return;
    m_inFlight.removeAll(nullptr);
    if (!m_inFlight.isEmpty())
        return;
    m_finished = true;
    const Failure result = m_result;
    QMetaObject::invokeMethod(this, [this, result] { emit finished(result); }, Qt::QueuedConnection);
}

} // namespace vaulttray
