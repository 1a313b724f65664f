#include "sync/import/mboxreader.h"

#include "sync/import/fromline.h"

#include <QCoreApplication>
#include <QIODevice>

#include <algorithm>
#include <cstring>

namespace vaulttray {

namespace {
constexpr QByteArrayView kFrom("From ");

// The length of the line end (LF or CRLF) that ends bytes[0, end), or 0.
qsizetype lineEndBefore(const QByteArray &bytes, qsizetype end)
{
    if (end < 1 || bytes.at(end - 1) != '\n')
        return 0;
    return end >= 2 && bytes.at(end - 2) == '\r' ? 2 : 1;
}
} // namespace

MboxReader::MboxReader(QIODevice &device, Flavour flavour, qsizetype chunkBytes) : m_device(device), m_flavour(flavour)
{
    m_buffer.resize(std::max(chunkBytes, 2 * kLookaheadBytes));
}

bool MboxReader::seek(qint64 offset)
{
    if (!m_device.seek(offset)) {
        m_error = m_device.errorString();
        return false;
    }
    m_bufferOffset = offset;
    m_begin = m_end = 0;
    m_eof = false;
    m_atLineStart = true;
    m_inMessage = false;
    m_quoteRun = 0;
    return true;
}

// At least `bytes` unread bytes in the buffer, unless the input ends first. The buffer keeps its size: what was
// consumed is dropped and the rest moved to the front before reading more.
bool MboxReader::ensure(qsizetype bytes)
{
    if (m_end - m_begin >= bytes || m_eof)
        return true;
    const qsizetype kept = m_end - m_begin;
    if (m_begin > 0) {
        std::memmove(m_buffer.data(), m_buffer.constData() + m_begin, size_t(kept));
        m_bufferOffset += m_begin;
        m_begin = 0;
        m_end = kept;
    }
    while (m_end < m_buffer.size()) {
        const qint64 n = m_device.read(m_buffer.data() + m_end, m_buffer.size() - m_end);
        if (n < 0) {
            m_error = m_device.errorString();
            return false;
        }
        if (n == 0) {
            m_eof = true;
            break;
        }
        m_end += n;
    }
    m_peakBuffer = std::max(m_peakBuffer, m_buffer.size());
    return true;
}

MboxReader::Status MboxReader::next(MboxMessage *message)
{
    *message = MboxMessage{};
    for (;;) {
        if (!ensure(kLookaheadBytes))
            return Status::ReadError;
        if (m_begin == m_end) {
            if (!m_inMessage)
                return Status::End;
            finish(message, !m_atLineStart);
            return Status::Message;
        }
        if (m_atLineStart && m_quoteRun == 0) {
            bool separator = false;
            if (atFromLine(message, &separator))
                return Status::Message; // it ended the message before it; it starts the next call's
            if (!separator && !m_inMessage) {
                m_error = QCoreApplication::translate("MboxReader", "it does not start with a \"From \" line");
                return Status::NotMbox;
            }
            if (separator)
                continue;
        }
        if (m_atLineStart || m_quoteRun > 0) {
            copyQuoteRun(message->raw);
            if (m_quoteRun > 0)
                continue; // the run of '>' goes on past what is buffered
        }
        copyLines(message->raw);
    }
}

// At a line start: true when a From line ends the message being read (nothing consumed). Otherwise *separator says
// whether a From line started a new message (and was consumed).
bool MboxReader::atFromLine(MboxMessage *message, bool *separator)
{
    const QByteArrayView w = window();
    if (!w.startsWith(kFrom))
        return false;
    const qsizetype newline = w.first(std::min(w.size(), kLookaheadBytes)).indexOf('\n');
    QByteArrayView line;
    qsizetype consumed = 0;
    if (newline >= 0) {
        line = w.first(newline);
        consumed = newline + 1;
    } else if (m_eof && w.size() <= kLookaheadBytes) {
        line = w;
        consumed = w.size();
    } else {
        return false; // longer than any From line
    }
    if (line.endsWith('\r'))
        line.chop(1);
    if (!parseFromLine(line))
        return false;
    if (m_inMessage) {
        finish(message, false);
        return true;
    }
    *separator = true;
    message->offset = position();
    message->fromLine = line.toByteArray();
    m_begin += consumed;
    m_inMessage = true;
    m_atLineStart = true;
    return false;
}

// A line that starts with '>': unquotes it when "From " follows the run. When the run reaches past the buffer, all
// of it but one '>' is copied and the decision waits for more input (the '>' are alike, so which one goes is moot).
void MboxReader::copyQuoteRun(QByteArray &raw)
{
    const QByteArrayView w = window();
    qsizetype run = 0;
    while (run < w.size() && w.at(run) == '>')
        ++run;
    if (run == 0 && m_quoteRun == 0)
        return;
    const qsizetype alreadyCopied = m_quoteRun > 0 ? m_quoteRun - 1 : 0;
    m_begin += run;
    m_atLineStart = false;
    if (run + kFrom.size() > w.size() && !m_eof) {
        m_quoteRun += run;
        raw.append(m_quoteRun - 1 - alreadyCopied, '>');
        return;
    }
    const qsizetype total = m_quoteRun + run;
    const bool quoted = w.sliced(run).startsWith(kFrom) && (m_flavour == Flavour::Mboxrd || total == 1);
    raw.append(total - (quoted ? 1 : 0) - alreadyCopied, '>');
    m_quoteRun = 0;
}

// Copies the rest of the current line, and every following line that cannot be a From line or a quoted one (the
// common case: most lines start with neither 'F' nor '>'), up to the end of what is buffered.
void MboxReader::copyLines(QByteArray &raw)
{
    const char *data = m_buffer.constData();
    qsizetype p = m_begin;
    for (;;) {
        const void *newline = std::memchr(data + p, '\n', size_t(m_end - p));
        if (!newline) {
            p = m_end;
            m_atLineStart = false;
            break;
        }
        p = static_cast<const char *>(newline) - data + 1;
        m_atLineStart = true;
        if (p == m_end || data[p] == 'F' || data[p] == '>')
            break;
    }
    raw.append(data + m_begin, p - m_begin);
    m_begin = p;
}

void MboxReader::finish(MboxMessage *message, bool truncated)
{
    message->truncated = truncated;
    message->nextOffset = position();
    QByteArray &raw = message->raw;
    const qsizetype last = lineEndBefore(raw, raw.size());
    if (last > 0 && lineEndBefore(raw, raw.size() - last) > 0)
        raw.chop(last); // the blank line that separated it from the next message
    m_inMessage = false;
}

} // namespace vaulttray
