#include "mail/htmltext.h"

#include "mail/charsetdecoder.h"

#include <QHash>

namespace vaulttray {

namespace {

// <meta charset> must sit in the first 1024 bytes per HTML5; real mail is sloppier.
constexpr qsizetype kCharsetSniffBytes = 4096;
constexpr qsizetype kMaxEntityNameLength = 32;
constexpr char32_t kReplacementCharacter = 0xFFFD;
constexpr char32_t kMaxCodePoint = 0x10FFFF;

// HTML 4 names for U+00A0..U+00FF, in code point order.
constexpr const char *kLatin1EntityNames[96] = {
    "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",   "uml",    "copy",   "ordf",
    "laquo",  "not",    "shy",    "reg",    "macr",   "deg",    "plusmn", "sup2",   "sup3",   "acute",  "micro",
    "para",   "middot", "cedil",  "sup1",   "ordm",   "raquo",  "frac14", "frac12", "frac34", "iquest", "Agrave",
    "Aacute", "Acirc",  "Atilde", "Auml",   "Aring",  "AElig",  "Ccedil", "Egrave", "Eacute", "Ecirc",  "Euml",
    "Igrave", "Iacute", "Icirc",  "Iuml",   "ETH",    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde", "Ouml",
    "times",  "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",  "szlig",  "agrave", "aacute",
    "acirc",  "atilde", "auml",   "aring",  "aelig",  "ccedil", "egrave", "eacute", "ecirc",  "euml",   "igrave",
    "iacute", "icirc",  "iuml",   "eth",    "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide",
    "oslash", "ugrave", "uacute", "ucirc",  "uuml",   "yacute", "thorn",  "yuml",
};

struct NamedEntity
{
    const char *name;
    char32_t codePoint;
};

constexpr NamedEntity kOtherEntities[] = {
    {"amp", '&'},       {"lt", '<'},        {"gt", '>'},        {"quot", '"'},      {"apos", '\''},
    {"OElig", 0x0152},  {"oelig", 0x0153},  {"Scaron", 0x0160}, {"scaron", 0x0161}, {"Yuml", 0x0178},
    {"fnof", 0x0192},   {"circ", 0x02C6},   {"tilde", 0x02DC},  {"ensp", 0x2002},   {"emsp", 0x2003},
    {"thinsp", 0x2009}, {"zwnj", 0x200C},   {"zwj", 0x200D},    {"lrm", 0x200E},    {"rlm", 0x200F},
    {"ndash", 0x2013},  {"mdash", 0x2014},  {"lsquo", 0x2018},  {"rsquo", 0x2019},  {"sbquo", 0x201A},
    {"ldquo", 0x201C},  {"rdquo", 0x201D},  {"bdquo", 0x201E},  {"dagger", 0x2020}, {"Dagger", 0x2021},
    {"bull", 0x2022},   {"hellip", 0x2026}, {"permil", 0x2030}, {"prime", 0x2032},  {"Prime", 0x2033},
    {"lsaquo", 0x2039}, {"rsaquo", 0x203A}, {"euro", 0x20AC},   {"trade", 0x2122},  {"larr", 0x2190},
    {"uarr", 0x2191},   {"rarr", 0x2192},   {"darr", 0x2193},   {"harr", 0x2194},   {"minus", 0x2212},
    {"le", 0x2264},     {"ge", 0x2265},     {"ne", 0x2260},     {"infin", 0x221E},  {"hearts", 0x2665},
    {"Alpha", 0x0391},  {"alpha", 0x03B1},  {"beta", 0x03B2},   {"gamma", 0x03B3},  {"delta", 0x03B4},
    {"pi", 0x03C0},     {"mu", 0x03BC},     {"sigma", 0x03C3},  {"omega", 0x03C9},  {"Omega", 0x03A9},
};

// Senders still write these without the semicolon ("AT&T", "&nbsp foo"); browsers accept them bare.
bool acceptedWithoutSemicolon(const QString &name)
{
    return name == u"amp" || name == u"lt" || name == u"gt" || name == u"quot" || name == u"nbsp";
}

const QHash<QString, char32_t> &namedEntities()
{
    static const QHash<QString, char32_t> table = [] {
        QHash<QString, char32_t> entities;
        for (int i = 0; i < 96; ++i)
            entities.insert(QString::fromLatin1(kLatin1EntityNames[i]), char32_t(0xA0 + i));
        for (const NamedEntity &entity : kOtherEntities)
            entities.insert(QString::fromLatin1(entity.name), entity.codePoint);
        return entities;
    }();
    return table;
}

enum class ElementKind { Inline, Block, Paragraph, LineBreak, Cell, Preformatted, Hidden, Head };

ElementKind elementKind(const QString &name)
{
    static const QHash<QString, ElementKind> kinds = [] {
        QHash<QString, ElementKind> table;
        for (const char *block :
             {"address",  "article",    "aside",  "blockquote", "caption", "center", "dd", "div", "dl",   "dt",
              "fieldset", "figcaption", "figure", "footer",     "form",    "header", "hr", "li",  "main", "nav",
              "ol",       "section",    "table",  "tbody",      "tfoot",   "thead",  "tr", "ul",  "body", "html"})
            table.insert(QString::fromLatin1(block), ElementKind::Block);
        for (const char *paragraph : {"p", "h1", "h2", "h3", "h4", "h5", "h6"})
            table.insert(QString::fromLatin1(paragraph), ElementKind::Paragraph);
        // Content nobody reads: code, styling, and the document title the mail client never shows.
        for (const char *hidden : {"script", "style", "title", "template", "noscript", "xml"})
            table.insert(QString::fromLatin1(hidden), ElementKind::Hidden);
        table.insert(QStringLiteral("br"), ElementKind::LineBreak);
        table.insert(QStringLiteral("td"), ElementKind::Cell);
        table.insert(QStringLiteral("th"), ElementKind::Cell);
        table.insert(QStringLiteral("pre"), ElementKind::Preformatted);
        table.insert(QStringLiteral("head"), ElementKind::Head);
        return table;
    }();
    return kinds.value(name, ElementKind::Inline);
}

bool isHtmlSpace(char32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// Marketing mail pads its preview text with these; they are invisible and only split words.
bool isInvisible(char32_t c)
{
    return c == 0x00AD || c == 0x034F || (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF;
}

bool isAsciiLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

bool isAsciiAlphanumeric(QChar c)
{
    return isAsciiLetter(c) || (c >= u'0' && c <= u'9');
}

int digitValue(QChar c, bool hex)
{
    if (c >= u'0' && c <= u'9')
        return c.unicode() - u'0';
    if (hex && c >= u'a' && c <= u'f')
        return c.unicode() - u'a' + 10;
    if (hex && c >= u'A' && c <= u'F')
        return c.unicode() - u'A' + 10;
    return -1;
}

char32_t numericReference(char32_t value)
{
    if (value == 0 || value > kMaxCodePoint || (value >= 0xD800 && value <= 0xDFFF))
        return kReplacementCharacter;
    // HTML5: references to C1 controls mean the windows-1252 character, as legacy pages intended.
    if (value >= 0x80 && value <= 0x9F)
        return CharsetDecoder::windows1252ToUnicode(uchar(value));
    return value;
}

class Converter
{
public:
    explicit Converter(QStringView html) : m_html(html) {}

    QString run()
    {
        m_out.reserve(m_html.size() / 2);
        qsizetype i = 0;
        while (i < m_html.size()) {
            const QChar c = m_html[i];
            if (c == u'<') {
                i = markup(i);
            } else if (c == u'&') {
                i = reference(i);
            } else {
                character(c.unicode());
                ++i;
            }
        }
        return finished();
    }

private:
    void character(char32_t c)
    {
        if (isInvisible(c) || c == 0x7F || (c < 0x20 && !isHtmlSpace(c)))
            return;
        if (m_preDepth > 0) {
            if (c != '\r')
                append(c == 0xA0 ? char32_t(' ') : c);
            return;
        }
        if (isHtmlSpace(c) || c == 0xA0) {
            m_pendingSpace = true;
            return;
        }
        if (m_pendingSpace && !m_out.isEmpty() && m_out.back() != u'\n')
            m_out += u' ';
        m_pendingSpace = false;
        append(c);
    }

    void append(char32_t c)
    {
        if (c > 0xFFFF) {
            m_out += QChar(QChar::highSurrogate(c));
            m_out += QChar(QChar::lowSurrogate(c));
        } else {
            m_out += QChar(char16_t(c));
        }
    }

    void lineBreak()
    {
        if (!m_out.isEmpty() && m_out.back() != u'\n')
            m_out += u'\n';
        m_pendingSpace = false;
    }

    void hardBreak()
    {
        m_out += u'\n';
        m_pendingSpace = false;
    }

    void paragraphBreak()
    {
        lineBreak();
        if (!m_out.isEmpty() && !m_out.endsWith(u"\n\n"))
            m_out += u'\n';
    }

    // `at` is on '<'; returns where text resumes.
    qsizetype markup(qsizetype at)
    {
        const qsizetype end = m_html.size();
        if (m_html.mid(at).startsWith(u"<!--")) {
            const qsizetype close = m_html.indexOf(u"-->", at + 4);
            return close < 0 ? end : close + 3;
        }
        if (at + 1 >= end) {
            character('<');
            return end;
        }
        const QChar next = m_html[at + 1];
        if (next == u'!' || next == u'?') { // doctype, CDATA, processing instruction, conditional comment
            const qsizetype close = m_html.indexOf(u'>', at + 2);
            return close < 0 ? end : close + 1;
        }
        const bool closing = next == u'/';
        const qsizetype nameStart = at + (closing ? 2 : 1);
        if (nameStart >= end || !isAsciiLetter(m_html[nameStart])) {
            if (closing) { // "</ x>" is a bogus comment to a browser
                const qsizetype close = m_html.indexOf(u'>', nameStart);
                return close < 0 ? end : close + 1;
            }
            character('<'); // "a < b" is text
            return at + 1;
        }
        qsizetype p = nameStart;
        while (p < end && (isAsciiAlphanumeric(m_html[p]) || m_html[p] == u'-' || m_html[p] == u':'))
            ++p;
        const QString name = m_html.mid(nameStart, p - nameStart).toString().toLower();
        bool selfClosing = false;
        p = skipAttributes(p, &selfClosing);
        if (closing) {
            endTag(name);
            return p;
        }
        return startTag(name, selfClosing, p);
    }

    // Quotes only open a value right after '=': an apostrophe in an unquoted value must not swallow the page.
    qsizetype skipAttributes(qsizetype from, bool *selfClosing) const
    {
        const qsizetype end = m_html.size();
        qsizetype p = from;
        while (p < end) {
            const QChar c = m_html[p];
            if (c == u'>') {
                *selfClosing = p > from && m_html[p - 1] == u'/';
                return p + 1;
            }
            ++p;
            if (c != u'=')
                continue;
            while (p < end && isHtmlSpace(m_html[p].unicode()))
                ++p;
            if (p < end && (m_html[p] == u'"' || m_html[p] == u'\'')) {
                const qsizetype close = m_html.indexOf(m_html[p], p + 1);
                if (close < 0)
                    return end;
                p = close + 1;
            }
        }
        return end;
    }

    qsizetype startTag(const QString &name, bool selfClosing, qsizetype after)
    {
        switch (elementKind(name)) {
        case ElementKind::Hidden:
            return selfClosing ? after : skipPast(QString(QStringLiteral("</") + name), after);
        case ElementKind::Head: {
            if (selfClosing)
                return after;
            // A head that never closes must not take the body with it.
            const qsizetype close = m_html.indexOf(u"</head", after, Qt::CaseInsensitive);
            const qsizetype body = m_html.indexOf(u"<body", after, Qt::CaseInsensitive);
            if (body >= 0 && (close < 0 || body < close))
                return body;
            return close < 0 ? after : skipPast(u"</head", after);
        }
        case ElementKind::Preformatted:
            lineBreak();
            ++m_preDepth;
            break;
        case ElementKind::Block:
            lineBreak();
            break;
        case ElementKind::Paragraph:
            paragraphBreak();
            break;
        case ElementKind::LineBreak:
            hardBreak();
            break;
        case ElementKind::Cell:
            m_pendingSpace = true;
            break;
        case ElementKind::Inline:
            break;
        }
        return after;
    }

    void endTag(const QString &name)
    {
        switch (elementKind(name)) {
        case ElementKind::Preformatted:
            if (m_preDepth > 0)
                --m_preDepth;
            lineBreak();
            break;
        case ElementKind::Block:
            lineBreak();
            break;
        case ElementKind::Paragraph:
            paragraphBreak();
            break;
        case ElementKind::LineBreak: // browsers read </br> as <br>
            hardBreak();
            break;
        case ElementKind::Cell:
            m_pendingSpace = true;
            break;
        case ElementKind::Hidden:
        case ElementKind::Head:
        case ElementKind::Inline:
            break;
        }
    }

    // Skips to just after the '>' of the first `closeTag` at or after `from`; an unclosed element runs to
    // the end, as it does in a browser.
    qsizetype skipPast(QStringView closeTag, qsizetype from) const
    {
        const qsizetype close = m_html.indexOf(closeTag, from, Qt::CaseInsensitive);
        if (close < 0)
            return m_html.size();
        const qsizetype gt = m_html.indexOf(u'>', close + closeTag.size());
        return gt < 0 ? m_html.size() : gt + 1;
    }

    // `at` is on '&'; returns where text resumes. Anything that is not a known reference stays literal.
    qsizetype reference(qsizetype at)
    {
        const qsizetype end = m_html.size();
        qsizetype p = at + 1;
        if (p < end && m_html[p] == u'#') {
            ++p;
            const bool hex = p < end && (m_html[p] == u'x' || m_html[p] == u'X');
            if (hex)
                ++p;
            const qsizetype digitsStart = p;
            char32_t value = 0;
            int digit = 0;
            while (p < end && (digit = digitValue(m_html[p], hex)) >= 0) {
                value = value > kMaxCodePoint ? value : value * (hex ? 16 : 10) + char32_t(digit);
                ++p;
            }
            if (p == digitsStart) {
                character('&');
                return at + 1;
            }
            if (p < end && m_html[p] == u';')
                ++p;
            character(numericReference(value));
            return p;
        }
        qsizetype nameEnd = p;
        while (nameEnd < end && nameEnd - p < kMaxEntityNameLength && isAsciiAlphanumeric(m_html[nameEnd]))
            ++nameEnd;
        const QString name = m_html.mid(p, nameEnd - p).toString();
        const bool terminated = nameEnd < end && m_html[nameEnd] == u';';
        const auto found = namedEntities().constFind(name);
        if (found == namedEntities().constEnd() || (!terminated && !acceptedWithoutSemicolon(name))) {
            character('&');
            return at + 1;
        }
        character(*found);
        return terminated ? nameEnd + 1 : nameEnd;
    }

    QString finished() const
    {
        // Nested blocks and runs of <br> leave many empty lines; one empty line is all a reader sees.
        QString text;
        text.reserve(m_out.size());
        int newlines = 0;
        for (const QChar c : m_out) {
            newlines = c == u'\n' ? newlines + 1 : 0;
            if (newlines <= 2)
                text += c;
        }
        return text.trimmed();
    }

    QStringView m_html;
    QString m_out;
    bool m_pendingSpace = false;
    int m_preDepth = 0;
};

bool isCharsetChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == ':';
}

} // namespace

QString HtmlText::toPlainText(QStringView html)
{
    return Converter(html).run();
}

QByteArray HtmlText::sniffCharset(const QByteArray &html)
{
    const QByteArray head = html.left(kCharsetSniffBytes).toLower();
    qsizetype meta = 0;
    while ((meta = head.indexOf("<meta", meta)) >= 0) {
        const qsizetype close = head.indexOf('>', meta);
        const QByteArray tag = head.mid(meta, close < 0 ? -1 : close - meta);
        meta += 5;
        // Covers both <meta charset="x"> and <meta http-equiv content="text/html; charset=x">.
        qsizetype p = tag.indexOf("charset");
        if (p < 0)
            continue;
        p += 7;
        while (p < tag.size() && (tag[p] == ' ' || tag[p] == '\t'))
            ++p;
        if (p >= tag.size() || tag[p] != '=')
            continue;
        ++p;
        while (p < tag.size() && (tag[p] == ' ' || tag[p] == '"' || tag[p] == '\''))
            ++p;
        qsizetype q = p;
        while (q < tag.size() && isCharsetChar(tag[q]))
            ++q;
        if (q > p)
            return tag.mid(p, q - p);
    }
    return {};
}

} // namespace vaulttray
