#include "sync/import/maildirsource.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace vaulttray {

namespace {
// This file's user-visible texts; their translation context is "MaildirSource".
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(MaildirSource)
};
} // namespace

MaildirSource::MaildirSource(QString path) : m_path(std::move(path)), m_walker(m_path) {}

Failure MaildirSource::open()
{
    if (m_opened)
        return *m_opened;
    const QFileInfo info(m_path);
    Failure result;
    if (!info.exists()) {
        result = Failure::of(FailureKind::ClientMisconfigured, Text::tr("%1 does not exist").arg(m_path));
    } else if (!info.isDir()) {
        result = Failure::of(
            FailureKind::ClientMisconfigured,
            Text::tr("%1 is a file, not a Maildir folder (for an mbox file: vaulttray import mbox %1)").arg(m_path));
    } else if (!info.isReadable() || !info.isExecutable()) {
        result = Failure::of(FailureKind::Local, Text::tr("cannot read %1: permission denied").arg(m_path));
    } else if (!MaildirWalker::isMaildir(m_path)) {
        result = Failure::of(FailureKind::ClientMisconfigured,
                             Text::tr("%1 is not a Maildir: it has no cur/ and new/ folders").arg(m_path));
    } else {
        m_walker.scan();
        if (!m_walker.unreadableFolders().isEmpty())
            result = Failure::of(FailureKind::Local, Text::tr("cannot read %1: permission denied")
                                                         .arg(m_walker.unreadableFolders().join(QStringLiteral(", "))));
    }
    m_opened = result;
    return result;
}

void MaildirSource::restore(ArchiveReader &, const AccountRecord &) {}

ImportSource::Status MaildirSource::next(ImportItem *item)
{
    *item = ImportItem{};
    MaildirEntry entry;
    if (!m_walker.next(&entry))
        return Status::End;
    ++m_filesDone;
    item->where = entry.path;
    item->labels << entry.folder;
    item->folders << FolderRecord{entry.folder, entry.folder, false, QString()};
    item->flags = entry.flags;
    item->internalDate = entry.modified;
    QFile file(entry.path);
    if (!file.open(QIODevice::ReadOnly)) {
        item->readError = file.errorString();
        return Status::Item;
    }
    item->raw = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        item->readError = file.errorString();
        item->raw.clear();
    }
    return Status::Item;
}

} // namespace vaulttray
