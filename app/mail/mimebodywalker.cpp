#include "mail/mimebodywalker.h"

#include "mail/charsetdecoder.h"
#include "mail/htmltext.h"
#include "mail/partcontent.h"

namespace vaulttray {

namespace {

// Enough of a text part to tell text from a binary blob mislabelled as text.
constexpr qsizetype kBinarySniffBytes = 64 * 1024;
// Real text has next to no control characters; random bytes have about one in nine.
constexpr qsizetype kBinaryControlRatio = 20;

bool isBodyText(const QString &mimeType)
{
    return mimeType == u"text/plain" || mimeType == u"text/html" || mimeType == u"text/enriched" ||
           mimeType == u"text/richtext";
}

bool isMarkup(const QString &mimeType)
{
    return mimeType != u"text/plain";
}

QString fileNameOf(GMimePart *part)
{
    // Reads Content-Disposition filename (RFC 2231 continuations and charsets included), then
    // Content-Type name.
    return CharsetDecoder::repairC1Controls(gmime::toQString(g_mime_part_get_filename(part)));
}

bool isAttachment(GMimePart *part)
{
    GMimeObject *object = GMIME_OBJECT(part);
    const char *disposition = g_mime_object_get_disposition(object);
    if (disposition && g_ascii_strcasecmp(disposition, GMIME_DISPOSITION_ATTACHMENT) == 0)
        return true;
    if (!fileNameOf(part).isEmpty())
        return true;
    const QString mimeType = gmime::mimeTypeOf(object);
    if (isBodyText(mimeType))
        return false;
    const bool shownInline = (disposition && g_ascii_strcasecmp(disposition, GMIME_DISPOSITION_INLINE) == 0) ||
                             g_mime_object_get_content_id(object);
    return !(mimeType.startsWith(u"image/") && shownInline);
}

// Index of the rendition whose text represents a multipart/alternative, or -1 for none in particular.
int chooseAlternative(GMimeMultipart *alternative)
{
    const int count = g_mime_multipart_get_count(alternative);
    for (int i = 0; i < count; ++i) {
        GMimeObject *child = g_mime_multipart_get_part(alternative, i);
        if (GMIME_IS_PART(child) && gmime::mimeTypeOf(child) == u"text/plain" && !isAttachment(GMIME_PART(child)))
            return i;
    }
    // Otherwise the last, richest rendition we can read, as a mail client would show it.
    for (int i = count - 1; i >= 0; --i) {
        GMimeObject *child = g_mime_multipart_get_part(alternative, i);
        if (GMIME_IS_MULTIPART(child))
            return i;
        if (GMIME_IS_PART(child) && isBodyText(gmime::mimeTypeOf(child)) && !isAttachment(GMIME_PART(child)))
            return i;
    }
    return -1;
}

bool looksBinary(const QByteArray &bytes, const QByteArray &charset)
{
    // UTF-16 and UTF-32 text is full of NUL bytes.
    const QByteArray label = charset.trimmed().toLower();
    if (label.startsWith("utf-16") || label.startsWith("utf-32") || label.startsWith("ucs"))
        return false;
    const qsizetype length = qMin(bytes.size(), kBinarySniffBytes);
    qsizetype controls = 0;
    for (qsizetype i = 0; i < length; ++i) {
        const uchar c = uchar(bytes[i]);
        if (c == 0)
            return true;
        // ESC belongs to ISO-2022-JP text.
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) || c == 0x7F)
            ++controls;
    }
    return controls * kBinaryControlRatio > length;
}

void reportCharsetIssue(CharsetDecoder::Issue issue, const QByteArray &charset, ParseProblems &problems)
{
    const QString name = ParseProblems::token(charset.constData());
    switch (issue) {
    case CharsetDecoder::Issue::None:
        break;
    case CharsetDecoder::Issue::UnknownCharset:
        problems.add(QStringLiteral("unknown charset %1 in body; decoded by guessing").arg(name));
        break;
    case CharsetDecoder::Issue::InvalidBytes:
        problems.add(QStringLiteral("bytes invalid in charset %1 in body").arg(name));
        break;
    case CharsetDecoder::Issue::Undeclared8Bit:
        problems.add(QStringLiteral("8-bit body text without a charset; decoded by guessing"));
        break;
    }
}

// LF line ends and no control characters: the index and the snippet should not see them.
QString cleanText(const QString &text)
{
    QString clean;
    clean.reserve(text.size());
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = text[i].unicode();
        if (c == u'\r') {
            if (i + 1 < n && text[i + 1] == u'\n')
                continue;
            clean += u'\n';
        } else if ((c < 0x20 && c != u'\n' && c != u'\t') || (c >= 0x7F && c <= 0x9F)) {
            continue;
        } else {
            clean += QChar(c);
        }
    }
    return clean.trimmed();
}

} // namespace

void MimeBodyWalker::walk(GMimeObject *root)
{
    if (root)
        visit(root, true, 0);
    if (m_body.size() > kMaxIndexedBodyChars) {
        m_body.truncate(kMaxIndexedBodyChars);
        if (m_body.back().isHighSurrogate())
            m_body.chop(1);
    }
}

