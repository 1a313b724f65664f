#include "sync/imap/imapsyncjob.h"

#include "core/clock.h"
#include "net/imap/imapconnection.h"
#include "net/imap/imapuidset.h"
#include "store/archivereader.h"
#include "store/archivewriter.h"
#include "sync/imap/imapcredentialsource.h"
#include "sync/imap/imapsynclog.h"

#include <QMetaObject>

#include <algorithm>

namespace vaulttray {

namespace {
const QString kUidValidity = QStringLiteral("uidValidity");
const QString kLastUid = QStringLiteral("lastUid");
const QString kHighestModSeq = QStringLiteral("highestModSeq");

// \Recent belongs to one session (RFC 3501 §2.3.2), not to the message: it is not kept.
QString joinFlags(const QList<QByteArray> &flags)
{
    QStringList out;
    for (const QByteArray &f : flags)
        if (f.compare("\\Recent", Qt::CaseInsensitive) != 0)
            out << QString::fromUtf8(f);
    return out.join(QLatin1Char(' '));
}

CheckpointRecord checkpoint(const QString &folder, const QString &key, const QString &value)
{
    return CheckpointRecord{folder, key, value.isNull() ? QStringLiteral("") : value};
}
} // namespace

ImapSyncJob::ImapSyncJob(const AccountRecord &account, ImapEndpoint endpoint, ImapCredentialSource &credentials,
                         ArchiveWriter &writer, Clock &clock, QString archivePath, ImapSyncOptions options,
                         QObject *parent)
    : SyncJob(parent), m_account(account), m_endpoint(std::move(endpoint)), m_credentials(credentials),
      m_writer(writer), m_clock(clock), m_archivePath(std::move(archivePath)), m_options(std::move(options)),
      m_parser(this)
{
    connect(&m_writer, &ArchiveWriter::batchFinished, this, &ImapSyncJob::onBatchFinished);
}

ImapSyncJob::~ImapSyncJob()
{
    if (m_session)
        m_session->disconnect(this);
}

void ImapSyncJob::start()
{
    QMetaObject::invokeMethod(this, &ImapSyncJob::begin, Qt::QueuedConnection);
}

void ImapSyncJob::cancel()
{
    if (m_finished)
        return;
    if (m_runEndSubmitted) {
        // Everything is archived; only the LOGOUT is left, and a sleep need not wait for it.
        if (m_session)
            m_session->abort();
        return;
    }
    if (!m_stopping)
        fail(Failure::of(FailureKind::Cancelled, QStringLiteral("sync cancelled")));
}

void ImapSyncJob::begin()
{
    if (m_stopping)
        return;
    ArchiveReader reader(m_archivePath);
    if (reader.openError()) {
        fail(Failure::of(FailureKind::Local,
                         QStringLiteral("cannot read the archive: %1").arg(reader.openError().message)));
        return;
    }
    const QStringList folders = reader.folderIds(m_account.id);
    m_archivedFolders = QSet<QString>(folders.begin(), folders.end());
    requestCredentials();
}

bool ImapSyncJob::loadArchiveState()
{
    if (m_stateLoaded)
        return true;
    ArchiveReader reader(m_archivePath);
    const std::optional<QList<FolderMembership>> memberships =
        reader.openError() ? std::nullopt : reader.folderMemberships(m_account.id);
    if (!memberships) {
        fail(Failure::of(FailureKind::Local, QStringLiteral("cannot read the archive: %1")
                                                 .arg(reader.openError() ? reader.openError().message
                                                                         : QStringLiteral("query failed"))));
        return false;
    }
    const QSet<QString> all = reader.providerIds(m_account.id, true);
    const QSet<QString> live = reader.providerIds(m_account.id, false);
    for (const QString &key : all)
        m_known[key];
    m_deleted = all - live;
    for (const FolderMembership &m : *memberships) {
        m_known[m.providerId].insert(m.folder);
        if (m.uid > 0)
            m_folderUids[m.folder].insert(quint32(m.uid), m.providerId);
    }
    m_stateLoaded = true;
    qCInfo(lcImapSync) << "account" << m_account.id << "archive holds" << all.size() << "messages in"
                       << m_folderUids.size() << "folders";
    return true;
}

void ImapSyncJob::requestCredentials()
{
    m_credentials.credentials(this, [this](const Failure &failure, const ImapCredentials &credentials) {
        if (m_stopping)
            return;
        if (failure) {
            fail(failure);
            return;
        }
        openSession(credentials);
    });
}

void ImapSyncJob::openSession(const ImapCredentials &credentials)
{
    if (m_session) {
        m_session->disconnect(this);
        m_session.release()->deleteLater();
    }
    m_oauthToken = credentials.method == ImapAuthMethod::XOAuth2 ? credentials.secret : QByteArray();
    ImapSessionOptions options;
    options.enableQResync = m_options.useQResync;
    m_session = std::make_unique<ImapSession>(m_endpoint, credentials, options);
    connect(m_session.get(), &ImapSession::opened, this, &ImapSyncJob::onOpened);
    connect(m_session.get(), &ImapSession::closed, this, [this](const Failure &failure) {
        if (m_sessionClosing) {
            m_sessionClosed = true;
            finishWhenIdle();
            return;
        }
        if (m_stopping)
            return;
        fail(failure ? failure
                     : Failure::of(FailureKind::NetworkTransient, QStringLiteral("the server ended the connection")));
    });
    m_session->open();
}

void ImapSyncJob::onOpened(const ImapOpenResult &result)
{
    if (m_stopping)
        return;
    if (result.failure) {
        // An access token can expire between its refresh and the login: renew it once before asking the person.
        if (result.tokenRejected && !m_tokenRenewed && !m_oauthToken.isEmpty()) {
            qCInfo(lcImapSync) << "access token refused; renewing it once";
            m_tokenRenewed = true;
            m_credentials.invalidate(m_oauthToken);
            m_oauthToken.clear();
            requestCredentials();
            return;
        }
        fail(result.failure);
        return;
    }
    m_oauthToken.clear();
    m_stats.qresync = m_options.useQResync && m_session->connection().isEnabled("QRESYNC");
    listFolders();
}

void ImapSyncJob::listFolders()
{
    auto *command = new ListCommand;
    connect(command, &ListCommand::finished, this, &ImapSyncJob::onListed);
    m_session->connection().send(command);
}

void ImapSyncJob::onListed(const ImapListResult &result)
{
    if (m_stopping)
        return;
    if (result.failure) {
        fail(result.failure);
        return;
    }
    WriteBatch batch;
    batch.accountId = m_account.id;
    batch.at = m_clock.now();
    QSet<QString> listed;
    for (const ImapListEntry &entry : result.mailboxes) {
        if (!entry.isSelectable())
            continue;
        listed.insert(entry.name);
        if (!m_options.folders.accepts(entry.name))
            continue;
        m_folders.append(entry);
        batch.folders.append(FolderRecord{entry.name, entry.name, false, QString::fromLatin1(entry.specialUse())});
    }
    // A folder the server no longer has (deleted or renamed): its messages leave it. One the filter excludes keeps
    // what it had, as it was when it was last synced.
    RunProgress progress;
    QStringList gone;
    for (const QString &folder : std::as_const(m_archivedFolders))
        if (!listed.contains(folder) && m_options.folders.accepts(folder))
            gone << folder;
    if (!gone.isEmpty() && !loadArchiveState())
        return;
    for (const QString &folder : std::as_const(gone)) {
        QHash<quint32, QString> &uids = m_folderUids[folder];
        const QSet<QString> keys(uids.cbegin(), uids.cend());
        for (const QString &key : keys) {
            m_known[key].remove(folder);
            batch.labelChanges.append(LabelChange{key, {}, {folder}, {}});
        }
        uids.clear();
        batch.checkpoints << checkpoint(folder, kUidValidity, QString()) << checkpoint(folder, kLastUid, QString())
                          << checkpoint(folder, kHighestModSeq, QString());
        m_stats.labelsRemoved += int(keys.size());
        progress.updated += int(keys.size());
    }
    batch.progress = progress;

    m_checkpoints = ArchiveReader(m_archivePath).checkpoints(m_account.id);
    qCInfo(lcImapSync) << "account" << m_account.id << "has" << m_folders.size() << "folders to sync of"
                       << result.mailboxes.size() << "listed" << (m_stats.qresync ? "(QRESYNC)" : "");
    // Folders are written when one is new (or was gone); an unchanged mailbox commits nothing here.
    bool known = gone.isEmpty();
    for (const FolderRecord &f : std::as_const(batch.folders))
        known = known && m_archivedFolders.contains(f.remoteId);
    if (!known)
        submit(std::move(batch));
    nextFolder();
}

void ImapSyncJob::nextFolder()
{
    ++m_folderIndex;
    if (m_folderIndex >= m_folders.size()) {
        m_foldersDone = true;
        finishRun();
        return;
    }
    m_run = std::make_unique<FolderRun>();
    FolderRun &run = *m_run;
    run.entry = m_folders.at(m_folderIndex);
    const QHash<QString, QString> values = m_checkpoints.value(run.entry.name);
    run.storedUidValidity = values.value(kUidValidity).toUInt();
    run.lastUid = run.storedUidValidity != 0 ? values.value(kLastUid).toUInt() : 0;
    run.storedModSeq = run.storedUidValidity != 0 ? values.value(kHighestModSeq).toULongLong() : 0;
    ImapExamineOptions options;
    options.condStore = true;
    if (m_stats.qresync && run.storedUidValidity != 0 && run.storedModSeq != 0)
        options.qresync = ImapQResyncState{run.storedUidValidity, run.storedModSeq, {}};
    ++m_stats.folders;
    auto *command = new ExamineCommand(run.entry.rawName, options);
    connect(command, &ExamineCommand::finished, this, &ImapSyncJob::onExamined);
    m_session->connection().send(command);
}

void ImapSyncJob::onExamined(const ImapExamineResult &result)
{
    if (m_stopping)
        return;
    if (result.failure) {
        fail(result.failure);
        return;
    }
    FolderRun &run = *m_run;
    run.examined = result;
    const bool reset = run.storedUidValidity != 0 && result.uidValidity != run.storedUidValidity;
    const bool unchanged = !reset && run.storedModSeq != 0 && result.highestModSeq == run.storedModSeq;
    if (!(unchanged && result.qresyncSent) && !loadArchiveState())
        return;
    if (reset)
        resetFolder();
    run.useQResync = !reset && result.qresyncSent && run.storedModSeq != 0;
    if (run.useQResync) {
        const QList<ImapUidRange> vanished = result.vanished;
        removeGone([&vanished](quint32 uid) { return uidSetContains(vanished, uid); });
        applyFlagChanges(result.changed);
        if (unchanged || (result.uidNext && *result.uidNext <= run.lastUid + 1)) {
            folderStepDone();
            return;
        }
        searchNew("UID " + QByteArray::number(run.lastUid + 1) + ":*");
        return;
    }
    searchNew("ALL");
    if (!reset && !unchanged && run.storedModSeq != 0 && run.lastUid > 0 && result.highestModSeq)
        fetchFlags();
}

// UIDVALIDITY changed: the old UIDs mean nothing now. The folder's labels go with the old checkpoint, in the first
// batch of the rescan; the rescan gives them back to every message still there.
void ImapSyncJob::resetFolder()
{
    FolderRun &run = *m_run;
    const QString &folder = run.entry.name;
    ++m_stats.uidValidityResets;
    qCInfo(lcImapSync) << "UIDVALIDITY changed in folder" << m_folderIndex << "- rescanning it";
    QHash<quint32, QString> &uids = m_folderUids[folder];
    QSet<QString> keys;
    for (const QString &key : std::as_const(uids))
        keys.insert(key);
    uids.clear();
    std::shared_ptr<ImapSyncChunk> &c = chunk();
    c->resetFolder = true;
    for (const QString &key : std::as_const(keys)) {
        m_known[key].remove(folder);
        c->labelChanges.append(LabelChange{key, {}, {folder}, {}});
    }
    m_stats.labelsRemoved += int(keys.size());
    run.lastUid = 0;
    run.storedModSeq = 0;
}

void ImapSyncJob::removeGone(const std::function<bool(quint32)> &gone)
{
    const QString &folder = m_run->entry.name;
    QHash<quint32, QString> &uids = m_folderUids[folder];
    QSet<QString> goneKeys;
    for (auto it = uids.begin(); it != uids.end();) {
        if (gone(it.key())) {
            goneKeys.insert(it.value());
            it = uids.erase(it);
        } else {
            ++it;
        }
    }
    if (goneKeys.isEmpty())
        return;
    for (const QString &key : std::as_const(uids))
        goneKeys.remove(key); // another copy in the same folder is still there
    for (const QString &key : std::as_const(goneKeys)) {
        m_known[key].remove(folder);
        chunk()->labelChanges.append(LabelChange{key, {}, {folder}, {}});
    }
    m_stats.labelsRemoved += int(goneKeys.size());
}

void ImapSyncJob::applyFlagChanges(const QList<ImapFlagChange> &changes)
{
    const QHash<quint32, QString> &uids = m_folderUids[m_run->entry.name];
    for (const ImapFlagChange &change : changes) {
        const QString key = uids.value(change.uid);
        if (key.isEmpty())
            continue; // not archived yet: it comes with its flags when fetched
        chunk()->flagChanges.append(FlagChange{key, joinFlags(change.flags)});
        ++m_stats.flagChanges;
    }
}

void ImapSyncJob::searchNew(const QByteArray &criteria)
{
    m_run->searchPending = true;
    auto *command = new UidSearchCommand(criteria);
    connect(command, &UidSearchCommand::finished, this, &ImapSyncJob::onSearched);
    m_session->connection().send(command);
}

void ImapSyncJob::onSearched(const ImapSearchResult &result)
{
    if (m_stopping)
        return;
    if (result.failure) {
        fail(result.failure);
        return;
    }
    FolderRun &run = *m_run;
    run.searchPending = false;
    if (!run.useQResync) {
        // Every UID of the folder: what the archive has in it and the server does not list is gone.
        const QSet<quint32> listed(result.uids.begin(), result.uids.end());
        removeGone([&listed](quint32 uid) { return !listed.contains(uid); });
    }
    for (const quint32 uid : result.uids)
        if (uid > run.lastUid) // "n:*" also answers the highest UID when it is below n
            run.newUids.append(uid);
    m_progress.total = std::max<qint64>(m_progress.total, 0) + run.newUids.size();
    emit progressed(m_progress);
    startFetches();
}

// CONDSTORE without QRESYNC: the flags that changed since the folder's last complete sync.
void ImapSyncJob::fetchFlags()
{
    m_run->flagsPending = true;
    ImapFetchItems items;
    items.body = false;
    items.modSeq = true;
    items.changedSince = m_run->storedModSeq;
    auto *command = new UidFetchCommand({ImapUidRange{1, m_run->lastUid}}, items);
    auto changes = std::make_shared<QList<ImapFlagChange>>();
    connect(command, &UidFetchCommand::messageFetched, this, [changes](const ImapFetchedMessage &m) {
        changes->append(ImapFlagChange{m.uid, m.flags, m.modSeq});
    });
    connect(command, &UidFetchCommand::finished, this, [this, changes](const ImapFetchResult &result) {
        if (m_stopping)
            return;
        if (result.failure) {
            fail(result.failure);
            return;
        }
        m_run->flagsPending = false;
        applyFlagChanges(*changes);
        folderStepDone();
    });
    m_session->connection().send(command);
}

void ImapSyncJob::startFetches()
{
    FolderRun &run = *m_run;
    run.batches = uidBatches(run.newUids, m_options.fetchBatch);
    fetchMore();
    folderStepDone();
}

void ImapSyncJob::fetchMore()
{
    if (!m_run || m_stopping)
        return;
    FolderRun &run = *m_run;
    while (run.fetchesInFlight < m_options.fetchesInFlight && run.nextBatch < run.batches.size() &&
           m_parsing + m_pendingTickets.size() < m_options.maxQueuedChunks) {
        const int batch = run.nextBatch++;
        auto *command = new UidFetchCommand(run.batches.at(batch));
        connect(command, &UidFetchCommand::messageFetched, this, &ImapSyncJob::onMessageFetched);
        connect(command, &UidFetchCommand::finished, this,
                [this, batch](const ImapFetchResult &result) { onFetchFinished(batch, result); });
        ++run.fetchesInFlight;
        m_session->connection().send(command);
    }
}

void ImapSyncJob::onMessageFetched(const ImapFetchedMessage &message)
{
    if (m_stopping || !m_run)
        return;
    FolderRun &run = *m_run;
    if (message.raw.isNull() || message.uid <= run.lastUid)
        return;
    std::shared_ptr<ImapSyncChunk> &c = chunk();
    c->fetched.append(ImapRawMessage{message.uid, joinFlags(message.flags), message.internalDate, message.raw});
    c->bytes += message.raw.size();
    run.arrived.insert(message.uid);
    advanceReceived();
    ++m_stats.fetched;
    m_stats.bytes += message.raw.size();
    ++m_progress.done;
    emit progressed(m_progress);
    if (m_stopping)
        return; // cancelled by a progress listener: the chunk is on its way already
    if (c->fetched.size() >= m_options.flushMessages || c->bytes >= m_options.flushBytes ||
        m_chunkStarted.msecsTo(m_clock.now()) >= m_options.flushAfterMs)
        flushChunk(false);
}

void ImapSyncJob::onFetchFinished(int batch, const ImapFetchResult &result)
{
    if (m_stopping)
        return;
    FolderRun &run = *m_run;
    --run.fetchesInFlight;
    if (result.failure) {
        fail(result.failure);
        return;
    }
    // A UID the server did not report was expunged since the search: there is nothing to wait for.
    const qsizetype first = qsizetype(batch) * m_options.fetchBatch;
    const qsizetype end = std::min<qsizetype>(first + m_options.fetchBatch, run.newUids.size());
    for (qsizetype i = first; i < end; ++i)
        run.arrived.insert(run.newUids.at(i));
    advanceReceived();
    fetchMore();
    folderStepDone();
}

void ImapSyncJob::advanceReceived()
{
    FolderRun &run = *m_run;
    while (run.received < run.newUids.size() && run.arrived.remove(run.newUids.at(run.received)))
        ++run.received;
}

void ImapSyncJob::folderStepDone()
{
    const FolderRun &run = *m_run;
    if (run.searchPending || run.flagsPending || run.fetchesInFlight > 0 || run.nextBatch < run.batches.size())
        return;
    flushChunk(true);
    m_run.reset();
    nextFolder();
}

std::shared_ptr<ImapSyncChunk> &ImapSyncJob::chunk()
{
    if (!m_chunk) {
        m_chunk = std::make_shared<ImapSyncChunk>();
        m_chunk->folder = m_run->entry.name;
        m_chunk->uidValidity = m_run->examined.uidValidity;
        m_chunkStarted = m_clock.now();
    }
    return m_chunk;
}

void ImapSyncJob::flushChunk(bool folderEnd)
{
    if (!m_run || (!m_chunk && !folderEnd))
        return;
    const FolderRun &run = *m_run;
    std::shared_ptr<ImapSyncChunk> c = chunk();
    m_chunk.reset();
    c->lastUid = run.received > 0 ? std::max(run.lastUid, run.newUids.at(run.received - 1)) : run.lastUid;
    if (folderEnd)
        c->highestModSeq = run.examined.highestModSeq.value_or(0);
    ++m_parsing;
    m_parser.parse(std::move(c), [this](const std::shared_ptr<ImapSyncChunk> &parsed) { onParsed(parsed); });
}

void ImapSyncJob::onParsed(const std::shared_ptr<ImapSyncChunk> &c)
{
    --m_parsing;
    m_stats.parseNs += c->parseNs;
    if (m_stopping && m_result.kind == FailureKind::Local) {
        finishWhenIdle(); // the writer failed: the next batch would only fail the same way
        return;
    }
    WriteBatch batch;
    batch.accountId = m_account.id;
    batch.at = m_clock.now();
    RunProgress progress;
    progress.bytes = c->bytes;
    // Removals first: after a reset the same folder's labels come back below.
    batch.labelChanges = c->labelChanges;
    batch.flagChanges = c->flagChanges;
    progress.updated = int(c->labelChanges.size() + c->flagChanges.size());
    QHash<quint32, QString> &uids = m_folderUids[c->folder];
    for (qsizetype i = 0; i < c->records.size(); ++i) {
        MessageRecord &record = c->records[i];
        const ImapRawMessage &raw = c->fetched.at(i);
        const QString key = record.providerId;
        uids.insert(raw.uid, key);
        const auto known = m_known.find(key);
        if (known == m_known.end()) {
            m_known.insert(key, {c->folder});
            batch.messages.append(std::move(record));
            ++progress.added;
            ++m_stats.stored;
            continue;
        }
        // Archived already (a copy, a move, a rescan, a replay after a crash): one more folder, same bytes.
        known->insert(c->folder);
        batch.labelChanges.append(LabelChange{key, {c->folder}, {}, {{c->folder, qint64(raw.uid)}}});
        batch.flagChanges.append(FlagChange{key, raw.flags});
        if (m_deleted.remove(key)) {
            batch.undeletes << key;
            ++m_stats.undeleted;
        }
        ++progress.updated;
        ++m_stats.labelled;
    }
    const QHash<QString, QString> stored = m_checkpoints.value(c->folder);
    const bool sameCheckpoint =
        !c->resetFolder && stored.value(kUidValidity) == QString::number(c->uidValidity) &&
        (!c->lastUid || stored.value(kLastUid) == QString::number(*c->lastUid)) &&
        (!c->highestModSeq || stored.value(kHighestModSeq) == QString::number(*c->highestModSeq));
    if (c->records.isEmpty() && batch.labelChanges.isEmpty() && batch.flagChanges.isEmpty() && sameCheckpoint) {
        if (m_foldersDone)
            finishRun(); // an unchanged folder: nothing to commit
        else if (m_stopping)
            finishWhenIdle();
        else
            fetchMore(); // the parse queue has room again: fetches held back by it go on (no batch will say so)
        return;
    }
    batch.checkpoints << checkpoint(c->folder, kUidValidity, QString::number(c->uidValidity));
    if (c->lastUid)
        batch.checkpoints << checkpoint(c->folder, kLastUid, QString::number(*c->lastUid));
    if (c->highestModSeq)
        batch.checkpoints << checkpoint(c->folder, kHighestModSeq,
                                        *c->highestModSeq ? QString::number(*c->highestModSeq) : QString());
    else if (c->resetFolder)
        batch.checkpoints << checkpoint(c->folder, kHighestModSeq, QString());
    batch.progress = progress;
    submit(std::move(batch));
    if (m_foldersDone)
        finishRun();
    else if (m_stopping)
        finishWhenIdle();
}

// Every folder is done and every chunk submitted: what is in no folder any more is marked, then LOGOUT.
void ImapSyncJob::finishRun()
{
    if (!m_foldersDone || m_parsing > 0 || m_runEndSubmitted || m_stopping)
        return;
    m_runEndSubmitted = true;
    WriteBatch batch;
    if (!m_stateLoaded)
        m_known.clear(); // nothing changed anywhere: nothing can have left every folder
    batch.accountId = m_account.id;
    batch.at = m_clock.now();
    for (auto it = m_known.cbegin(); it != m_known.cend(); ++it) {
        if (it->isEmpty() && !m_deleted.contains(it.key())) {
            batch.softDeletes << it.key();
            m_deleted.insert(it.key());
        }
    }
    m_stats.softDeleted += int(batch.softDeletes.size());
    if (!batch.softDeletes.isEmpty()) {
        RunProgress progress;
        progress.deleted = int(batch.softDeletes.size());
        batch.progress = progress;
        submit(std::move(batch));
    }
    qCInfo(lcImapSync) << "account" << m_account.id << "synced:" << m_stats.folders << "folders," << m_stats.fetched
                       << "fetched," << m_stats.stored << "new," << m_stats.labelled << "labelled,"
                       << m_stats.labelsRemoved << "labels removed," << m_stats.flagChanges << "flag changes,"
                       << m_stats.softDeleted << "marked deleted," << m_stats.uidValidityResets
                       << "UIDVALIDITY resets; parsing" << m_stats.parseNs / 1000000 << "ms";
    m_stopping = true; // nothing more to start
    m_result = Failure::none();
    m_sessionClosing = true;
    m_session->close();
    finishWhenIdle();
}

void ImapSyncJob::submit(WriteBatch batch)
{
    m_pendingTickets.insert(m_writer.submit(std::move(batch)));
}

void ImapSyncJob::onBatchFinished(quint64 ticket, const BatchResult &result)
{
    if (!m_pendingTickets.remove(ticket))
        return;
    m_stats.writeNs += result.applyNs + result.commitNs;
    if (result.error && m_result.ok()) {
        const Failure failure = result.error.toFailure();
        if (m_stopping)
            m_result = failure;
        else
            fail(failure);
    }
    if (m_stopping)
        finishWhenIdle();
    else
        fetchMore(); // the queue has room again
}

void ImapSyncJob::fail(const Failure &failure)
{
    if (m_finished)
        return;
    const bool wasStopping = m_stopping;
    if (!m_stopping || m_result.ok())
        m_result = failure;
    m_stopping = true;
    qCInfo(lcImapSync) << "sync of account" << m_account.id << "stops:" << toString(failure.kind) << failure.detail;
    // What was fetched whole is kept: it goes through the parse stage to the writer before the run ends. Not after
    // a write failure, which the next batch would only repeat.
    if (!wasStopping && failure.kind != FailureKind::Local)
        flushChunk(false);
    if (m_session && !m_sessionClosing) {
        m_session->disconnect(this);
        m_session->abort();
    }
    finishWhenIdle();
}

void ImapSyncJob::finishWhenIdle()
{
    if (m_finished || m_parsing > 0 || !m_pendingTickets.isEmpty())
        return;
    if (m_sessionClosing && !m_sessionClosed)
        return;
    m_finished = true;
    qCInfo(lcImapSync) << "account" << m_account.id << "run ends; writer busy" << m_stats.writeNs / 1000000 << "ms";
    const Failure result = m_result;
    QMetaObject::invokeMethod(this, [this, result] { emit finished(result); }, Qt::QueuedConnection);
}

} // namespace vaulttray
