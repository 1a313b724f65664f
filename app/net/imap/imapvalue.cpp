#include "net/imap/imapvalue.h"

#include <limits>

namespace vaulttray {

namespace {

// Digits only, no sign, fits 64 bits.
std::optional<quint64> parseDecimal(const QByteArray &text)
{
    if (text.isEmpty())
        return std::nullopt;
    quint64 value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        const quint64 digit = quint64(c - '0');
        if (value > (std::numeric_limits<quint64>::max() - digit) / 10)
            return std::nullopt;
        value = value * 10 + digit;
    }
    return value;
}

} // namespace

ImapValue ImapValue::nil(const QByteArray &spelling)
{
    ImapValue v;
    v.m_type = Type::Nil;
    v.m_bytes = spelling;
    return v;
}

ImapValue ImapValue::atom(const QByteArray &text)
{
    ImapValue v;
    v.m_type = Type::Atom;
    v.m_bytes = text;
    return v;
}

ImapValue ImapValue::number(quint64 value, const QByteArray &text)
{
    ImapValue v;
    v.m_type = Type::Number;
    v.m_number = value;
    v.m_bytes = text;
    return v;
}

ImapValue ImapValue::quoted(const QByteArray &bytes)
{
    ImapValue v;
    v.m_type = Type::Quoted;
    v.m_bytes = bytes;
    return v;
}

ImapValue ImapValue::literal(const QByteArray &bytes)
{
    ImapValue v;
    v.m_type = Type::Literal;
    v.m_bytes = bytes;
    return v;
}

ImapValue ImapValue::list(QList<ImapValue> items)
{
    ImapValue v;
    v.m_type = Type::List;
    v.m_items = std::move(items);
    return v;
}

std::optional<quint64> ImapValue::toNumber() const
{
    switch (m_type) {
    case Type::Number:
        return m_number;
    case Type::Atom:
    case Type::Quoted:
    case Type::Literal:
        return parseDecimal(m_bytes);
    default:
        return std::nullopt;
    }
}

std::optional<quint32> ImapValue::toNumber32() const
{
    const auto n = toNumber();
    if (!n || *n > std::numeric_limits<quint32>::max())
        return std::nullopt;
    return quint32(*n);
}

QByteArray ImapValue::toDebugString() const
{
    switch (m_type) {
    case Type::Nil:
        return "NIL";
    case Type::Atom:
    case Type::Number:
        return m_bytes;
    case Type::Quoted: {
        QByteArray out = "\"";
        for (const char c : m_bytes) {
            if (c == '"' || c == '\\')
                out += '\\';
            out += c;
        }
        return out + '"';
    }
    case Type::Literal:
        return '{' + QByteArray::number(m_bytes.size()) + '}';
    case Type::List: {
        QByteArray out = "(";
        for (qsizetype i = 0; i < m_items.size(); ++i) {
            if (i)
                out += ' ';
            out += m_items.at(i).toDebugString();
        }
        return out + ')';
    }
    }
    return {};
}

bool ImapValue::operator==(const ImapValue &o) const
{
    return m_type == o.m_type && m_number == o.m_number && m_bytes == o.m_bytes && m_items == o.m_items;
}

QByteArray ImapResponse::toDebugString() const
{
    QByteArray out;
    switch (kind) {
    case Kind::Untagged:
        out = "*";
        break;
    case Kind::Tagged:
        out = tag;
        break;
    case Kind::Continuation:
        return "+ " + text;
    case Kind::ParseError:
        return "PARSE-ERROR " + errorDetail + ": " + errorLine;
    }
    if (status) {
        out += ' ';
        out += imapStatusName(*status);
        if (!code.isEmpty())
            out += " [" + codeRaw + ']';
        if (!text.isEmpty())
            out += ' ' + text;
        return out;
    }
    if (number)
        out += ' ' + QByteArray::number(*number);
    out += ' ' + name;
    for (const ImapValue &v : args)
        out += ' ' + v.toDebugString();
    return out;
}

} // namespace vaulttray
