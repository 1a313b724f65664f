#pragma once

#include "net/imap/imapcommand.h"
#include "net/imap/responsedata.h"

#include <QMetaType>

#include <optional>

namespace vaulttray {

// What the client knew of a folder at its last sync, for QRESYNC (RFC 7162 §3.2.5).
struct ImapQResyncState
{
    quint32 uidValidity = 0;
    quint64 highestModSeq = 0;
    QList<ImapUidRange> knownUids; // optional: lets the server report VANISHED only for these
};

struct ImapExamineOptions
{
    // EXAMINE ... (CONDSTORE): ask for MODSEQ and HIGHESTMODSEQ, when the server has CONDSTORE.
    bool condStore = false;
    // EXAMINE ... (QRESYNC (...)): when QRESYNC is enabled on the connection (EnableCommand). The answer then lists
    // what vanished and what changed since highestModSeq, provided uidValidity still matches.
    std::optional<ImapQResyncState> qresync;
};

struct ImapFlagChange
{
    quint32 uid = 0;
    QList<QByteArray> flags;
    std::optional<quint64> modSeq;
};

struct ImapExamineResult
{
    Failure failure;
    quint32 uidValidity = 0;
    std::optional<quint32> uidNext;
    quint32 exists = 0;
    // The folder's HIGHESTMODSEQ; absent when the server keeps no mod-sequences for it ([NOMODSEQ]) or was not asked.
    std::optional<quint64> highestModSeq;
    QList<QByteArray> flags;
    bool readOnly = false;
    bool qresyncSent = false;
    // QRESYNC only: UIDs expunged since the known state (VANISHED (EARLIER)), and messages whose flags changed.
    QList<ImapUidRange> vanished;
    QList<ImapFlagChange> changed;
};

// EXAMINE (RFC 3501 §6.3.2): selects a folder read-only, so nothing the archiver does can change the server
// (\Seen included). A folder without UIDVALIDITY in the answer is BadData.
class ExamineCommand : public ImapCommand
{
    Q_OBJECT

public:
    // rawName: the name as LIST sent it (ImapListEntry::rawName).
    ExamineCommand(QByteArray rawName, ImapExamineOptions options = {}, QObject *parent = nullptr);

signals:
    void finished(const vaulttray::ImapExamineResult &result);

protected:
    ImapArguments arguments(const ImapConnection &connection) override;
    bool handleUntagged(const ImapResponse &response) override;
    void handleTagged(const ImapResponse &response) override;
    void finish(const Failure &failure) override;

private:
    QByteArray m_rawName;
    ImapExamineOptions m_options;
    ImapExamineResult m_result;
    bool m_sawUidValidity = false;
};

} // namespace vaulttray

Q_DECLARE_METATYPE(vaulttray::ImapExamineResult)
