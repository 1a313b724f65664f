// Turns one framed response (lines + literals, see responseparser.h) into an ImapResponse. Grammar: RFC 3501 §9
// with RFC 7162 (MODSEQ, VANISHED) and RFC 4731 (ESEARCH) shapes falling out of the generic value syntax.
#include "net/imap/responsetokenizer.h"

#include <limits>

namespace vaulttray {
namespace imaptokenizer {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isLetter(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// Atom terminators outside a [section]. Everything else, 8-bit and control bytes included, is tolerated in an
// atom: servers put raw UTF-8 in flags and mailbox names.
bool endsAtom(char c)
{
    return c == ' ' || c == '(' || c == ')' || c == '{' || c == '"' || c == ']';
}

std::optional<ImapStatus> statusFromWord(const QByteArray &upper)
{
    if (upper == "OK")
        return ImapStatus::Ok;
    if (upper == "NO")
        return ImapStatus::No;
    if (upper == "BAD")
        return ImapStatus::Bad;
    if (upper == "BYE")
        return ImapStatus::Bye;
    if (upper == "PREAUTH")
        return ImapStatus::PreAuth;
    return std::nullopt;
}

// A decimal number as IMAP spells one: no sign, no leading zero (so "007", a valid mailbox name, stays an atom).
std::optional<quint64> canonicalNumber(const QByteArray &text)
{
    if (text.isEmpty() || (text.size() > 1 && text.at(0) == '0'))
        return std::nullopt;
    quint64 value = 0;
    for (const char c : text) {
        if (!isDigit(c))
            return std::nullopt;
        const quint64 digit = quint64(c - '0');
        if (value > (std::numeric_limits<quint64>::max() - digit) / 10)
            return std::nullopt;
        value = value * 10 + digit;
    }
    return value;
}

class Tokenizer
{
public:
    Tokenizer(const QList<QByteArray> &lines, const QList<QByteArray> &literals) : m_lines(lines), m_literals(literals)
    {
    }

    ImapResponse parse();

private:
    const QByteArray &line() const { return m_lines.at(m_seg); }
    bool atSegmentEnd() const { return m_pos >= line().size(); }
    bool atEnd() const { return atSegmentEnd() && m_seg == m_lines.size() - 1; }
    char peek() const { return line().at(m_pos); }
    void skipSpaces()
    {
        while (!atSegmentEnd() && peek() == ' ')
            ++m_pos;
    }
    bool fail(const char *detail)
    {
        if (m_error.isEmpty())
            m_error = detail;
        return false;
    }

    QByteArray readWord(); // letters only: status keywords, so that "OK[ALERT]" splits
    QByteArray readAtomText();
    bool readValue(ImapValue &out, int depth);
    bool readList(ImapValue &out, int depth);
    bool readQuoted(ImapValue &out);
    bool readLiteral(ImapValue &out);
    bool readValuesToEnd(QList<ImapValue> &out);
    bool readStatus(ImapResponse &r);
    bool readCode(ImapResponse &r);

    const QList<QByteArray> &m_lines;
    const QList<QByteArray> &m_literals;
    qsizetype m_seg = 0;
    qsizetype m_pos = 0;
    QByteArray m_error;
};

QByteArray Tokenizer::readWord()
{
    const qsizetype start = m_pos;
    while (!atSegmentEnd() && isLetter(peek()))
        ++m_pos;
    return line().mid(start, m_pos - start).toUpper();
}

QByteArray Tokenizer::readAtomText()
{
    const qsizetype start = m_pos;
    bool inSection = false; // BODY[HEADER.FIELDS (DATE FROM)]<0> is one atom, spaces and parentheses included
    while (!atSegmentEnd()) {
        const char c = peek();
        if (inSection) {
            if (c == ']')
                inSection = false;
        } else if (c == '[') {
            inSection = true;
        } else if (endsAtom(c)) {
            break;
        }
        ++m_pos;
    }
    return line().mid(start, m_pos - start);
}

bool Tokenizer::readQuoted(ImapValue &out)
{
    ++m_pos; // opening quote
    QByteArray bytes;
    while (!atSegmentEnd()) {
        const char c = peek();
        ++m_pos;
        if (c == '"') {
            out = ImapValue::quoted(bytes);
            return true;
        }
        if (c == '\\' && !atSegmentEnd()) {
            const char escaped = peek();
            ++m_pos;
            // Only quoted-specials may be escaped; keep any other pair as sent rather than guess.
            if (escaped != '"' && escaped != '\\')
                bytes += c;
            bytes += escaped;
            continue;
        }
        bytes += c;
    }
    return fail("unterminated quoted string");
}

bool Tokenizer::readLiteral(ImapValue &out)
{
    // The framer has checked the marker's syntax and size; here it must end the segment and own a literal.
    const qsizetype close = line().indexOf('}', m_pos);
    if (close != line().size() - 1 || m_seg >= m_literals.size())
        return fail("bad literal marker");
    out = ImapValue::literal(m_literals.at(m_seg));
    ++m_seg;
    m_pos = 0;
    return true;
}

bool Tokenizer::readList(ImapValue &out, int depth)
{
    if (depth >= kMaxNestingDepth)
        return fail("lists nested too deeply");
    ++m_pos; // '('
    QList<ImapValue> items;
    for (;;) {
        skipSpaces();
        if (atSegmentEnd())
            return fail("unbalanced parenthesis");
        if (peek() == ')') {
            ++m_pos;
            out = ImapValue::list(std::move(items));
            return true;
        }
        ImapValue item;
        if (!readValue(item, depth + 1))
            return false;
        items.append(std::move(item));
    }
}

bool Tokenizer::readValue(ImapValue &out, int depth)
{
    if (atSegmentEnd())
        return fail("value expected");
    const char c = peek();
    if (c == '(')
        return readList(out, depth);
    if (c == '"')
        return readQuoted(out);
    if (c == '{' || (c == '~' && m_pos + 1 < line().size() && line().at(m_pos + 1) == '{'))
        return readLiteral(out);
    if (c == ')')
        return fail("unbalanced parenthesis");
    const QByteArray text = readAtomText();
    if (text.isEmpty())
        return fail("unexpected character");
    if (const auto n = canonicalNumber(text))
        out = ImapValue::number(*n, text);
    else if (text.compare("NIL", Qt::CaseInsensitive) == 0)
        out = ImapValue::nil(text);
    else
        out = ImapValue::atom(text);
    return true;
}

bool Tokenizer::readValuesToEnd(QList<ImapValue> &out)
{
    for (;;) {
        skipSpaces();
        if (atEnd())
            return true;
        ImapValue v;
        if (!readValue(v, 0))
            return false;
        out.append(std::move(v));
    }
}

bool Tokenizer::readCode(ImapResponse &r)
{
    const qsizetype open = m_pos;
    ++m_pos; // '['
    const qsizetype nameStart = m_pos;
    while (!atSegmentEnd() && peek() != ' ' && peek() != ']')
        ++m_pos;
    r.code = line().mid(nameStart, m_pos - nameStart).toUpper();
    bool argsOk = true;
    for (;;) {
        skipSpaces();
        if (atSegmentEnd()) {
            argsOk = false;
            break;
        }
        if (peek() == ']')
            break;
        ImapValue v;
        if (!readValue(v, 0)) {
            argsOk = false;
            break;
        }
        r.codeArgs.append(std::move(v));
    }
    if (argsOk) {
        r.codeRaw = line().mid(open + 1, m_pos - open - 1);
        ++m_pos; // ']'
        return true;
    }
    // Arguments that do not tokenise ([REFERRAL imap://...], vendor codes): keep them only as raw text, up to the
    // first ']' — the code name still classifies the response.
    m_error.clear();
    r.codeArgs.clear();
    const qsizetype close = line().indexOf(']', open);
    if (close < 0)
        return fail("unterminated response code");
    r.codeRaw = line().mid(open + 1, close - open - 1);
    m_pos = close + 1;
    return true;
}

bool Tokenizer::readStatus(ImapResponse &r)
{
    skipSpaces();
    if (!atSegmentEnd() && peek() == '[' && !readCode(r))
        return false;
    skipSpaces();
    r.text = line().mid(m_pos);
    m_pos = line().size();
    return true;
}

ImapResponse Tokenizer::parse()
{
    ImapResponse r;
    const QByteArray &first = m_lines.constFirst();
    if (first.startsWith('+')) {
        r.kind = ImapResponse::Kind::Continuation;
        r.text = first.mid(first.startsWith("+ ") ? 2 : 1);
        return r;
    }
    const qsizetype space = first.indexOf(' ');
    if (space <= 0)
        return parseError(first, "no tag");
    const QByteArray tag = first.left(space);
    m_pos = space;
    skipSpaces();
    if (tag == "*") {
        r.kind = ImapResponse::Kind::Untagged;
        if (!atSegmentEnd() && isDigit(peek())) {
            const qsizetype start = m_pos;
            while (!atSegmentEnd() && isDigit(peek()))
                ++m_pos;
            r.number = canonicalNumber(line().mid(start, m_pos - start));
            if (!r.number)
                return parseError(first, "bad message number");
            skipSpaces();
        }
        const qsizetype nameStart = m_pos;
        QByteArray word = readWord();
        if (!r.number)
            r.status = statusFromWord(word);
        if (r.status) {
            r.name = word;
        } else {
            m_pos = nameStart; // names such as X-GM-EXT-1 or ESEARCH are atoms, not just letters
            r.name = readAtomText().toUpper();
            if (r.name.isEmpty())
                return parseError(first, "response name expected");
        }
    } else {
        r.kind = ImapResponse::Kind::Tagged;
        r.tag = tag;
        r.name = readWord();
        r.status = statusFromWord(r.name);
        if (!r.status || *r.status == ImapStatus::PreAuth)
            return parseError(first, "tagged response without OK, NO or BAD");
    }
    const bool ok = r.status ? readStatus(r) : readValuesToEnd(r.args);
    if (!ok)
        return parseError(first, m_error);
    if (!atEnd())
        return parseError(first, "unexpected data after the response");
    return r;
}

} // namespace

ImapResponse parseError(const QByteArray &line, const QByteArray &detail)
{
    ImapResponse r;
    r.kind = ImapResponse::Kind::ParseError;
    r.errorLine = line.left(kMaxErrorLineBytes);
    r.errorDetail = detail;
    return r;
}

qsizetype trailingLiteralSize(const QByteArray &line, qsizetype maxSize)
{
    if (!line.endsWith('}'))
        return -1;
    qsizetype i = line.size() - 2;
    if (i >= 0 && line.at(i) == '+') // RFC 7888 non-synchronising form
        --i;
    const qsizetype digitsEnd = i + 1;
    while (i >= 0 && isDigit(line.at(i)))
        --i;
    if (i < 0 || line.at(i) != '{' || i + 1 == digitsEnd)
        return -1;
    qsizetype size = 0;
    for (qsizetype d = i + 1; d < digitsEnd; ++d) {
        size = size * 10 + (line.at(d) - '0');
        if (size > maxSize)
            return -2;
    }
    return size;
}

bool isFreeTextLine(const QByteArray &line)
{
    if (line.startsWith('+'))
        return true;
    const qsizetype space = line.indexOf(' ');
    if (space <= 0)
        return false;
    qsizetype p = space;
    while (p < line.size() && line.at(p) == ' ')
        ++p;
    const qsizetype start = p;
    while (p < line.size() && isLetter(line.at(p)))
        ++p;
    return statusFromWord(line.mid(start, p - start).toUpper()).has_value();
}

ImapResponse parseResponse(const QList<QByteArray> &lines, const QList<QByteArray> &literals)
{
    if (lines.isEmpty() || lines.size() != literals.size() + 1)
        return parseError(lines.value(0), "incomplete response");
    return Tokenizer(lines, literals).parse();
}

} // namespace imaptokenizer
} // namespace vaulttray
