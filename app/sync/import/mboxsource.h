#pragma once

#include "sync/import/importsource.h"
#include "sync/import/mboxreader.h"

#include <QFile>
#include <QHash>

#include <memory>
#include <optional>

namespace vaulttray {

// An mbox file as an import source. Messages of a Google Takeout export lose the header lines Takeout added
// (see TakeoutHeaders), keep their thread id and get their labels: Gmail's system labels by id, user labels by the
// id the archive already knows for that name in the account (from a Gmail sync), else under their name. Into a Gmail
// account they are stored under their Gmail id, so a sync of that account recognises them. Other messages go into a
// folder named after the file ("Sent" for Sent.mbox).
//
// Checkpoint (scope "import:mbox:<canonical path>", key "position"): {"offset", "size", "modified"}, the byte offset
// of the next unread message and the file's identity; a file that changed since starts again from the beginning
// (what is archived is skipped).
class MboxSource final : public ImportSource
{
public:
    explicit MboxSource(QString path, MboxReader::Flavour flavour = MboxReader::Flavour::Mboxrd);
    ~MboxSource() override;

    Failure open() override;
    void restore(ArchiveReader &archive, const AccountRecord &account) override;
    Status next(ImportItem *item) override;
    Failure failure() const override { return m_failure; }
    QList<CheckpointRecord> checkpoint() const override;
    qint64 unitsDone() const override;
    qint64 unitsTotal() const override { return m_size; }
    qint64 resumedAt() const override { return m_resumedAt; }
    bool upToDate() const override { return m_upToDate; }
    QString displayName() const override { return m_path; }

    static const QString kCheckpointKey;

private:
    void addTakeoutLabels(const QStringList &names, ImportItem *item) const;

    QString m_path;
    MboxReader::Flavour m_flavour;
    QFile m_file;
    std::unique_ptr<MboxReader> m_reader;
    std::optional<Failure> m_opened;
    QString m_scope;
    QString m_fileFolder;
    qint64 m_size = 0;
    qint64 m_modifiedMs = 0;
    qint64 m_nextOffset = 0;
    qint64 m_resumedAt = 0;
    bool m_upToDate = false;
    bool m_gmailIds = false;
    bool m_returnedAny = false;
    QHash<QString, QString> m_labelIdsByName; // the account's known user labels
    Failure m_failure;
};

} // namespace vaulttray
