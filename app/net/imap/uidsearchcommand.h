#pragma once

#include "net/imap/imapcommand.h"

#include <QMetaType>

#include <optional>

namespace vaulttray {

struct ImapSearchResult
{
    Failure failure;
    QList<quint32> uids; // ascending, distinct
    std::optional<quint64> modSeq;
};

// UID SEARCH criteria (RFC 3501 §6.4.4) in the selected folder. With ESEARCH (RFC 4731) the answer is asked for as
// RETURN (ALL), a compact sequence set instead of one number per message.
class UidSearchCommand : public ImapCommand
{
    Q_OBJECT

public:
    // More UIDs than this in one answer is taken for a broken server rather than expanded into memory.
    static constexpr quint64 kMaxResults = 50'000'000;

    // criteria: search keys as the wire wants them, e.g. "ALL", "UID 1200:*", "MODSEQ 4711".
    explicit UidSearchCommand(QByteArray criteria = "ALL", QObject *parent = nullptr);

signals:
    void finished(const vaulttray::ImapSearchResult &result);

protected:
    ImapArguments arguments(const ImapConnection &connection) override;
    bool handleUntagged(const ImapResponse &response) override;
    void finish(const Failure &failure) override;

private:
    QByteArray m_criteria;
    ImapSearchResult m_result;
    Failure m_bad;
};

} // namespace vaulttray

Q_DECLARE_METATYPE(vaulttray::ImapSearchResult)
