#pragma once

#include "core/failure.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <chrono>
#include <optional>

// Classifiers for what the outside world answers, into the failure taxonomy of DESIGN.md.
// Pure functions: typed signals first (HTTP status, OAuth `error`, Gmail `error.errors[].reason`,
// IMAP response codes, SQLite result codes); text matching only where no typed signal exists.
// No detail ever carries a token, a password or a raw response body.

namespace vaulttray {

// ---- HTTP Retry-After (RFC 9110 §10.2.3) ----

// Parses delta-seconds ("120") or an HTTP-date (IMF-fixdate, RFC 850 or asctime form).
// A date in the past gives zero; an unreadable value gives nullopt. Absurdly large values saturate
// at kRetryAfterSaturation so that callers may convert to milliseconds without overflow.
inline constexpr std::chrono::seconds kRetryAfterSaturation{std::chrono::hours(24 * 365)};
std::optional<std::chrono::seconds> parseRetryAfter(const QByteArray &value, const QDateTime &now);

// ---- HTTP helpers shared with app/net ----

// True when an answer is an HTML page: vaulttray's HTTP peers answer JSON, so HTML means something in between
// (a captive portal, a proxy's block page) or a front end's error page answered. Sniffs the body when the
// content type is missing or wrong, since JSON never starts with '<'.
bool looksLikeHtml(const QByteArray &contentType, const QByteArray &body);

// True for statuses a server uses to say "not now": 408, 429 and 5xx except 511 (RFC 6585
// Network Authentication Required, which a captive portal sends).
bool isServerTransientHttpStatus(int httpStatus);

// ---- OAuth 2.0 token endpoint (RFC 6749 §5.1, §5.2) ----

// Classifies the answer of the token endpoint (refresh or code exchange).
// invalid_grant on a 4xx is the only way to CredentialRejected. retryAfter is attached to ServerTransient results.
Failure classifyOAuthTokenResponse(int httpStatus, const QByteArray &contentType, const QByteArray &body,
                                   std::optional<std::chrono::seconds> retryAfter = std::nullopt);

// ---- Gmail REST API (Google JSON error format) ----

// How long to wait after Google reports a daily quota exhausted and gives no Retry-After: the quota resets
// once a day, and probing hourly costs nothing.
inline constexpr std::chrono::seconds kDailyQuotaRetry{std::chrono::hours(1)};

// Classifies a Gmail API answer. 2xx is ok. A 401 is ServerTransient "access token rejected": the caller
// refreshes once (see gmailNeedsTokenRefresh) and the refresh's own result decides whether to sign in again.
Failure classifyGmailApiError(int httpStatus, const QByteArray &body,
                              std::optional<std::chrono::seconds> retryAfter = std::nullopt);

// True when the access token was refused (401 from Google): refresh it once and retry the request.
bool gmailNeedsTokenRefresh(int httpStatus, const QByteArray &body);

// True when history.list says the start history id is too old (404): the caller falls back to a full sync.
// Only meaningful for history.list; a 404 elsewhere is a vanished item.
bool gmailHistoryExpired(int httpStatus, const QByteArray &body);

// ---- IMAP (RFC 3501 / 9051 status responses, RFC 5530 response codes) ----

enum class ImapStatus { Ok, No, Bad, Bye, PreAuth };
// The protocol's own word for a status: "OK", "NO", "BAD", "BYE", "PREAUTH".
const char *imapStatusName(ImapStatus status);
enum class ImapPhase { Greeting, Login, Command };
enum class ImapAuthMethod { Password, XOAuth2 };

// responseCode is the bracketed code with or without its brackets and arguments ("AUTHENTICATIONFAILED",
// "[UNAVAILABLE]", "TRYCREATE"); empty when the response had none. text is the human-readable rest.
Failure classifyImapStatus(ImapStatus status, const QByteArray &responseCode, const QByteArray &text, ImapPhase phase,
                           ImapAuthMethod auth);

// True when an XOAUTH2 login was refused: refresh the access token once and log in again.
bool imapNeedsTokenRefresh(ImapStatus status, const QByteArray &responseCode, const QByteArray &text, ImapPhase phase,
                           ImapAuthMethod auth);

// ---- SQLite (https://www.sqlite.org/rescode.html) ----

// Result codes as sqlite3.h defines them; core does not link SQLite, and the store maps them with these names too.
namespace sqliteresult {
inline constexpr int kOk = 0;
inline constexpr int kError = 1;
inline constexpr int kInternal = 2;
inline constexpr int kPerm = 3;
inline constexpr int kAbort = 4;
inline constexpr int kBusy = 5;
inline constexpr int kLocked = 6;
inline constexpr int kNoMem = 7;
inline constexpr int kReadOnly = 8;
inline constexpr int kInterrupt = 9;
inline constexpr int kIoErr = 10;
inline constexpr int kCorrupt = 11;
inline constexpr int kFull = 13;
inline constexpr int kCantOpen = 14;
inline constexpr int kProtocol = 15;
inline constexpr int kSchema = 17;
inline constexpr int kTooBig = 18;
inline constexpr int kConstraint = 19;
inline constexpr int kMismatch = 20;
inline constexpr int kMisuse = 21;
inline constexpr int kNoLfs = 22;
inline constexpr int kAuth = 23;
inline constexpr int kRange = 25;
inline constexpr int kNotADb = 26;
inline constexpr int kRow = 100;
inline constexpr int kDone = 101;
// Extended codes carry the primary code in their low byte.
inline constexpr int kPrimaryMask = 0xff;
inline constexpr int kIoErrWrite = kIoErr | (3 << 8);      // 778
inline constexpr int kIoErrFsync = kIoErr | (4 << 8);      // 1034
inline constexpr int kIoErrCorruptFs = kIoErr | (33 << 8); // 8458: the file system reported corruption
} // namespace sqliteresult

// Classifies a SQLite failure. extendedCode may be a primary or extended result code; 0 or negative when
// unknown, in which case SQLite's message text is matched. All archive trouble is Local except a single
// oversized or constraint-violating item (BadData) and an interrupt (Cancelled).
Failure classifySqliteError(int extendedCode, const QString &text);

// True for SQLITE_BUSY / SQLITE_LOCKED: the writer may retry its batch once before surfacing the Local failure.
bool isRetryableSqliteError(int extendedCode);

} // namespace vaulttray
