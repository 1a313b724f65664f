#include "sync/import/importjob.h"

#include "core/clock.h"
#include "mail/mimeparser.h"
#include "store/archivereader.h"
#include "store/archivewriter.h"
#include "sync/import/importlog.h"
#include "sync/import/importsource.h"
#include "sync/messagerecord.h"

#include <QMetaObject>

#include <climits>

namespace vaulttray {

namespace {
// The content key from the header block alone: the Message-ID comes from the headers, and parsing only them is
// what makes skipping an archived message cheap.
QString contentKeyOf(const QByteArray &raw)
{
    qsizetype end = raw.indexOf("\n\n");
    const qsizetype crlf = raw.indexOf("\n\r\n");
    if (crlf >= 0 && (end < 0 || crlf < end))
        end = crlf + 3;
    else if (end >= 0)
        end += 2;
    const QByteArray headers = end < 0 ? raw : QByteArray::fromRawData(raw.constData(), end);
    return contentKey(MimeParser::parse(headers).messageId, raw);
}

bool isBlank(const QByteArray &raw)
{
    for (char c : raw)
        if (c != '\r' && c != '\n' && c != ' ' && c != '\t')
            return false;
    return true;
}
} // namespace

ImportJob::ImportJob(const AccountRecord &account, std::unique_ptr<ImportSource> source, ArchiveWriter &writer,
                     Clock &clock, QString archivePath, QObject *parent)
    : SyncJob(parent), m_account(account), m_source(std::move(source)), m_writer(writer), m_clock(clock),
      m_archivePath(std::move(archivePath))
{
    connect(&m_writer, &ArchiveWriter::batchFinished, this, &ImportJob::onBatchFinished);
}

ImportJob::~ImportJob() = default;

void ImportJob::start()
{
    QMetaObject::invokeMethod(this, &ImportJob::begin, Qt::QueuedConnection);
}

void ImportJob::cancel()
{
    if (m_stopping || m_finished)
        return;
    qCInfo(lcImport).noquote() << "import of" << m_source->displayName() << "cancelled";
    m_stopping = true;
    m_result = Failure::of(FailureKind::Cancelled, tr("import cancelled"));
    // What was read is complete: it is committed with its checkpoint. (With a batch waiting, reading had paused and
    // nothing more was read; before begin() nothing was.)
    if (m_begun && !m_ready)
        closeBatch();
    submitReady();
    finishWhenIdle();
}

void ImportJob::begin()
{
    if (m_stopping)
        return;
    if (const Failure failure = m_source->open()) {
        fail(failure);
        return;
    }
    {
        ArchiveReader reader(m_archivePath);
        if (reader.openError()) {
            fail(Failure::of(FailureKind::Local, tr("cannot read the archive: %1").arg(reader.openError().message)));
            return;
        }
        m_archived = reader.providerIds(m_account.id, true);
        for (const FolderRecord &folder : reader.folders(m_account.id))
            m_knownFolders.insert(folder.remoteId);
        m_source->restore(reader, m_account);
    }
    m_stats.resumedAt = m_source->resumedAt();
    m_stats.upToDate = m_source->upToDate();
    qCDebug(lcImport).noquote() << "import of" << m_source->displayName() << "into account" << m_account.id << "with"
                                << m_archived.size() << "messages archived before; resuming at" << m_stats.resumedAt;
    m_batch.accountId = m_account.id;
    m_begun = true;
    readBatch();
}

void ImportJob::readBatch()
{
    if (m_stopping || m_sourceDone)
        return;
    Q_ASSERT(!m_ready);
    m_batchWork.start();
    while (!batchFull()) {
        ImportItem item;
        const ImportSource::Status status = m_source->next(&item);
        if (status == ImportSource::Status::End) {
            m_sourceDone = true;
            break;
        }
        if (status == ImportSource::Status::Failed) {
            // What was read before is complete: it is committed before the run ends with the failure.
            m_sourceDone = true;
            m_result = m_source->failure();
            break;
        }
        ++m_itemsRead;
        add(item);
    }
    closeBatch();
    submitReady();
    if (m_sourceDone)
        finishWhenIdle();
    else if (!m_ready) // the writer has this batch; read the next one meanwhile
        QMetaObject::invokeMethod(this, &ImportJob::readBatch, Qt::QueuedConnection);
}

bool ImportJob::batchFull() const
{
    return m_batch.messages.size() >= kBatchMessages || m_batchBytes >= kBatchRawBytes ||
           m_batchWork.elapsed() >= kBatchWork.count();
}

void ImportJob::add(const ImportItem &item)
{
    if (!item.readError.isEmpty()) {
        ++m_stats.unreadable;
        if (m_stats.unreadableItems.size() < kNamedUnreadable)
            m_stats.unreadableItems << QStringLiteral("%1: %2").arg(item.where, item.readError);
        qCWarning(lcImport).noquote() << "cannot read" << item.where << "-" << item.readError;
        return;
    }
    if (isBlank(item.raw)) {
        ++m_stats.empty;
        qCWarning(lcImport).noquote() << "empty message skipped:" << item.where;
        return;
    }
    const QString key = item.providerId.isEmpty() ? contentKeyOf(item.raw) : item.providerId;
    if (m_archived.contains(key)) {
        ++m_stats.alreadyArchived;
        // The same bytes found in another folder join it. Only for mail this import owns: a provider's sync decides
        // the folders (and IMAP UIDs) of what it archived.
        const bool importOwned = m_account.provider == QLatin1String("local") || m_queued.contains(key);
        if (item.providerId.isEmpty() && importOwned && !item.labels.isEmpty()) {
            addFolders(item.folders);
            m_batch.labelChanges << LabelChange{key, item.labels, {}};
        }
        return;
    }
    m_archived.insert(key);
    m_queued.insert(key);
    addFolders(item.folders);
    MessageOrigin origin;
    origin.providerId = key;
    origin.threadId = item.threadId;
    origin.internalDate = item.internalDate;
    origin.flags = item.flags;
    origin.labels = item.labels;
    m_batch.messages << buildMessageRecord(item.raw, origin);
    m_batchBytes += item.raw.size();
    if (item.damaged) {
        ++m_stats.damaged;
        qCWarning(lcImport).noquote() << "truncated message archived as found:" << item.where;
    }
}

void ImportJob::addFolders(const QList<FolderRecord> &folders)
{
    for (const FolderRecord &folder : folders) {
        if (m_knownFolders.contains(folder.remoteId))
            continue; // never rewritten: that would drop what a sync knows (special use)
        m_knownFolders.insert(folder.remoteId);
        m_batch.folders << folder;
    }
}

void ImportJob::closeBatch()
{
    m_batch.checkpoints = m_source->checkpoint();
    const bool empty = m_batch.messages.isEmpty() && m_batch.labelChanges.isEmpty() && m_batch.folders.isEmpty() &&
                       m_batch.checkpoints.isEmpty();
    if (!empty) {
        m_batch.at = m_clock.now();
        m_ready = std::make_unique<Closed>(Closed{std::move(m_batch), m_itemsRead, m_source->unitsDone()});
    }
    m_batch = WriteBatch{};
    m_batch.accountId = m_account.id;
    m_batchBytes = 0;
}

void ImportJob::submitReady()
{
    if (m_inFlight != 0 || !m_ready)
        return;
    m_inFlightItems = m_ready->items;
    m_inFlightUnits = m_ready->units;
    m_inFlight = m_writer.submit(std::move(m_ready->batch));
    m_ready.reset();
}

void ImportJob::onBatchFinished(quint64 ticket, const BatchResult &result)
{
    if (ticket != m_inFlight)
        return;
    m_inFlight = 0;
    if (result.error) {
        m_ready.reset(); // nothing after a failed batch may commit: its checkpoint would skip the failed one
        fail(Failure::of(FailureKind::Local, tr("archive write failed: %1").arg(result.error.message)));
        return;
    }
    ++m_stats.batches;
    m_stats.imported += result.inserted;
    m_stats.alreadyArchived += result.alreadyPresent;
    reportProgress(m_inFlightItems, m_inFlightUnits);
    if (m_ready) {
        submitReady();
        if (!m_stopping && !m_sourceDone)
            QMetaObject::invokeMethod(this, &ImportJob::readBatch, Qt::QueuedConnection);
        return;
    }
    finishWhenIdle();
}

void ImportJob::reportProgress(int items, qint64 units)
{
    // The total is exact when the source counts messages (a Maildir's files) and an estimate from the share of
    // bytes read otherwise (an mbox).
    const qint64 from = m_stats.resumedAt;
    const qint64 read = units - from;
    const qint64 total = read > 0 ? qint64(double(items) * double(m_source->unitsTotal() - from) / double(read)) : -1;
    emit progressed(SyncProgress{items, total});
}

void ImportJob::fail(const Failure &failure)
{
    if (m_finished)
        return;
    if (m_result.ok())
        m_result = failure;
    m_stopping = true;
    qCInfo(lcImport).noquote() << "import of" << m_source->displayName() << "stops:" << toString(failure.kind)
                               << failure.detail;
    finishWhenIdle();
}

void ImportJob::finishWhenIdle()
{
    if (m_finished || m_inFlight != 0 || m_ready || (!m_sourceDone && !m_stopping))
        return;
    m_finished = true;
    Failure result = m_result;
    if (result.ok() && m_stats.unreadable > 0)
        result = Failure::of(FailureKind::Local, tr("%n message(s) could not be read", nullptr,
                                                    int(qMin<qint64>(m_stats.unreadable, INT_MAX))));
    qCInfo(lcImport).noquote() << "import of" << m_source->displayName() << "ends:" << m_stats.imported << "new,"
                               << m_stats.alreadyArchived << "archived before," << m_stats.damaged << "damaged,"
                               << m_stats.unreadable << "unreadable";
    QMetaObject::invokeMethod(
        this, [this, result] { emit finished(result); }, Qt::QueuedConnection);
}

} // namespace vaulttray
