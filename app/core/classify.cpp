#include "core/classify.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <algorithm>
#include <initializer_list>

namespace vaulttray {

namespace {

using std::chrono::seconds;

// Details end up in logs and "Show details"; a server's prose is kept short and printable.
constexpr int kMaxQuotedChars = 200;

constexpr int kHttpNetworkAuthenticationRequired = 511; // RFC 6585: a captive portal wants a sign-in
constexpr int kHttpRequestTimeout = 408;
constexpr int kHttpTooManyRequests = 429;
constexpr int kHttpUnauthorized = 401;
constexpr int kHttpForbidden = 403;
constexpr int kHttpNotFound = 404;
constexpr int kHttpBadRequest = 400;

// RFC 850 dates carry two-digit years; RFC 9110 §5.6.7 reads one that lands further ahead as last century.
constexpr int kTwoDigitYearHorizon = 50;
constexpr int kTwoDigitYearBase = 2000;
constexpr int kYearsPerCentury = 100;

bool isSuccess(int s) { return s >= 200 && s < 300; }
bool isRedirect(int s) { return s >= 300 && s < 400; }
bool isClientError(int s) { return s >= 400 && s < 500; }

// Only RFC 6749's error_description charset (printable ASCII without '"' and '\'), and not too much of it.
QString quoted(const QString &text)
{
    QString out;
    for (const QChar c : text) {
        const ushort u = c.unicode();
        if (u >= 0x20 && u <= 0x7e && c != QLatin1Char('"') && c != QLatin1Char('\\'))
            out += c;
        if (out.size() >= kMaxQuotedChars)
            break;
    }
    return out.trimmed();
}

bool containsAny(const QString &haystack, std::initializer_list<const char *> needles)
{
    return std::any_of(needles.begin(), needles.end(), [&](const char *needle) {
        return haystack.contains(QLatin1String(needle), Qt::CaseInsensitive);
    });
}

Failure serverTransient(QString detail, std::optional<seconds> retryAfter)
{
    Failure f = Failure::of(FailureKind::ServerTransient, std::move(detail));
    f.retryAfter = retryAfter;
    return f;
}

// ---- HTTP-date (RFC 9110 §5.6.7) ----

int monthFromName(const QByteArray &name)
{
    static const char *const kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                          "jul", "aug", "sep", "oct", "nov", "dec"};
    const QByteArray lower = name.toLower();
    for (int i = 0; i < 12; ++i) {
        if (lower == kMonths[i])
            return i + 1;
    }
    return 0;
}

QTime timeFromText(const QByteArray &text)
{
    const QList<QByteArray> hms = text.split(':');
    if (hms.size() != 3)
        return {};
    bool okH = false, okM = false, okS = false;
    const QTime t(hms[0].toInt(&okH), hms[1].toInt(&okM), hms[2].toInt(&okS));
    return okH && okM && okS ? t : QTime();
}

QDateTime httpDate(const QByteArray &value, const QDateTime &now)
{
    const QList<QByteArray> parts = value.simplified().split(' ');
    QByteArray day, month, year, time;
    bool twoDigitYear = false;
    if (parts.size() == 6 && parts[0].endsWith(',') && parts[5] == "GMT") {
        // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
        day = parts[1], month = parts[2], year = parts[3], time = parts[4];
    } else if (parts.size() == 4 && parts[0].endsWith(',') && parts[3] == "GMT") {
        // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT
        const QList<QByteArray> dmy = parts[1].split('-');
        if (dmy.size() != 3)
            return {};
        day = dmy[0], month = dmy[1], year = dmy[2], time = parts[2];
        twoDigitYear = true;
    } else if (parts.size() == 5) {
        // asctime: Sun Nov  6 08:49:37 1994
        month = parts[1], day = parts[2], time = parts[3], year = parts[4];
    } else {
        return {};
    }
    bool okDay = false, okYear = false;
    const int d = day.toInt(&okDay);
    int y = year.toInt(&okYear);
    const int m = monthFromName(month);
    if (!okDay || !okYear || m == 0)
        return {};
    if (twoDigitYear) {
        y += kTwoDigitYearBase;
        if (y > now.toUTC().date().year() + kTwoDigitYearHorizon)
            y -= kYearsPerCentury;
    }
    const QDate date(y, m, d);
    const QTime t = timeFromText(time);
    if (!date.isValid() || !t.isValid())
        return {};
    return QDateTime(date, t, Qt::UTC);
}

// ---- Google JSON error format ----

struct GoogleError
{
    bool parsed = false;
    QString message;
    QString status;       // "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", ...
    QStringList reasons;  // error.errors[].reason and error.details[].reason (google.rpc.ErrorInfo)
    QStringList domains;  // error.errors[].domain
};

GoogleError parseGoogleError(const QByteArray &body)
{
    GoogleError e;
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    const QJsonObject error = doc.object().value(QLatin1String("error")).toObject();
    if (error.isEmpty())
        return e;
    e.parsed = true;
    e.message = error.value(QLatin1String("message")).toString();
    e.status = error.value(QLatin1String("status")).toString();
    const QJsonArray errors = error.value(QLatin1String("errors")).toArray();
    for (const QJsonValue &item : errors) {
        const QJsonObject o = item.toObject();
        e.reasons << o.value(QLatin1String("reason")).toString();
        e.domains << o.value(QLatin1String("domain")).toString();
    }
    const QJsonArray details = error.value(QLatin1String("details")).toArray();
    for (const QJsonValue &item : details)
        e.reasons << item.toObject().value(QLatin1String("reason")).toString();
    e.reasons.removeAll(QString());
    return e;
}

bool hasReason(const GoogleError &e, std::initializer_list<const char *> reasons)
{
    return std::any_of(reasons.begin(), reasons.end(),
                       [&](const char *r) { return e.reasons.contains(QLatin1String(r)); });
}

QString gmailDetail(int status, const GoogleError &e, const char *what)
{
    QString d = QStringLiteral("Gmail API: %1 (HTTP %2").arg(QLatin1String(what)).arg(status);
    if (!e.reasons.isEmpty())
        d += QStringLiteral(", ") + e.reasons.join(QLatin1Char('/'));
    d += QLatin1Char(')');
    const QString msg = quoted(e.message);
    if (!msg.isEmpty())
        d += QStringLiteral(": ") + msg;
    return d;
}

// ---- IMAP ----

QByteArray codeAtom(const QByteArray &responseCode)
{
    QByteArray c = responseCode.trimmed();
    if (c.startsWith('['))
        c.remove(0, 1);
    const qsizetype end = c.indexOf(' ') >= 0 ? c.indexOf(' ') : c.indexOf(']');
    if (end >= 0)
        c.truncate(end);
    if (c.endsWith(']'))
        c.chop(1);
    return c.toUpper();
}

// Last resort for servers that refuse a login without RFC 5530 codes. Vetoed by words that mean "not now".
bool credentialRefusalText(const QString &text)
{
    if (containsAny(text, {"temporar", "try again", "later", "unavailable", "too many", "maintenance"}))
        return false;
    return containsAny(text, {"invalid credentials", "authentication failed", "login failed", "incorrect password",
                              "invalid password", "wrong password", "bad password", "password incorrect",
                              "username and password not accepted", "application-specific password required",
                              "authentication unsuccessful", "invalid login", "login incorrect"});
}

enum class ImapCodeClass { Unknown, Credentials, ServerBusy, Misconfigured, ItemProblem };

ImapCodeClass classOf(const QByteArray &code)
{
    static const QList<QByteArray> credentials = {"AUTHENTICATIONFAILED", "EXPIRED"};
    static const QList<QByteArray> busy = {"UNAVAILABLE", "INUSE", "LIMIT", "SERVERBUG"};
    static const QList<QByteArray> misconfigured = {"AUTHORIZATIONFAILED", "PRIVACYREQUIRED", "CANNOT",
                                                    "CONTACTADMIN", "WEBALERT"};
    static const QList<QByteArray> item = {"NOPERM",        "NONEXISTENT", "TRYCREATE",     "ALREADYEXISTS",
                                           "CLIENTBUG",     "CORRUPTION",  "EXPUNGEISSUED", "BADCHARSET",
                                           "OVERQUOTA"};
    if (credentials.contains(code))
        return ImapCodeClass::Credentials;
    if (busy.contains(code))
        return ImapCodeClass::ServerBusy;
    if (misconfigured.contains(code))
        return ImapCodeClass::Misconfigured;
    if (item.contains(code))
        return ImapCodeClass::ItemProblem;
    return ImapCodeClass::Unknown;
}

const char *statusName(ImapStatus s)
{
    switch (s) {
    case ImapStatus::Ok: return "OK";
    case ImapStatus::No: return "NO";
    case ImapStatus::Bad: return "BAD";
    case ImapStatus::Bye: return "BYE";
    case ImapStatus::PreAuth: return "PREAUTH";
    }
    return "?";
}

// A refusal of the credential itself: a login refused with AUTHENTICATIONFAILED/EXPIRED (or, without a code,
// in words that say so), or EXPIRED at any time. What follows depends on the account: see classifyImapStatus.
bool credentialRefusal(ImapStatus status, const QByteArray &code, const QString &text, ImapPhase phase)
{
    if (status != ImapStatus::No)
        return false;
    if (code == "EXPIRED")
        return true;
    if (phase != ImapPhase::Login)
        return false;
    const ImapCodeClass cls = classOf(code);
    return cls == ImapCodeClass::Credentials || (cls == ImapCodeClass::Unknown && credentialRefusalText(text));
}

// ---- SQLite ----

Failure sqliteByText(const QString &text, const QString &detailTail)
{
    const auto local = [&](const char *what) {
        return Failure::of(FailureKind::Local, QLatin1String(what) + detailTail);
    };
    if (containsAny(text, {"malformed"}))
        return local("archive damaged");
    if (containsAny(text, {"not a database"}))
        return local("archive damaged (not a database)");
    if (containsAny(text, {"database or disk is full"}))
        return local("disk full");
    if (containsAny(text, {"disk i/o error"}))
        return local("disk I/O error");
    if (containsAny(text, {"database is locked", "database table is locked"}))
        return local("archive busy");
    if (containsAny(text, {"readonly database", "read-only database"}))
        return local("archive is read-only");
    if (containsAny(text, {"unable to open database"}))
        return local("archive cannot be opened");
    if (containsAny(text, {"constraint failed"}))
        return Failure::of(FailureKind::BadData, QStringLiteral("item rejected by the archive") + detailTail);
    if (containsAny(text, {"interrupted"}))
        return Failure::of(FailureKind::Cancelled, QStringLiteral("archive operation interrupted") + detailTail);
    return local("archive error");
}

} // namespace

