#pragma once

#include "net/imap/imapvalue.h"

#include <QByteArray>
#include <QList>

#include <deque>
#include <optional>

namespace vaulttray {

// Incremental IMAP response parser (RFC 3501 §9, RFC 7888 literals, RFC 3516 literal8). Feed it whatever the socket
// delivered, in any chunking; take complete responses out with next().
//
// Two stages, as in Trojitá: framing collects one response's lines and literals (a line ending in {n} or {n+} is
// followed by exactly n bytes, then the line goes on), then responsetokenizer turns the frame into an ImapResponse.
// Literal bytes are written once, into a buffer reserved for them, straight from the fed chunk when nothing else is
// pending: a 30 MB BODY[] is neither re-copied per read nor rescanned for line ends.
//
// Robustness: a line that cannot be parsed, a literal size beyond kMaxLiteralBytes, or a line longer than
// kMaxLineBytes yields one ParseError response for it, and parsing resumes at the next line. Nothing throws, nothing
// is fatal: what to do with a broken stream (usually: log, and drop the connection if a tagged reply is lost) is the
// client's decision.
//
// Quirks tolerated: bare LF line ends, 8-bit bytes in atoms and quoted strings, several spaces where one is due,
// a missing space before "[" or after "]" in status responses, a missing text after a response code.
class ImapResponseParser
{
public:
    // A literal larger than this is treated as a protocol error rather than allocated (a hostile or broken server
    // must not make us reserve gigabytes). Generous: mail with large attachments reaches hundreds of megabytes.
    static constexpr qsizetype kMaxLiteralBytes = qsizetype(1) << 30;
    // A line (without its literals) longer than this is dropped: it can only be garbage or an unbounded stream.
    // Large enough for a SEARCH answer listing a few million UIDs.
    static constexpr qsizetype kMaxLineBytes = qsizetype(64) << 20;
    // Literals per response: a FETCH carries a handful; thousands mean a runaway frame.
    static constexpr qsizetype kMaxLiteralsPerResponse = 4096;

    void feed(const QByteArray &chunk);
    // The oldest complete response not yet taken, or nullopt when more bytes are needed.
    std::optional<ImapResponse> next();
    bool hasResponse() const { return !m_ready.empty(); }

    // Bytes of a response received so far but not yet complete (lines and literal bytes), for progress reports.
    qsizetype pendingBytes() const;
    // Heap held by the parser's buffers (capacities, not sizes), so that tests can show memory stays bounded.
    qsizetype bufferCapacity() const;

private:
    enum class State { Line, Literal };

    void processBuffer();
    qsizetype consumeLiteral(const char *data, qsizetype size);
    void handleLine(QByteArray line);
    void finishResponse();
    void failResponse(const QByteArray &detail);
    void resetResponse();
    void compactBuffer();

    State m_state = State::Line;
    QByteArray m_buffer;
    qsizetype m_pos = 0;           // first unconsumed byte of m_buffer
    qsizetype m_scanFrom = 0;      // where to resume looking for LF, so a long line is scanned once
    bool m_discardingLine = false; // inside an overlong line already reported; skip to its LF

    QList<QByteArray> m_lines;    // the current response's line segments, CR/LF stripped
    QList<QByteArray> m_literals; // m_literals[i] follows m_lines[i]
    QByteArray m_literal;         // the literal being received
    qsizetype m_literalSize = 0;

    std::deque<ImapResponse> m_ready;
};

} // namespace vaulttray
