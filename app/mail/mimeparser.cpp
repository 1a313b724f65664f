#include "mail/mimeparser.h"

#include "core/logging.h"
#include "mail/charsetdecoder.h"
#include "mail/gmimeutil.h"
#include "mail/mimebodywalker.h"
#include "mail/parseproblems.h"

#include <cctype>
#include <cstring>
#include <memory>

namespace vaulttray {

namespace {

// Raw 8-bit headers carry no charset. GMime tries these in order, as its documentation advises: UTF-8
// first, and last a charset that accepts every byte.
const char *kFallbackCharsets[] = {"UTF-8", "windows-1252", "iso-8859-1", nullptr};

constexpr const char *kEncodedWordHeaders[] = {"Subject", "From", "To", "Cc", "Bcc", "Reply-To"};
constexpr qsizetype kMaxCharsetLabelLength = 64;

QString warningText(GMimeParserWarning code, const char *item)
{
    // `item` is a header or parameter name for some codes and a piece of the message for others; only the
    // names are quoted.
    const QString name = ParseProblems::token(item);
    switch (code) {
    case GMIME_WARN_DUPLICATED_HEADER:
        return QStringLiteral("duplicated header %1").arg(name);
    case GMIME_WARN_DUPLICATED_PARAMETER:
        return QStringLiteral("duplicated parameter %1").arg(name);
    case GMIME_WARN_UNENCODED_8BIT_HEADER:
        return QStringLiteral("unencoded 8-bit header %1").arg(name);
    case GMIME_WARN_INVALID_CONTENT_TYPE:
        return QStringLiteral("invalid Content-Type");
    case GMIME_WARN_INVALID_RFC2047_HEADER_VALUE:
        return QStringLiteral("invalid RFC 2047 header value");
    case GMIME_WARN_MALFORMED_MULTIPART:
        return QStringLiteral("malformed multipart");
    case GMIME_WARN_TRUNCATED_MESSAGE:
        return QStringLiteral("truncated message");
    case GMIME_WARN_MALFORMED_MESSAGE:
        return QStringLiteral("malformed message");
    case GMIME_CRIT_INVALID_HEADER_NAME:
        return QStringLiteral("invalid header line skipped");
    case GMIME_CRIT_CONFLICTING_HEADER:
        return QStringLiteral("conflicting header %1").arg(name);
    case GMIME_CRIT_CONFLICTING_PARAMETER:
        return QStringLiteral("conflicting parameter %1").arg(name);
    case GMIME_CRIT_MULTIPART_WITHOUT_BOUNDARY:
        return QStringLiteral("multipart without boundary");
    case GMIME_WARN_INVALID_PARAMETER:
        return QStringLiteral("invalid parameter %1").arg(name);
    case GMIME_WARN_INVALID_ADDRESS_LIST:
        return QStringLiteral("invalid address list");
    case GMIME_CRIT_NESTING_OVERFLOW:
        return QStringLiteral("MIME nesting overflow");
    case GMIME_WARN_PART_WITHOUT_CONTENT:
        return QStringLiteral("part without content");
    case GMIME_CRIT_PART_WITHOUT_HEADERS_OR_CONTENT:
        return QStringLiteral("part without headers or content");
    }
    return QStringLiteral("parser warning %1").arg(int(code));
}

void onParserWarning(gint64, GMimeParserWarning code, const gchar *item, gpointer problems)
{
    static_cast<ParseProblems *>(problems)->add(warningText(code, item));
}

struct OptionsFree
{
    void operator()(GMimeParserOptions *options) const { g_mime_parser_options_free(options); }
};
using OptionsPtr = std::unique_ptr<GMimeParserOptions, OptionsFree>;

OptionsPtr makeOptions(ParseProblems &problems)
{
    OptionsPtr options(g_mime_parser_options_new());
    g_mime_parser_options_set_rfc2047_compliance_mode(options.get(), GMIME_RFC_COMPLIANCE_LOOSE);
    g_mime_parser_options_set_address_compliance_mode(options.get(), GMIME_RFC_COMPLIANCE_LOOSE);
    g_mime_parser_options_set_parameter_compliance_mode(options.get(), GMIME_RFC_COMPLIANCE_LOOSE);
    g_mime_parser_options_set_fallback_charsets(options.get(), kFallbackCharsets);
    g_mime_parser_options_set_warning_callback(options.get(), onParserWarning, &problems);
    return options;
}

gmime::ObjectPtr<GMimeMessage> constructMessage(const QByteArray &raw, GMimeParserOptions *options)
{
    const gmime::ObjectPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(raw.constData(), size_t(raw.size())));
    const gmime::ObjectPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
    g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
    return gmime::ObjectPtr<GMimeMessage>(g_mime_parser_construct_message(parser.get(), options));
}

void appendAddresses(InternetAddressList *list, QList<MailAddress> &out)
{
    if (!list)
        return;
    const int count = internet_address_list_length(list);
    for (int i = 0; i < count; ++i) {
        InternetAddress *address = internet_address_list_get_address(list, i);
        if (INTERNET_ADDRESS_IS_GROUP(address)) {
            // Groups cannot nest (RFC 5322 3.4), so this recursion is one level deep.
            appendAddresses(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(address)), out);
        } else if (INTERNET_ADDRESS_IS_MAILBOX(address)) {
            out.append(
                {CharsetDecoder::repairC1Controls(gmime::toQString(internet_address_get_name(address))).trimmed(),
                 gmime::toQString(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(address)))});
        }
    }
}