// ---------------------------------------------------------------------------------------------------------------

bool looksLikeHtml(const QByteArray &contentType, const QByteArray &body)
{
    const QByteArray type = contentType.trimmed().toLower();
    if (type.startsWith("text/html") || type.startsWith("application/xhtml"))
        return true;
    const QByteArray start = body.trimmed();
    return start.startsWith('<');
}

bool isServerTransientHttpStatus(int httpStatus)
{
    if (httpStatus == kHttpRequestTimeout || httpStatus == kHttpTooManyRequests)
        return true;
    return httpStatus >= 500 && httpStatus < 600 && httpStatus != kHttpNetworkAuthenticationRequired;
}

std::optional<seconds> parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return std::nullopt;
    if (std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        bool ok = false;
        const qlonglong n = v.toLongLong(&ok); // fails only on overflow: all digits
        if (!ok || n > kRetryAfterSaturation.count())
            return kRetryAfterSaturation;
        return seconds(n);
    }
    if (!now.isValid())
        return std::nullopt;
    const QDateTime when = httpDate(v, now);
    if (!when.isValid())
        return std::nullopt;
    const qint64 delta = now.secsTo(when);
    return seconds(std::clamp<qint64>(delta, 0, kRetryAfterSaturation.count()));
}

// Rules, in order:
//  no HTTP answer → NetworkTransient; 511 → NetworkTransient (captive portal);
//  408/429/5xx → ServerTransient (a 5xx is never a credential verdict, whatever its body says);
//  HTML or a redirect → NetworkTransient (captive portal or proxy); not JSON → NetworkTransient (not our peer);
//  an `error` field decides: invalid_grant → CredentialRejected; server_error / temporarily_unavailable →
//  ServerTransient; every other code, known or not → ClientMisconfigured (the request itself is refused,
//  and a new sign-in would not change it);
//  2xx without access_token → ServerTransient: the refresh token was not refused, so retry later rather than
//  throw away a working grant; a 4xx without an error code → ClientMisconfigured.
Failure classifyOAuthTokenResponse(int httpStatus, const QByteArray &contentType, const QByteArray &body,
                                   std::optional<seconds> retryAfter)
{
    using K = FailureKind;
    if (httpStatus <= 0)
        return Failure::of(K::NetworkTransient, QStringLiteral("token endpoint: no HTTP answer"));
    if (httpStatus == kHttpNetworkAuthenticationRequired)
        return Failure::of(K::NetworkTransient, QStringLiteral("token endpoint: network wants a sign-in (HTTP 511, "
                                                               "captive portal)"));
    if (isServerTransientHttpStatus(httpStatus))
        return serverTransient(QStringLiteral("token endpoint: HTTP %1").arg(httpStatus), retryAfter);
    if (looksLikeHtml(contentType, body))
        return Failure::of(K::NetworkTransient,
                           QStringLiteral("token endpoint: answered with an HTML page (HTTP %1; captive portal or "
                                          "proxy?)")
                               .arg(httpStatus));
    if (isRedirect(httpStatus))
        return Failure::of(K::NetworkTransient,
                           QStringLiteral("token endpoint: redirected (HTTP %1; captive portal or proxy?)")
                               .arg(httpStatus));

    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject())
        return Failure::of(K::NetworkTransient,
                           QStringLiteral("token endpoint: answer is not JSON (HTTP %1); something in between "
                                          "answered")
                               .arg(httpStatus));
    const QJsonObject obj = doc.object();
    const QJsonValue error = obj.value(QLatin1String("error"));
    if (error.isString() && !error.toString().isEmpty()) {
        const QString code = quoted(error.toString());
        QString detail = QStringLiteral("token endpoint: %1 (HTTP %2)").arg(code).arg(httpStatus);
        const QString description = quoted(obj.value(QLatin1String("error_description")).toString());
        if (!description.isEmpty())
            detail += QStringLiteral(": ") + description;
        if (code == QLatin1String("invalid_grant"))
            return Failure::of(K::CredentialRejected, detail);
        if (code == QLatin1String("server_error") || code == QLatin1String("temporarily_unavailable"))
            return serverTransient(detail, retryAfter);
        static const QStringList misconfigured = {
            QStringLiteral("invalid_client"), QStringLiteral("unauthorized_client"),
            QStringLiteral("unsupported_grant_type"), QStringLiteral("invalid_scope"),
            QStringLiteral("invalid_request")};
        if (!misconfigured.contains(code))
            detail += QStringLiteral(" [unrecognised OAuth error code]");
        return Failure::of(K::ClientMisconfigured, detail);
    }
    if (isSuccess(httpStatus)) {
        const QJsonValue token = obj.value(QLatin1String("access_token"));
        if (token.isString() && !token.toString().isEmpty())
            return Failure::none();
        return serverTransient(QStringLiteral("token endpoint: HTTP %1 without an access_token").arg(httpStatus),
                               retryAfter);
    }
    if (isClientError(httpStatus))
        return Failure::of(K::ClientMisconfigured,
                           QStringLiteral("token endpoint: HTTP %1 without an OAuth error code").arg(httpStatus));
    return serverTransient(QStringLiteral("token endpoint: unexpected HTTP %1").arg(httpStatus), retryAfter);
}

