#pragma once

#include "store/writebatch.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace vaulttray {

// What a provider knows about a message besides its bytes.
struct MessageOrigin
{
    QString providerId;     // Gmail id, or an IMAP content key
    QString threadId;       // Gmail thread id; empty for IMAP
    QDateTime internalDate; // the server's arrival time, if it has one
    QString flags;
    QStringList labels;
    QHash<QString, qint64> uids;
};

// Parses the raw bytes and fills a MessageRecord for the writer. Never fails: a malformed message
// keeps its raw bytes intact, indexes what could be read and records how many problems it had.
MessageRecord buildMessageRecord(const QByteArray &raw, const MessageOrigin &origin);

// The key under which a message without a provider id (IMAP, imports) is stored once per account:
// its Message-ID when it has one, plus a hash of the bytes, so two different messages that share a
// Message-ID are both kept.
QString contentKey(const QString &messageId, const QByteArray &raw);
// The same from the bytes' SHA-256 digest (MessageRecord::sha256), when it is at hand.
QString contentKeyOf(const QString &messageId, const QByteArray &sha256);

} // namespace vaulttray