void MimeBodyWalker::visit(GMimeObject *object, bool wantText, int depth)
{
    if (depth > kMaxDepth) {
        m_problems.add(QStringLiteral("MIME structure nested deeper than %1; rest skipped").arg(kMaxDepth));
        return;
    }
    if (GMIME_IS_MULTIPART(object))
        visitMultipart(GMIME_MULTIPART(object), wantText, depth);
    else if (GMIME_IS_MESSAGE_PART(object))
        visitMessagePart(GMIME_MESSAGE_PART(object));
    else if (GMIME_IS_PART(object))
        visitLeaf(GMIME_PART(object), wantText);
}

void MimeBodyWalker::visitMultipart(GMimeMultipart *multipart, bool wantText, int depth)
{
    // Without the key there is nothing to read, and its control parts are not attachments anyone sent.
    if (GMIME_IS_MULTIPART_ENCRYPTED(multipart))
        return;
    // The signature part is a detail of the transport, not an attachment.
    if (GMIME_IS_MULTIPART_SIGNED(multipart)) {
        if (g_mime_multipart_get_count(multipart) > GMIME_MULTIPART_SIGNED_CONTENT)
            visit(g_mime_multipart_get_part(multipart, GMIME_MULTIPART_SIGNED_CONTENT), wantText, depth + 1);
        return;
    }
    GMimeContentType *type = g_mime_object_get_content_type(GMIME_OBJECT(multipart));
    const char *subtype = type ? g_mime_content_type_get_media_subtype(type) : nullptr;
    const bool alternative = subtype && g_ascii_strcasecmp(subtype, "alternative") == 0;
    const int chosen = alternative ? chooseAlternative(multipart) : -1;
    const int count = g_mime_multipart_get_count(multipart);
    for (int i = 0; i < count; ++i)
        visit(g_mime_multipart_get_part(multipart, i), wantText && (chosen < 0 || i == chosen), depth + 1);
}

void MimeBodyWalker::visitMessagePart(GMimeMessagePart *part)
{
    GMimeObject *object = GMIME_OBJECT(part);
    GMimeMessage *message = g_mime_message_part_get_message(part);
    QString fileName = gmime::toQString(g_mime_object_get_content_disposition_parameter(object, "filename"));
    if (fileName.isEmpty())
        fileName = gmime::toQString(g_mime_object_get_content_type_parameter(object, "name"));
    if (fileName.isEmpty()) {
        // Named the way mail clients save a message to disk.
        const QString subject = message ? gmime::toQString(g_mime_message_get_subject(message)).trimmed() : QString();
        fileName = (subject.isEmpty() ? QStringLiteral("message") : subject) + QStringLiteral(".eml");
    }
    qint64 size = 0;
    if (message) {
        const gmime::ObjectPtr<GMimeStream> counter(g_mime_stream_null_new());
        if (g_mime_object_write_to_stream(GMIME_OBJECT(message), nullptr, counter.get()) >= 0)
            size = qint64(GMIME_STREAM_NULL(counter.get())->written);
    } else {
        m_problems.add(QStringLiteral("attached message without content"));
    }
    m_attachments.append({CharsetDecoder::repairC1Controls(fileName), gmime::mimeTypeOf(object), size});
}

void MimeBodyWalker::visitLeaf(GMimePart *part, bool wantText)
{
    GMimeObject *object = GMIME_OBJECT(part);
    const QString mimeType = gmime::mimeTypeOf(object);
    if (isAttachment(part)) {
        const PartContent content = PartContentReader::read(part, PartContentReader::Keep::SizeOnly);
        if (!content.encodingProblem.isEmpty())
            m_problems.add(content.encodingProblem + QStringLiteral(" (attachment)"));
        m_attachments.append({fileNameOf(part), mimeType, content.size});
        return;
    }
    if (!wantText || bodyFull() || !isBodyText(mimeType))
        return;

    const PartContent content = PartContentReader::read(part, PartContentReader::Keep::Bytes);
    if (!content.encodingProblem.isEmpty())
        m_problems.add(content.encodingProblem);
    QByteArray charset(g_mime_object_get_content_type_parameter(object, "charset"));
    if (looksBinary(content.bytes, charset)) {
        m_problems.add(QStringLiteral("binary data in a %1 part; not indexed").arg(mimeType));
        return;
    }
    if (charset.isEmpty() && mimeType == u"text/html")
        charset = HtmlText::sniffCharset(content.bytes);
    const CharsetDecoder::Result decoded = CharsetDecoder::decode(content.bytes, charset);
    reportCharsetIssue(decoded.issue, charset, m_problems);
    appendText(isMarkup(mimeType) ? HtmlText::toPlainText(decoded.text) : decoded.text);
}

void MimeBodyWalker::appendText(const QString &text)
{
    const QString clean = cleanText(text);
    if (clean.isEmpty())
        return;
    if (!m_body.isEmpty())
        m_body += u'\n';
    m_body += clean;
}

} // namespace vaulttray