// Rules, in order:
//  no HTTP answer → NetworkTransient; 511 → NetworkTransient; 2xx → ok unless it is an HTML page;
//  HTML on a non-5xx status, or a redirect → NetworkTransient (captive portal, proxy);
//  reasons first: rateLimitExceeded, userRateLimitExceeded, backendError, RESOURCE_EXHAUSTED, domain usageLimits
//  (but accessNotConfigured) → ServerTransient; dailyLimitExceeded, or quotaExceeded on a per-day limit →
//  ServerTransient waiting at least kDailyQuotaRetry; insufficientPermissions / ACCESS_TOKEN_SCOPE_INSUFFICIENT,
//  accessNotConfigured / SERVICE_DISABLED, domainPolicy, failedPrecondition → ClientMisconfigured;
//  then the status: 408/429/5xx → ServerTransient; 401 → ServerTransient "access token rejected" (the caller
//  refreshes once); other 403 → ClientMisconfigured; 404/410 and other 4xx → BadData (one request or item).
Failure classifyGmailApiError(int httpStatus, const QByteArray &body, std::optional<seconds> retryAfter)
{
    using K = FailureKind;
    if (httpStatus <= 0)
        return Failure::of(K::NetworkTransient, QStringLiteral("Gmail API: no HTTP answer"));
    if (httpStatus == kHttpNetworkAuthenticationRequired)
        return Failure::of(K::NetworkTransient, QStringLiteral("Gmail API: network wants a sign-in (HTTP 511, "
                                                               "captive portal)"));
    const bool html = looksLikeHtml({}, body);
    if (isSuccess(httpStatus) && !html)
        return Failure::none();
    // Google's front ends answer some 5xx with an HTML page of their own: still the server, not the network.
    if (html && !isServerTransientHttpStatus(httpStatus))
        return Failure::of(K::NetworkTransient,
                           QStringLiteral("Gmail API: answered with an HTML page (HTTP %1; captive portal or "
                                          "proxy?)")
                               .arg(httpStatus));
    if (isRedirect(httpStatus))
        return Failure::of(K::NetworkTransient,
                           QStringLiteral("Gmail API: redirected (HTTP %1; captive portal or proxy?)").arg(httpStatus));

    const GoogleError e = parseGoogleError(body);
    const bool dailyQuota = hasReason(e, {"dailyLimitExceeded"}) ||
                            (hasReason(e, {"quotaExceeded"}) && containsAny(e.message, {"per day", "daily"}));
    if (dailyQuota) {
        std::optional<seconds> wait = std::max(retryAfter.value_or(kDailyQuotaRetry), kDailyQuotaRetry);
        return serverTransient(gmailDetail(httpStatus, e, "daily quota exhausted"), wait);
    }
    if (hasReason(e, {"insufficientPermissions", "ACCESS_TOKEN_SCOPE_INSUFFICIENT"}))
        return Failure::of(K::ClientMisconfigured, gmailDetail(httpStatus, e, "the grant lacks a required scope"));
    if (hasReason(e, {"accessNotConfigured", "SERVICE_DISABLED"}))
        return Failure::of(K::ClientMisconfigured,
                           gmailDetail(httpStatus, e, "Gmail API is not enabled for the OAuth client's project"));
    if (hasReason(e, {"domainPolicy"}))
        return Failure::of(K::ClientMisconfigured,
                           gmailDetail(httpStatus, e, "the domain administrator does not allow this app"));
    if (hasReason(e, {"failedPrecondition"}))
        return Failure::of(K::ClientMisconfigured, gmailDetail(httpStatus, e, "account cannot use the Gmail API"));
    if (hasReason(e, {"rateLimitExceeded", "userRateLimitExceeded", "quotaExceeded", "backendError",
                      "RATE_LIMIT_EXCEEDED"}) ||
        e.status == QLatin1String("RESOURCE_EXHAUSTED") || e.domains.contains(QLatin1String("usageLimits")))
        return serverTransient(gmailDetail(httpStatus, e, "rate limited or server busy"), retryAfter);

    if (isServerTransientHttpStatus(httpStatus))
        return serverTransient(gmailDetail(httpStatus, e, "server error"), retryAfter);
    if (httpStatus == kHttpUnauthorized)
        return serverTransient(gmailDetail(httpStatus, e, "access token rejected; refresh once"), retryAfter);
    if (httpStatus == kHttpForbidden)
        return Failure::of(K::ClientMisconfigured, gmailDetail(httpStatus, e, "forbidden"));
    if (httpStatus == kHttpNotFound)
        return Failure::of(K::BadData, gmailDetail(httpStatus, e, "not found"));
    if (httpStatus == kHttpBadRequest)
        return Failure::of(K::BadData, gmailDetail(httpStatus, e, "request refused"));
    if (isClientError(httpStatus))
        return Failure::of(K::BadData, gmailDetail(httpStatus, e, "request refused"));
    return serverTransient(gmailDetail(httpStatus, e, "unexpected status"), retryAfter);
}

