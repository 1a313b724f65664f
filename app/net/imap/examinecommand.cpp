#include "net/imap/examinecommand.h"

#include "net/imap/imapconnection.h"
#include "net/imap/imapuidset.h"

namespace vaulttray {

ExamineCommand::ExamineCommand(QByteArray rawName, ImapExamineOptions options, QObject *parent)
    : ImapCommand("EXAMINE", true, parent), m_rawName(std::move(rawName)), m_options(std::move(options))
{
}

ImapArguments ExamineCommand::arguments(const ImapConnection &connection)
{
    ImapArguments a;
    a.string(m_rawName);
    if (m_options.qresync && connection.isEnabled("QRESYNC")) {
        const ImapQResyncState &q = *m_options.qresync;
        QByteArray params =
            "(QRESYNC (" + QByteArray::number(q.uidValidity) + ' ' + QByteArray::number(q.highestModSeq);
        if (!q.knownUids.isEmpty())
            params += ' ' + formatUidSet(q.knownUids);
        a.atom(params + "))");
        m_result.qresyncSent = true;
    } else if ((m_options.condStore || m_options.qresync) && connection.hasCapability("CONDSTORE")) {
        a.atom("(CONDSTORE)");
    }
    return a;
}

bool ExamineCommand::handleUntagged(const ImapResponse &response)
{
    if (response.status) {
        if (response.status != ImapStatus::Ok)
            return false;
        // RFC 7162 §3.2.11: what came before [CLOSED] belonged to the folder selected before.
        if (response.code == "CLOSED") {
            const bool qresyncSent = m_result.qresyncSent;
            m_result = ImapExamineResult();
            m_result.qresyncSent = qresyncSent;
            m_sawUidValidity = false;
            return true;
        }
        if (const auto v = imapCodeNumber(response, "UIDVALIDITY")) {
            m_result.uidValidity = quint32(*v);
            m_sawUidValidity = *v > 0 && *v <= kImapLastUid;
            return true;
        }
        if (const auto v = imapCodeNumber(response, "UIDNEXT")) {
            if (*v <= kImapLastUid)
                m_result.uidNext = quint32(*v);
            return true;
        }
        if (const auto v = imapCodeNumber(response, "HIGHESTMODSEQ")) {
            m_result.highestModSeq = *v;
            return true;
        }
        return response.code == "NOMODSEQ" || response.code == "PERMANENTFLAGS" || response.code == "UNSEEN";
    }
    if (const auto n = imapNumbered(response, "EXISTS")) {
        m_result.exists = *n;
        return true;
    }
    if (imapNumbered(response, "RECENT"))
        return true;
    if (response.name == "FLAGS") {
        if (const auto flags = imapFlags(response))
            m_result.flags = *flags;
        return true;
    }
    if (const auto v = imapVanishedData(response)) {
        m_result.vanished += v->uids.ranges();
        return true;
    }
    if (const auto f = imapFetchData(response); f && f->uid && f->flags) {
        m_result.changed.append({*f->uid, *f->flags, f->modSeq});
        return true;
    }
    return false;
}

void ExamineCommand::handleTagged(const ImapResponse &response)
{
    if (response.status == ImapStatus::Ok) {
        m_result.readOnly = response.code == "READ-ONLY";
        if (!m_sawUidValidity) {
            complete(Failure::of(FailureKind::BadData, QStringLiteral("EXAMINE: the server sent no UIDVALIDITY")));
            return;
        }
    }
    ImapCommand::handleTagged(response);
}

void ExamineCommand::finish(const Failure &failure)
{
    m_result.failure = failure;
    emit finished(m_result);
}

} // namespace vaulttray
