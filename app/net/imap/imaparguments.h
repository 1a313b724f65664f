#pragma once

#include <QByteArray>
#include <QList>

namespace vaulttray {

// The arguments of one IMAP command, rendered to the wire with the right string form for each (RFC 3501 §4.3):
// a quoted string when the bytes allow one, else a literal. A synchronising literal ({n}) makes the client wait for
// the server's "+" before sending its bytes, so the rendered command comes in parts; with LITERAL+ (RFC 7888) the
// literal is sent at once as {n+} and there is one part.
class ImapArguments
{
public:
    // Verbatim: atoms, numbers, sequence sets, parenthesised lists the command built itself.
    ImapArguments &atom(const QByteArray &text);
    // An astring/string argument: user names, passwords, mailbox names as LIST sent them.
    ImapArguments &string(const QByteArray &bytes);

    bool isEmpty() const { return m_pieces.isEmpty(); }

    // "TAG COMMAND args\r\n", cut after each synchronising literal's "{n}\r\n": parts[i + 1] starts with literal i's
    // bytes. One part when there is no literal or the server has LITERAL+.
    QList<QByteArray> render(const QByteArray &tag, const QByteArray &command, bool literalPlus) const;

    // True when the bytes can travel as a quoted string: 7-bit, no NUL, CR or LF.
    static bool quotable(const QByteArray &bytes);
    static QByteArray quoted(const QByteArray &bytes);

private:
    struct Piece
    {
        QByteArray bytes;
        bool literal = false;
    };
    QList<Piece> m_pieces;
};

} // namespace vaulttray