bool gmailNeedsTokenRefresh(int httpStatus, const QByteArray &body)
{
    return httpStatus == kHttpUnauthorized && !looksLikeHtml({}, body);
}

bool gmailHistoryExpired(int httpStatus, const QByteArray &body)
{
    return httpStatus == kHttpNotFound && !looksLikeHtml({}, body);
}

// Rules, in order:
//  OK/PREAUTH → ok; BYE → ServerTransient (the server is going away: shutdown, idle timeout, overload);
//  a refused credential (NO [AUTHENTICATIONFAILED] at login, NO [EXPIRED] anywhere, or a login NO without a known
//  code whose text says so, see credentialRefusalText) → CredentialRejected for a password account, ServerTransient
//  "refresh once" for XOAUTH2 (the refresh's own result decides);
//  otherwise a known RFC 5530 code decides: UNAVAILABLE/INUSE/LIMIT/SERVERBUG → ServerTransient;
//  AUTHORIZATIONFAILED/PRIVACYREQUIRED/CANNOT/CONTACTADMIN/WEBALERT → ClientMisconfigured; NOPERM/NONEXISTENT/
//  TRYCREATE/CLIENTBUG/... → BadData (one mailbox or item; the run goes on);
//  without a known code: any other NO at login → ServerTransient; BAD at login → ClientMisconfigured (the server refuses our login method,
//  a new password would not help); NO/BAD on a command → BadData; anything at the greeting → ServerTransient.
Failure classifyImapStatus(ImapStatus status, const QByteArray &responseCode, const QByteArray &text, ImapPhase phase,
                           ImapAuthMethod auth)
{
    using K = FailureKind;
    if (status == ImapStatus::Ok || status == ImapStatus::PreAuth)
        return Failure::none();
    const QByteArray code = codeAtom(responseCode);
    const QString prose = QString::fromUtf8(text);
    QString detail = QStringLiteral("IMAP %1").arg(QLatin1String(statusName(status)));
    if (!code.isEmpty())
        detail += QStringLiteral(" [%1]").arg(QString::fromLatin1(code));
    if (!quoted(prose).isEmpty())
        detail += QLatin1Char(' ') + quoted(prose);

    if (status == ImapStatus::Bye)
        return Failure::of(K::ServerTransient, detail);
    if (phase == ImapPhase::Greeting)
        return Failure::of(K::ServerTransient, detail);

    if (credentialRefusal(status, code, prose, phase)) {
        if (auth == ImapAuthMethod::Password)
            return Failure::of(K::CredentialRejected, detail);
        return Failure::of(K::ServerTransient, detail + QStringLiteral(" (access token rejected; refresh once)"));
    }
    switch (classOf(code)) {
    case ImapCodeClass::Credentials:
    case ImapCodeClass::ServerBusy: return Failure::of(K::ServerTransient, detail);
    case ImapCodeClass::Misconfigured: return Failure::of(K::ClientMisconfigured, detail);
    case ImapCodeClass::ItemProblem: return Failure::of(K::BadData, detail);
    case ImapCodeClass::Unknown: break;
    }
    if (phase == ImapPhase::Login)
        return Failure::of(status == ImapStatus::Bad ? K::ClientMisconfigured : K::ServerTransient, detail);
    return Failure::of(K::BadData, detail);
}

