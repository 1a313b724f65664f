#include "sync/import/mboxsource.h"

#include "store/archivereader.h"
#include "sync/import/fromline.h"
#include "sync/import/importlog.h"
#include "sync/import/takeoutheaders.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace vaulttray {

namespace {
// This file's user-visible texts; their translation context is "MboxSource".
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(MboxSource)
};

const QString kOffset = QStringLiteral("offset");
const QString kSize = QStringLiteral("size");
const QString kModified = QStringLiteral("modified");
} // namespace

const QString MboxSource::kCheckpointKey = QStringLiteral("position");

MboxSource::MboxSource(QString path, MboxReader::Flavour flavour) : m_path(std::move(path)), m_flavour(flavour) {}

MboxSource::~MboxSource() = default;

Failure MboxSource::open()
{
    if (m_opened)
        return *m_opened;
    const QFileInfo info(m_path);
    Failure result;
    if (!info.exists()) {
        result = Failure::of(FailureKind::ClientMisconfigured, Text::tr("%1 does not exist").arg(m_path));
    } else if (info.isDir()) {
        result = Failure::of(
            FailureKind::ClientMisconfigured,
            Text::tr("%1 is a folder, not an mbox file (for a Maildir: vaulttray import maildir %1)").arg(m_path));
    } else {
        m_file.setFileName(m_path);
        // Unbuffered: the reader keeps its own fixed-size buffer; a second one would only copy.
        if (!m_file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
            result = Failure::of(FailureKind::Local, Text::tr("cannot read %1: %2").arg(m_path, m_file.errorString()));
        } else {
            m_size = info.size();
            m_modifiedMs = info.lastModified().toMSecsSinceEpoch();
            m_scope = QStringLiteral("import:mbox:") + info.canonicalFilePath();
            m_fileFolder = info.completeBaseName().isEmpty() ? info.fileName() : info.completeBaseName();
            m_reader = std::make_unique<MboxReader>(m_file, m_flavour);
            // Only the start is read now: enough to refuse a file that is not an mbox before anything is written.
            MboxMessage first;
            const MboxReader::Status status = m_reader->next(&first);
            if (status == MboxReader::Status::NotMbox)
                result = Failure::of(FailureKind::ClientMisconfigured,
                                     Text::tr("%1 is not an mbox file: %2").arg(m_path, m_reader->errorString()));
            else if (status == MboxReader::Status::ReadError)
                result = Failure::of(FailureKind::Local,
                                     Text::tr("cannot read %1: %2").arg(m_path, m_reader->errorString()));
            else
                m_reader->seek(0);
        }
    }
    m_opened = result;
    return result;
}

void MboxSource::restore(ArchiveReader &archive, const AccountRecord &account)
{
    m_gmailIds = account.provider == QLatin1String("gmail");
    for (const FolderRecord &folder : archive.folders(account.id))
        if (folder.isLabel && folder.remoteId != folder.name)
            m_labelIdsByName.insert(folder.name, folder.remoteId);
    const QJsonObject position =
        QJsonDocument::fromJson(archive.checkpoint(account.id, m_scope, kCheckpointKey).value_or(QString()).toUtf8())
            .object();
    const qint64 offset = position.value(kOffset).toInteger();
    const bool sameFile =
        position.value(kSize).toInteger() == m_size && position.value(kModified).toInteger() == m_modifiedMs;
    if (!sameFile || offset <= 0)
        return;
    if (offset >= m_size) {
        m_upToDate = true;
        m_nextOffset = m_size;
        m_reader->seek(m_size);
        return;
    }
    if (m_reader->seek(offset)) {
        m_resumedAt = offset;
        m_nextOffset = offset;
        qCInfo(lcImport).noquote() << "resuming" << m_path << "at byte" << offset << "of" << m_size;
    }
}

ImportSource::Status MboxSource::next(ImportItem *item)
{
    *item = ImportItem{};
    MboxMessage message;
    MboxReader::Status status = m_reader->next(&message);
    if (status == MboxReader::Status::NotMbox && m_resumedAt > 0 && !m_returnedAny) {
        // The checkpoint points at no message any more: read the file from the start (the archive skips what it has).
        qCWarning(lcImport).noquote() << "no message at the checkpoint of" << m_path << "- reading it from the start";
        m_resumedAt = 0;
        m_reader->seek(0);
        status = m_reader->next(&message);
    }
    switch (status) {
    case MboxReader::Status::End:
        return Status::End;
    case MboxReader::Status::NotMbox:
        m_failure = Failure::of(FailureKind::ClientMisconfigured,
                                Text::tr("%1 is not an mbox file: %2").arg(m_path, m_reader->errorString()));
        return Status::Failed;
    case MboxReader::Status::ReadError:
        m_failure =
            Failure::of(FailureKind::Local, Text::tr("cannot read %1: %2").arg(m_path, m_reader->errorString()));
        return Status::Failed;
    case MboxReader::Status::Message:
        break;
    }
    m_returnedAny = true;
    m_nextOffset = message.nextOffset;
    item->where = Text::tr("%1, message at byte %2").arg(m_path).arg(message.offset);
    item->damaged = message.truncated;
    const std::optional<FromLine> from = parseFromLine(message.fromLine);
    if (from)
        item->internalDate = from->date;
    if (const std::optional<TakeoutMessage> takeout =
            from ? TakeoutHeaders::read(from->sender, message.raw) : std::nullopt) {
        message.raw.remove(0, takeout->addedHeaderBytes);
        item->threadId = takeout->threadId;
        if (m_gmailIds)
            item->providerId = takeout->gmailId;
        addTakeoutLabels(takeout->labelNames, item);
    } else {
        item->labels << m_fileFolder;
        item->folders << FolderRecord{m_fileFolder, m_fileFolder, false, QString()};
    }
    item->raw = std::move(message.raw);
    return Status::Item;
}

void MboxSource::addTakeoutLabels(const QStringList &names, ImportItem *item) const
{
    for (const QString &name : names) {
        if (TakeoutHeaders::isPseudoLabel(name))
            continue;
        const QString system = TakeoutHeaders::systemLabelId(name);
        // The Gmail API names system labels by their ids.
        const QString id = system.isEmpty() ? m_labelIdsByName.value(name, name) : system;
        if (item->labels.contains(id))
            continue;
        item->labels << id;
        item->folders << FolderRecord{id, system.isEmpty() ? name : system, true, QString()};
    }
}

QList<CheckpointRecord> MboxSource::checkpoint() const
{
    const QJsonObject position{{kOffset, m_nextOffset}, {kSize, m_size}, {kModified, m_modifiedMs}};
    return {CheckpointRecord{m_scope, kCheckpointKey,
                             QString::fromUtf8(QJsonDocument(position).toJson(QJsonDocument::Compact))}};
}

qint64 MboxSource::unitsDone() const
{
    return m_reader ? m_reader->position() : 0;
}

} // namespace vaulttray
