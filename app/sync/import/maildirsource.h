#pragma once

#include "sync/import/importsource.h"
#include "sync/import/maildirwalker.h"

#include <optional>

namespace vaulttray {

// A Maildir and its Maildir++ subfolders as an import source: each folder becomes a folder of the account, each
// file a message with the flags of its name. No checkpoint: a second run reads the files again and the archive
// skips every message it holds (the same bytes in two folders are one message in both).
class MaildirSource final : public ImportSource
{
public:
    explicit MaildirSource(QString path);

    Failure open() override;
    void restore(ArchiveReader &archive, const AccountRecord &account) override;
    Status next(ImportItem *item) override;
    Failure failure() const override { return m_failure; }
    QList<CheckpointRecord> checkpoint() const override { return {}; }
    qint64 unitsDone() const override { return m_filesDone; }
    qint64 unitsTotal() const override { return m_walker.fileCount(); }
    QString displayName() const override { return m_path; }

private:
    QString m_path;
    MaildirWalker m_walker;
    std::optional<Failure> m_opened;
    qint64 m_filesDone = 0;
    Failure m_failure;
};

} // namespace vaulttray
