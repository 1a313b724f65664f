#include "net/imap/responseparser.h"

#include "net/imap/imaplog.h"
#include "net/imap/responsetokenizer.h"

#include <algorithm>

namespace vaulttray {

namespace {

// A literal's buffer is reserved in steps up to its announced size: a large announced size costs memory only as
// its bytes actually arrive, and the final capacity never exceeds the literal itself.
constexpr qsizetype kLiteralReserveStep = qsizetype(1) << 20;
// Consumed bytes at the front of the input buffer are dropped once they exceed this and half the buffer, so
// compaction is amortised O(1) per byte.
constexpr qsizetype kCompactThreshold = 64 * 1024;
// An emptied input buffer keeps its allocation up to this size (the common case: one socket read at a time);
// beyond it, the memory goes back.
constexpr qsizetype kKeepBufferCapacity = 256 * 1024;

} // namespace

void ImapResponseParser::feed(const QByteArray &chunk)
{
    qsizetype offset = 0;
    // Fast path for literal bodies: with nothing else pending, bytes go from the chunk into the literal directly.
    if (m_state == State::Literal && m_pos == m_buffer.size()) {
        offset = consumeLiteral(chunk.constData(), chunk.size());
        if (offset == chunk.size())
            return;
    }
    m_buffer.append(chunk.constData() + offset, chunk.size() - offset);
    processBuffer();
    compactBuffer();
}

std::optional<ImapResponse> ImapResponseParser::next()
{
    if (m_ready.empty())
        return std::nullopt;
    ImapResponse r = std::move(m_ready.front());
    m_ready.pop_front();
    return r;
}

qsizetype ImapResponseParser::pendingBytes() const
{
    qsizetype total = m_buffer.size() - m_pos + m_literal.size();
    for (const QByteArray &l : m_lines)
        total += l.size();
    for (const QByteArray &l : m_literals)
        total += l.size();
    return total;
}

qsizetype ImapResponseParser::bufferCapacity() const
{
    qsizetype total = m_buffer.capacity() + m_literal.capacity();
    for (const QByteArray &l : m_lines)
        total += l.capacity();
    for (const QByteArray &l : m_literals)
        total += l.capacity();
    return total;
}

qsizetype ImapResponseParser::consumeLiteral(const char *data, qsizetype size)
{
    const qsizetype take = std::min(size, m_literalSize - m_literal.size());
    const qsizetype needed = m_literal.size() + take;
    if (needed > m_literal.capacity())
        m_literal.reserve(std::min(m_literalSize, std::max(needed, m_literal.capacity() * 2)));
    m_literal.append(data, take);
    if (m_literal.size() == m_literalSize) {
        m_literals.append(std::move(m_literal));
        m_literal = QByteArray();
        m_state = State::Line;
    }
    return take;
}

void ImapResponseParser::processBuffer()
{
    for (;;) {
        if (m_state == State::Literal) {
            m_pos += consumeLiteral(m_buffer.constData() + m_pos, m_buffer.size() - m_pos);
            if (m_state == State::Literal)
                return;
            m_scanFrom = m_pos;
        }
        const qsizetype lf = m_buffer.indexOf('\n', std::max(m_pos, m_scanFrom));
        if (lf < 0) {
            m_scanFrom = m_buffer.size();
            if (m_buffer.size() - m_pos > kMaxLineBytes) {
                if (!m_discardingLine) {
                    failResponse(QByteArrayLiteral("line too long"));
                    m_discardingLine = true;
                }
                m_pos = m_buffer.size();
            }
            return;
        }
        qsizetype end = lf;
        if (end > m_pos && m_buffer.at(end - 1) == '\r')
            --end;
        QByteArray line = m_buffer.mid(m_pos, end - m_pos);
        m_pos = lf + 1;
        m_scanFrom = m_pos;
        if (m_discardingLine) {
            m_discardingLine = false; // the tail of a line already reported
            continue;
        }
        handleLine(std::move(line));
    }
}

void ImapResponseParser::handleLine(QByteArray line)
{
    const bool firstLine = m_lines.isEmpty();
    // Blank lines between responses carry nothing; some proxies emit them. Reporting each would only be noise.
    if (firstLine && line.trimmed().isEmpty())
        return;
    m_lines.append(std::move(line));
    const QByteArray &current = m_lines.constLast();
    if (firstLine && imaptokenizer::isFreeTextLine(current)) {
        finishResponse();
        return;
    }
    const qsizetype size = imaptokenizer::trailingLiteralSize(current, kMaxLiteralBytes);
    if (size == -1) {
        finishResponse();
        return;
    }
    // Both errors leave the stream at a point we cannot trust; the bytes that follow are read as lines, which
    // resynchronises at the first line end after the (unread) literal.
    if (size < 0) {
        failResponse(QByteArrayLiteral("literal size out of range"));
        return;
    }
    if (m_literals.size() >= kMaxLiteralsPerResponse) {
        failResponse(QByteArrayLiteral("too many literals in one response"));
        return;
    }
    m_literalSize = size;
    m_literal = QByteArray();
    m_literal.reserve(std::min(size, kLiteralReserveStep));
    m_state = State::Literal;
    if (size == 0)
        consumeLiteral(nullptr, 0);
}

void ImapResponseParser::finishResponse()
{
    ImapResponse r = imaptokenizer::parseResponse(m_lines, m_literals);
    if (r.isParseError())
        qCDebug(lcImap) << "unparsable response:" << r.errorDetail;
    m_ready.push_back(std::move(r));
    resetResponse();
}

void ImapResponseParser::failResponse(const QByteArray &detail)
{
    const QByteArray line =
        m_lines.isEmpty() ? m_buffer.mid(m_pos, imaptokenizer::kMaxErrorLineBytes) : m_lines.constFirst();
    qCDebug(lcImap) << "unparsable response:" << detail;
    m_ready.push_back(imaptokenizer::parseError(line, detail));
    resetResponse();
}

void ImapResponseParser::resetResponse()
{
    m_lines.clear();
    m_literals.clear();
    m_literal = QByteArray();
    m_literalSize = 0;
    m_state = State::Line;
}

void ImapResponseParser::compactBuffer()
{
    if (m_pos == m_buffer.size()) {
        if (m_buffer.capacity() > kKeepBufferCapacity)
            m_buffer = QByteArray();
        else
            m_buffer.resize(0);
        m_pos = 0;
        m_scanFrom = 0;
        return;
    }
    if (m_pos > kCompactThreshold && m_pos > m_buffer.size() / 2) {
        m_buffer.remove(0, m_pos);
        m_scanFrom -= m_pos;
        m_pos = 0;
    }
}

} // namespace vaulttray