bool imapNeedsTokenRefresh(ImapStatus status, const QByteArray &responseCode, const QByteArray &text, ImapPhase phase,
                           ImapAuthMethod auth)
{
    return auth == ImapAuthMethod::XOAuth2 &&
           credentialRefusal(status, codeAtom(responseCode), QString::fromUtf8(text), phase);
}

// Rules: the primary code (low byte) decides; SQLITE_ERROR (generic) and an unknown code fall back to the text.
//  FULL → disk full; IOERR → disk I/O error (IOERR_CORRUPTFS → damaged); CORRUPT/NOTADB → archive damaged;
//  READONLY/CANTOPEN/PERM/AUTH → not writable or cannot open; BUSY/LOCKED → Local "archive busy": with WAL, a
//  busy_timeout and one writer, a lock that outlives the timeout is another process holding the archive, which
//  the person should hear about (the writer may retry once, see isRetryableSqliteError);
//  CONSTRAINT/TOOBIG/MISMATCH → BadData (one item); INTERRUPT → Cancelled; everything else → Local.
Failure classifySqliteError(int extendedCode, const QString &text)
{
    namespace r = sqliteresult;
    using K = FailureKind;
    const int primary = extendedCode > 0 ? (extendedCode & r::kPrimaryMask) : 0;
    if ((primary == r::kOk || primary == r::kRow || primary == r::kDone) && text.trimmed().isEmpty())
        return Failure::none();
    QString tail = extendedCode > 0 ? QStringLiteral(" (SQLite %1)").arg(extendedCode) : QString();
    if (!text.trimmed().isEmpty())
        tail += QStringLiteral(": ") + text.trimmed();
    const auto local = [&](const char *what) { return Failure::of(K::Local, QLatin1String(what) + tail); };

    switch (primary) {
    case r::kRow:
    case r::kDone: return Failure::none();
    case r::kFull: return local("disk full");
    case r::kIoErr:
        return extendedCode == r::kIoErrCorruptFs ? local("archive damaged (file system)") : local("disk I/O error");
    case r::kCorrupt: return local("archive damaged");
    case r::kNotADb: return local("archive damaged (not a database)");
    case r::kReadOnly: return local("archive is read-only");
    case r::kCantOpen: return local("archive cannot be opened");
    case r::kPerm:
    case r::kAuth: return local("permission denied");
    case r::kBusy:
    case r::kLocked: return local("archive busy (held by another connection or process)");
    case r::kNoMem: return local("out of memory");
    case r::kNoLfs: return local("file too large for this file system");
    case r::kConstraint:
    case r::kTooBig:
    case r::kMismatch: return Failure::of(K::BadData, QStringLiteral("item rejected by the archive") + tail);
    case r::kInterrupt: return Failure::of(K::Cancelled, QStringLiteral("archive operation interrupted") + tail);
    case r::kOk:
    case r::kError: return sqliteByText(text, tail);
    default: return local("archive error");
    }
}

bool isRetryableSqliteError(int extendedCode)
{
    const int primary = extendedCode > 0 ? (extendedCode & sqliteresult::kPrimaryMask) : 0;
    return primary == sqliteresult::kBusy || primary == sqliteresult::kLocked;
}

} // namespace vaulttray
