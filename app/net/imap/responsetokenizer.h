#pragma once

#include "net/imap/imapvalue.h"

#include <QByteArray>
#include <QList>

namespace vaulttray {
namespace imaptokenizer {

// Cut a line to at most this many bytes for a ParseError: enough to recognise it in a log, and a bounded share of
// whatever mail content the line carried.
inline constexpr qsizetype kMaxErrorLineBytes = 200;
// Parenthesised lists nest this deep at most (BODYSTRUCTURE of deeply nested multiparts stays far below); deeper
// input is rejected instead of recursing without bound.
inline constexpr int kMaxNestingDepth = 64;

// The size announced by a literal marker ({n}, {n+}, ~{n}) that ends the line; -1 when the line does not end with
// one; -2 when it does but n does not fit in maxSize.
qsizetype trailingLiteralSize(const QByteArray &line, qsizetype maxSize);
// True when the line is a status response or a continuation request: their text is free-form and a "{5}" at the
// end of it is prose, not a literal.
bool isFreeTextLine(const QByteArray &line);

// Tokenise one framed response. literals[i] follows lines[i]; lines.size() == literals.size() + 1.
ImapResponse parseResponse(const QList<QByteArray> &lines, const QList<QByteArray> &literals);

ImapResponse parseError(const QByteArray &line, const QByteArray &detail);

} // namespace imaptokenizer
} // namespace vaulttray