QList<MailAddress> addresses(InternetAddressList *list)
{
    QList<MailAddress> out;
    appendAddresses(list, out);
    return out;
}

// For ids GMime could not parse: "<a@b>" or a bare "a@b" is still usable, prose is not.
QString bareMessageId(const char *value)
{
    QString id = gmime::toQString(value).trimmed();
    if (id.startsWith(u'<'))
        id.remove(0, 1);
    if (id.endsWith(u'>'))
        id.chop(1);
    for (const QChar c : std::as_const(id)) {
        if (c.isSpace() || c == u'<' || c == u'>')
            return {};
    }
    return id;
}

QStringList messageIds(GMimeParserOptions *options, const char *value)
{
    QStringList ids;
    if (!value)
        return ids;
    GMimeReferences *references = g_mime_references_parse(options, value);
    if (!references)
        return ids;
    const int count = g_mime_references_length(references);
    for (int i = 0; i < count; ++i) {
        const QString id = gmime::toQString(g_mime_references_get_message_id(references, i));
        // Some clients repeat ids; the thread builder wants each ancestor once, in order.
        if (!id.isEmpty() && !ids.contains(id))
            ids.append(id);
    }
    g_mime_references_free(references);
    return ids;
}

bool isValidEncodedText(char encoding, const QByteArray &text)
{
    if (encoding == 'B') {
        for (const char c : text) {
            const bool alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                                  c == '+' || c == '/' || c == '=';
            if (!alphabet)
                return false;
        }
        return text.size() % 4 != 1;
    }
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] != '=')
            continue;
        if (i + 2 >= text.size() || !std::isxdigit(uchar(text[i + 1])) || !std::isxdigit(uchar(text[i + 2])))
            return false;
        i += 2;
    }
    return true;
}

// GMime decodes RFC 2047 encoded words as best it can and says nothing when a charset is unknown or the
// payload is broken; the raw header still shows it.
void checkEncodedWords(GMimeObject *object, const char *headerName, ParseProblems &problems)
{
    GMimeHeader *header = g_mime_header_list_get_header(g_mime_object_get_header_list(object), headerName);
    const char *raw = header ? g_mime_header_get_raw_value(header) : nullptr;
    if (!raw)
        return;
    const QByteArray value = QByteArray::fromRawData(raw, qsizetype(std::strlen(raw)));
    qsizetype start = 0;
    while ((start = value.indexOf("=?", start)) >= 0) {
        const qsizetype charsetEnd = value.indexOf('?', start + 2);
        if (charsetEnd < 0 || charsetEnd - start - 2 > kMaxCharsetLabelLength || charsetEnd + 2 >= value.size() ||
            value[charsetEnd + 2] != '?') {
            start += 2;
            continue;
        }
        const char encoding = char(std::toupper(uchar(value[charsetEnd + 1])));
        const qsizetype end = value.indexOf("?=", charsetEnd + 3);
        if ((encoding != 'B' && encoding != 'Q') || end < 0) {
            start += 2;
            continue;
        }
        QByteArray charset = value.mid(start + 2, charsetEnd - start - 2);
        charset.truncate(charset.indexOf('*') < 0 ? charset.size() : charset.indexOf('*')); // RFC 2231 language
        const QByteArray text = value.mid(charsetEnd + 3, end - charsetEnd - 3);
        if (!CharsetDecoder::isKnown(charset)) {
            problems.add(QStringLiteral("unknown charset %1 in encoded word in %2")
                             .arg(ParseProblems::token(charset.constData()), QLatin1String(headerName)));
        } else if (!isValidEncodedText(encoding, text)) {
            problems.add(QStringLiteral("broken encoded word in %1").arg(QLatin1String(headerName)));
        }
        start = end + 2;
    }
}

