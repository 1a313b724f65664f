#pragma once

#include <QByteArray>
#include <QString>

class QIODevice;

namespace vaulttray {

struct MboxMessage
{
    QByteArray raw; // the message as it was before it went into the mbox: unquoted, without the blank separator line
    QByteArray fromLine;    // its From line, without the line end
    qint64 offset = 0;      // where the From line starts
    qint64 nextOffset = 0;  // where the next message's From line starts, or the end of the input
    bool truncated = false; // the input ended inside the message (no line end after its last bytes)
};

// Splits an mbox into messages as a stream: reads fixed-size chunks and never holds more than one chunk besides the
// message being assembled, whatever the size of the input.
//
// A message starts at a From line (see parseFromLine) at the start of the input or of a line. Its last line end is
// the blank line that separates it from the next one and is removed when the message ends with an empty line. Line
// ends (LF or CRLF) are kept as they are. Quoted From lines are unquoted: in mboxrd ">From ", ">>From "... lose one
// ">"; in mboxo only ">From " does (mboxo never quoted ">From ", so ">>From " is text).
class MboxReader
{
public:
    enum class Flavour { Mboxrd, Mboxo };
    enum class Status { Message, End, NotMbox, ReadError };

    static constexpr qsizetype kDefaultChunkBytes = 256 * 1024;
    // A From line must fit in what the reader looks ahead at a line start.
    static constexpr qsizetype kLookaheadBytes = 1024;

    explicit MboxReader(QIODevice &device, Flavour flavour = Flavour::Mboxrd,
                        qsizetype chunkBytes = kDefaultChunkBytes);

    // Continues at a byte offset where a From line starts (a checkpoint). False if the device cannot seek there.
    bool seek(qint64 offset);
    // The next message; End after the last one (an empty input is an empty mbox); NotMbox when the input (or the
    // offset given to seek) does not start with a From line; ReadError when the device fails.
    Status next(MboxMessage *message);

    QString errorString() const { return m_error; }
    // How far the input has been consumed: the offset of the next message's From line after next() returned one.
    qint64 position() const { return m_bufferOffset + m_begin; }
    // The most the reader's own buffer ever held: at most the chunk size, however large a message or a line is.
    qsizetype peakBufferBytes() const { return m_peakBuffer; }

private:
    bool ensure(qsizetype bytes);
    QByteArrayView window() const { return QByteArrayView(m_buffer.constData() + m_begin, m_end - m_begin); }
    bool atFromLine(MboxMessage *message, bool *separator);
    void copyQuoteRun(QByteArray &raw);
    void copyLines(QByteArray &raw);
    void finish(MboxMessage *message, bool truncated);

    QIODevice &m_device;
    Flavour m_flavour;
    QByteArray m_buffer;
    qsizetype m_begin = 0;
    qsizetype m_end = 0;
    qint64 m_bufferOffset = 0;
    bool m_eof = false;
    bool m_atLineStart = true;
    bool m_inMessage = false;
    qsizetype m_quoteRun = 0; // '>' at the start of the current line seen so far when they ran past the window
    qsizetype m_peakBuffer = 0;
    QString m_error;
};

} // namespace vaulttray
