#include "mail/partcontent.h"

namespace vaulttray {

namespace {

constexpr gsize kReadChunkBytes = 64 * 1024;

bool isBase64Alphabet(uchar c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
}

bool isHexDigit(uchar c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
}

class Base64Check
{
public:
    void feed(const uchar *data, gssize length)
    {
        for (gssize i = 0; i < length; ++i) {
            const uchar c = data[i];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
                continue;
            if (c == '=') {
                ++m_padding;
            } else if (!isBase64Alphabet(c)) {
                m_invalidChars = true;
            } else if (m_padding > 0) {
                m_dataAfterPadding = true;
            } else {
                ++m_significant;
            }
        }
    }

    QString problem() const
    {
        if (m_invalidChars)
            return QStringLiteral("invalid characters in base64 content");
        if (m_dataAfterPadding)
            return QStringLiteral("data after base64 padding");
        // A lone trailing character carries fewer than 8 bits: the content was cut.
        if (m_significant % 4 == 1)
            return QStringLiteral("truncated base64 content");
        return {};
    }

private:
    qint64 m_significant = 0;
    qint64 m_padding = 0;
    bool m_invalidChars = false;
    bool m_dataAfterPadding = false;
};

class QuotedPrintableCheck
{
public:
    void feed(const uchar *data, gssize length)
    {
        for (gssize i = 0; i < length; ++i)
            step(data[i]);
    }

    QString problem() const
    {
        if (m_badEscapes > 0 || m_state == State::AfterHexDigit)
            return QStringLiteral("invalid quoted-printable escapes");
        return {};
    }

private:
    enum class State { Text, AfterEquals, AfterHexDigit, SoftBreak };

    void step(uchar c)
    {
        switch (m_state) {
        case State::Text:
            break;
        case State::AfterEquals:
            if (isHexDigit(c)) {
                m_state = State::AfterHexDigit;
                return;
            }
            if (c == '\n') {
                m_state = State::Text;
                return;
            }
            // GMime's decoder reads "=" + blanks + newline as text, not as a soft break, so those count.
            if (c == '\r') {
                m_state = State::SoftBreak;
                return;
            }
            ++m_badEscapes;
            break;
        case State::AfterHexDigit:
            m_state = State::Text;
            if (isHexDigit(c))
                return;
            ++m_badEscapes;
            break;
        case State::SoftBreak:
            m_state = State::Text;
            if (c == '\n')
                return;
            ++m_badEscapes;
            break;
        }
        m_state = c == '=' ? State::AfterEquals : State::Text;
    }

    State m_state = State::Text;
    qint64 m_badEscapes = 0;
};

QString checkEncoding(GMimeDataWrapper *content, GMimeContentEncoding encoding)
{
    GMimeStream *raw = g_mime_data_wrapper_get_stream(content);
    if (!raw || g_mime_stream_reset(raw) < 0)
        return {};
    Base64Check base64;
    QuotedPrintableCheck quotedPrintable;
    uchar buffer[kReadChunkBytes];
    gssize n = 0;
    while ((n = g_mime_stream_read(raw, reinterpret_cast<char *>(buffer), sizeof(buffer))) > 0) {
        if (encoding == GMIME_CONTENT_ENCODING_BASE64)
            base64.feed(buffer, n);
        else
            quotedPrintable.feed(buffer, n);
    }
    g_mime_stream_reset(raw);
    return encoding == GMIME_CONTENT_ENCODING_BASE64 ? base64.problem() : quotedPrintable.problem();
}

} // namespace

PartContent PartContentReader::read(GMimePart *part, Keep keep)
{
    PartContent result;
    const GMimeContentEncoding encoding = g_mime_part_get_content_encoding(part);
    if (encoding == GMIME_CONTENT_ENCODING_DEFAULT &&
        g_mime_object_get_header(GMIME_OBJECT(part), "Content-Transfer-Encoding")) {
        result.encodingProblem = QStringLiteral("unknown content-transfer-encoding; content read as is");
    }
    GMimeDataWrapper *content = g_mime_part_get_content(part);
    if (!content)
        return result;

    if (encoding == GMIME_CONTENT_ENCODING_BASE64 || encoding == GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE)
        result.encodingProblem = checkEncoding(content, encoding);

    if (keep == Keep::Bytes) {
        const gmime::ObjectPtr<GMimeStream> memory(g_mime_stream_mem_new());
        if (g_mime_data_wrapper_write_to_stream(content, memory.get()) < 0) {
            result.encodingProblem = QStringLiteral("part content could not be read");
            return result;
        }
        const GByteArray *decoded = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(memory.get()));
        result.bytes = QByteArray(reinterpret_cast<const char *>(decoded->data), qsizetype(decoded->len));
        result.size = result.bytes.size();
    } else {
        const gmime::ObjectPtr<GMimeStream> counter(g_mime_stream_null_new());
        if (g_mime_data_wrapper_write_to_stream(content, counter.get()) < 0)
            result.encodingProblem = QStringLiteral("part content could not be read");
        result.size = qint64(GMIME_STREAM_NULL(counter.get())->written);
    }
    return result;
}

} // namespace vaulttray