void readHeaders(GMimeMessage *message, GMimeParserOptions *options, ParsedMessage &out, ParseProblems &problems)
{
    GMimeObject *object = GMIME_OBJECT(message);
    for (const char *name : kEncodedWordHeaders)
        checkEncodedWords(object, name, problems);

    out.subject = CharsetDecoder::repairC1Controls(gmime::toQString(g_mime_message_get_subject(message)));
    out.from = addresses(g_mime_message_get_from(message));
    out.to = addresses(g_mime_message_get_to(message));
    out.cc = addresses(g_mime_message_get_cc(message));
    out.bcc = addresses(g_mime_message_get_bcc(message));
    out.replyTo = addresses(g_mime_message_get_reply_to(message));

    if (GDateTime *date = g_mime_message_get_date(message))
        out.date = QDateTime::fromSecsSinceEpoch(g_date_time_to_unix(date), Qt::UTC);
    else if (g_mime_object_get_header(object, "Date"))
        problems.add(QStringLiteral("unparsable Date header"));

    const char *messageId = g_mime_message_get_message_id(message);
    out.messageId =
        messageId ? gmime::toQString(messageId) : bareMessageId(g_mime_object_get_header(object, "Message-ID"));

    const char *inReplyTo = g_mime_object_get_header(object, "In-Reply-To");
    const QStringList parents = messageIds(options, inReplyTo);
    out.inReplyTo = parents.isEmpty() ? bareMessageId(inReplyTo) : parents.first();
    out.references = messageIds(options, g_mime_object_get_header(object, "References"));
}

QString snippetOf(const QString &body)
{
    QString snippet;
    snippet.reserve(kSnippetChars);
    bool pendingSpace = false;
    for (const QChar c : body) {
        if (c.isSpace()) {
            pendingSpace = !snippet.isEmpty();
            continue;
        }
        if (pendingSpace && snippet.size() < kSnippetChars)
            snippet += u' ';
        pendingSpace = false;
        if (snippet.size() >= kSnippetChars)
            break;
        snippet += c;
    }
    if (!snippet.isEmpty() && snippet.back().isHighSurrogate())
        snippet.chop(1);
    return snippet.trimmed();
}

} // namespace

QString ParsedMessage::peopleText() const
{
    QStringList words;
    for (const QList<MailAddress> *list : {&from, &to, &cc, &bcc}) {
        for (const MailAddress &address : *list) {
            if (!address.name.isEmpty())
                words.append(address.name);
            if (!address.address.isEmpty())
                words.append(address.address);
        }
    }
    return words.join(u' ');
}

QString MimeParser::decodeHeaderText(const QByteArray &value)
{
    gmime::ensureInitialised();
    ParseProblems problems;
    const OptionsPtr options = makeOptions(problems);
    const gmime::CharPtr text(g_mime_utils_header_decode_text(options.get(), value.constData()));
    return CharsetDecoder::repairC1Controls(gmime::toQString(text.get()));
}

ParsedMessage MimeParser::parse(const QByteArray &raw)
{
    gmime::ensureInitialised();
    ParsedMessage result;
    ParseProblems problems;

    if (raw.isEmpty()) {
        problems.add(QStringLiteral("empty input"));
    } else {
        // Declared before the message: GMime objects may refer to their options until they are unreferenced.
        const OptionsPtr options = makeOptions(problems);
        gmime::ObjectPtr<GMimeMessage> message = constructMessage(raw, options.get());
        if (!message) {
            // GMime gives up when the first line is not a header; whatever text there is still belongs in the
            // index, so read the input again as a body without headers.
            problems.add(QStringLiteral("no header block; input read as body"));
            message = constructMessage(QByteArray(1, '\n') + raw, options.get());
        }
        if (message) {
            readHeaders(message.get(), options.get(), result, problems);
            MimeBodyWalker walker(problems);
            walker.walk(g_mime_message_get_mime_part(message.get()));
            result.bodyText = walker.bodyText();
            result.attachments = walker.attachments();
        } else {
            problems.add(QStringLiteral("not a message"));
        }
    }

    result.snippet = snippetOf(result.bodyText);
    result.problems = problems.count();
    result.problemDetails = problems.details();
    if (result.problems > 0)
        qCDebug(lcMail) << "parsed" << raw.size() << "bytes with" << result.problems
                        << "problems:" << result.problemDetails;
    return result;
}

} // namespace vaulttray
