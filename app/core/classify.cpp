// HTTP half of core/classify.h: Retry-After, the OAuth 2.0 token endpoint and the Gmail REST API.
#include "core/classify.h"

#include "core/classifytext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <algorithm>
#include <initializer_list>

namespace vaulttray {

namespace {

using classifytext::containsAny;
using classifytext::quoted;
using std::chrono::seconds;

constexpr int kHttpNetworkAuthenticationRequired = 511; // RFC 6585: a captive portal wants a sign-in
constexpr int kHttpRequestTimeout = 408;
constexpr int kHttpTooManyRequests = 429;
constexpr int kHttpUnauthorized = 401;
constexpr int kHttpForbidden = 403;
constexpr int kHttpNotFound = 404;

// RFC 850 dates carry two-digit years; RFC 9110 §5.6.7 reads one that lands further ahead as last century.
constexpr int kTwoDigitYearHorizon = 50;
constexpr int kTwoDigitYearBase = 2000;
constexpr int kYearsPerCentury = 100;

bool isSuccess(int s)
{
    return s >= 200 && s < 300;
}
bool isRedirect(int s)
{
    return s >= 300 && s < 400;
}
bool isClientError(int s)
{
    return s >= 400 && s < 500;
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
    QString status;      // "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", ...
    QStringList reasons; // error.errors[].reason and error.details[].reason (google.rpc.ErrorInfo)
    QStringList domains; // error.errors[].domain
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

} // namespace

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
        return Failure::of(
            K::NetworkTransient,
            QStringLiteral("token endpoint: redirected (HTTP %1; captive portal or proxy?)").arg(httpStatus));

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
        static const QStringList misconfigured = {QStringLiteral("invalid_client"),
                                                  QStringLiteral("unauthorized_client"),
                                                  QStringLiteral("unsupported_grant_type"),
                                                  QStringLiteral("invalid_scope"), QStringLiteral("invalid_request")};
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

} // namespace vaulttray
