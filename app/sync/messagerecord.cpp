#include "sync/messagerecord.h"

#include "mail/mimeparser.h"

#include <QCryptographicHash>

namespace vaulttray {

namespace {
QString joinAddresses(const QList<MailAddress> &list)
{
    QStringList parts;
    for (const MailAddress &a : list)
        parts << (a.name.isEmpty() ? a.address : QStringLiteral("%1 <%2>").arg(a.name, a.address));
    return parts.join(QStringLiteral(", "));
}
} // namespace

MessageRecord buildMessageRecord(const QByteArray &raw, const MessageOrigin &origin)
{
    const ParsedMessage parsed = MimeParser::parse(raw);
    MessageRecord m;
    m.providerId = origin.providerId;
    m.threadId = origin.threadId;
    m.messageId = parsed.messageId;
    m.internalDate = origin.internalDate.isValid() ? origin.internalDate : parsed.date;
    m.sentDate = parsed.date;
    m.from = joinAddresses(parsed.from);
    m.to = joinAddresses(parsed.to);
    m.cc = joinAddresses(parsed.cc);
    m.subject = parsed.subject;
    m.snippet = parsed.snippet;
    m.flags = origin.flags;
    m.raw = raw;
    // Hashed once, here on the parsing thread: the content key and the store's checksum both use it.
    m.sha256 = QCryptographicHash::hash(raw, QCryptographicHash::Sha256);
    m.peopleText = parsed.peopleText();
    m.bodyText = parsed.bodyText;
    for (const AttachmentInfo &a : parsed.attachments)
        m.attachments << AttachmentRecord{a.fileName, a.mimeType, a.size};
    m.parseProblems = parsed.problems;
    m.labels = origin.labels;
    m.uids = origin.uids;
    return m;
}

QString contentKey(const QString &messageId, const QByteArray &raw)
{
    return contentKeyOf(messageId, QCryptographicHash::hash(raw, QCryptographicHash::Sha256));
}

QString contentKeyOf(const QString &messageId, const QByteArray &sha256)
{
    const QByteArray hash = sha256.toHex().left(32);
    return messageId.isEmpty() ? QStringLiteral("sha256:") + QString::fromLatin1(hash)
                               : messageId + QStringLiteral(" sha256:") + QString::fromLatin1(hash);
}

} // namespace vaulttray
