#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace vaulttray {

// The full-text index gains little from more, and a runaway part must not cost the indexer its memory.
inline constexpr qsizetype kMaxIndexedBodyChars = 1024 * 1024;
inline constexpr qsizetype kSnippetChars = 200;

struct MailAddress
{
    QString name;
    QString address;
};

struct AttachmentInfo
{
    QString fileName; // as the sender wrote it (decoded); untrusted, may be empty or contain path separators
    QString mimeType; // lowercase "type/subtype"
    qint64 size = 0;  // decoded bytes
};

struct ParsedMessage
{
    QString subject;
    QList<MailAddress> from, to, cc, bcc, replyTo;
    QDateTime date; // UTC; invalid if missing/unparseable
    QString messageId;
    QString inReplyTo;
    QStringList references;
    // Plain text for the full-text index: text/plain preferred over html in alternatives, html reduced to
    // text, LF line ends, at most kMaxIndexedBodyChars.
    QString bodyText;
    QString snippet; // first kSnippetChars of bodyText, whitespace collapsed
    QList<AttachmentInfo> attachments;
    int problems = 0;           // count of problems found (bad charset, broken encoding, unparsable date, ...)
    QStringList problemDetails; // short technical descriptions, never message content; capped, unlike `problems`

    QString peopleText() const; // names + addresses of from/to/cc/bcc joined with spaces, for the index
};

// Turns a raw RFC 5322 message into what the archive indexes. Never fails: what can be read is returned
// and what could not is counted in `problems`. Stateless and safe to call from several threads at once.
class MimeParser
{
public:
    static ParsedMessage parse(const QByteArray &raw);
    // An unstructured header value as text: RFC 2047 encoded words decoded, undeclared 8-bit read as UTF-8 (else a
    // fallback charset), the same way as a Subject.
    static QString decodeHeaderText(const QByteArray &value);
};

} // namespace vaulttray
