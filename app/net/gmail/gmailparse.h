#pragma once

#include "net/gmail/gmailtypes.h"

#include <QByteArray>
#include <QJsonValue>

#include <optional>

// Pure parsers for the Gmail REST API v1 answers (HTTP 2xx bodies) into typed records.
//
// Malformed answers, decided once for every request:
//  - a body that is not a JSON object at all (cut off, garbled, an empty 200) → ServerTransient: the page or
//    message itself is fine at Google, the answer was broken on its way, and asking again later is the fix;
//  - a JSON object whose content is unusable (messages.get without id or raw, raw that is not base64url, a
//    profile or history page without a historyId, a 64-bit number that is not one) → BadData: asking again would
//    get the same answer, so the item is counted and skipped and the run goes on;
//  - one unusable entry in a list (a message or history change without an id) is left out and counted in
//    skippedItems; the rest of the page is used.

namespace vaulttray {

// Gmail's base64url (RFC 4648 §5), with or without '=' padding, to the exact bytes. nullopt for any character
// outside the url-safe alphabet ('+', '/', whitespace included), padding anywhere but at the end, or a length no
// encoding produces.
std::optional<QByteArray> decodeBase64Url(const QByteArray &text);

// Gmail's 64-bit numbers: a JSON string of decimal digits (as Gmail sends them) or a JSON number that is a whole
// non-negative value. nullopt otherwise.
std::optional<quint64> parseGmailUInt64(const QJsonValue &value);

GmailProfileResult parseProfile(const QByteArray &body);
GmailLabelsResult parseLabels(const QByteArray &body);
GmailMessageListResult parseMessageList(const QByteArray &body);
// decodeRaw false: the raw content is checked to be a string and handed on encoded (rawBase64Url), for a caller
// that decodes it elsewhere (off the GUI thread) with decodeBase64Url.
GmailRawMessageResult parseRawMessage(const QByteArray &body, bool decodeRaw = true);
GmailHistoryResult parseHistory(const QByteArray &body);

// True when an HTTP answer is Gmail saying "too fast": a 429, or a 403 whose reason is rateLimitExceeded,
// userRateLimitExceeded or (google.rpc.ErrorInfo) RATE_LIMIT_EXCEEDED. A daily quota (dailyLimitExceeded) is not,
// whatever its status: slowing down would not bring it back.
bool gmailRateLimited(int httpStatus, const QByteArray &body);

} // namespace vaulttray
