#pragma once

#include "core/classify.h" // ImapStatus, so that a status response goes straight into classifyImapStatus()

#include <QByteArray>
#include <QList>

#include <optional>

namespace vaulttray {

// One element of an IMAP response (RFC 3501 §4): what the wire said, not what it means. Numbers are kept as 64-bit
// because MODSEQ (RFC 7162) needs 63 bits; UIDs and counts are checked to fit 32 bits by the typed accessors.
class ImapValue
{
public:
    enum class Type { Nil, Atom, Number, Quoted, Literal, List };

    ImapValue() = default;
    static ImapValue nil(const QByteArray &spelling = QByteArrayLiteral("NIL"));
    static ImapValue atom(const QByteArray &text);
    static ImapValue number(quint64 value, const QByteArray &text);
    static ImapValue quoted(const QByteArray &bytes);
    static ImapValue literal(const QByteArray &bytes);
    static ImapValue list(QList<ImapValue> items);

    Type type() const { return m_type; }
    bool isNil() const { return m_type == Type::Nil; }
    bool isAtom() const { return m_type == Type::Atom; }
    bool isNumber() const { return m_type == Type::Number; }
    bool isList() const { return m_type == Type::List; }
    // An astring/nstring/string in the grammar's sense: a quoted string or a literal.
    bool isString() const { return m_type == Type::Quoted || m_type == Type::Literal; }

    // The bytes as the server meant them: the unescaped content of a quoted string, a literal's bytes, an atom's
    // or number's spelling, "NIL" as spelled for NIL (a mailbox may be called NIL), empty for a list.
    const QByteArray &bytes() const { return m_bytes; }
    // A number, or an atom/string made only of decimal digits that fits 64 bits (servers quote numbers at times).
    std::optional<quint64> toNumber() const;
    std::optional<quint32> toNumber32() const;
    const QList<ImapValue> &items() const { return m_items; }

    // Compact debugging form, e.g. (\Seen "a b" {3} NIL 42). Literal contents are not printed (message bodies).
    QByteArray toDebugString() const;

    bool operator==(const ImapValue &o) const;
    bool operator!=(const ImapValue &o) const { return !(*this == o); }

private:
    Type m_type = Type::Nil;
    quint64 m_number = 0;
    QByteArray m_bytes;
    QList<ImapValue> m_items;
};

// One complete server response: a line plus any literals it carried, already tokenised.
struct ImapResponse
{
    enum class Kind {
        Untagged,     // "* ..."
        Tagged,       // "A12 OK ..."
        Continuation, // "+ ..."
        ParseError,   // a line (or a line with its literals) that could not be parsed; the parser went on after it
    };

    Kind kind = Kind::ParseError;
    QByteArray tag; // tagged responses only

    // Status responses (tagged, or untagged OK/NO/BAD/BYE/PREAUTH): status, then optional "[CODE args]" and text.
    std::optional<ImapStatus> status;
    QByteArray code;           // the response code's name, upper-cased: "UIDVALIDITY", "AUTHENTICATIONFAILED"
    QList<ImapValue> codeArgs; // its arguments, tokenised: [UIDNEXT 5] -> (5); [PERMANENTFLAGS (..)] -> ((..))
    QByteArray codeRaw;        // what stood between the brackets, verbatim (for classifyImapStatus and logs)
    QByteArray text;           // resp-text after the code; for a continuation, everything after "+ "

    // Data responses: "* 23 FETCH (...)" -> number 23, name "FETCH"; "* LIST (...)" -> no number, name "LIST".
    std::optional<quint64> number;
    QByteArray name; // upper-cased
    QList<ImapValue> args;

    // ParseError: what went wrong and the offending line, cut to kMaxErrorLineBytes (it may hold mail content).
    QByteArray errorLine;
    QByteArray errorDetail;

    bool isStatus() const { return status.has_value(); }
    bool isParseError() const { return kind == Kind::ParseError; }
    // Short description for logs and test failures; never includes literal contents.
    QByteArray toDebugString() const;
};

} // namespace vaulttray
