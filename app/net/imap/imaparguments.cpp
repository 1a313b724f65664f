#include "net/imap/imaparguments.h"

namespace vaulttray {

ImapArguments &ImapArguments::atom(const QByteArray &text)
{
    m_pieces.append({text, false});
    return *this;
}

ImapArguments &ImapArguments::string(const QByteArray &bytes)
{
    if (quotable(bytes))
        m_pieces.append({quoted(bytes), false});
    else
        m_pieces.append({bytes, true});
    return *this;
}

bool ImapArguments::quotable(const QByteArray &bytes)
{
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (u == 0 || u == '\r' || u == '\n' || u > 0x7f)
            return false;
    }
    return true;
}

QByteArray ImapArguments::quoted(const QByteArray &bytes)
{
    QByteArray out;
    out.reserve(bytes.size() + 2);
    out += '"';
    for (const char c : bytes) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    out += '"';
    return out;
}

QList<QByteArray> ImapArguments::render(const QByteArray &tag, const QByteArray &command, bool literalPlus) const
{
    QList<QByteArray> parts;
    QByteArray current = tag + ' ' + command;
    for (const Piece &p : m_pieces) {
        current += ' ';
        if (!p.literal) {
            current += p.bytes;
            continue;
        }
        current += '{' + QByteArray::number(p.bytes.size()) + (literalPlus ? "+}\r\n" : "}\r\n");
        if (!literalPlus) {
            parts.append(current);
            current.clear();
        }
        current += p.bytes;
    }
    current += "\r\n";
    parts.append(current);
    return parts;
}

} // namespace vaulttray
