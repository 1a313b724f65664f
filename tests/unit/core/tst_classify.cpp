#include "core/classify.h"

#include <QTest>

using namespace vaulttray;
using namespace std::chrono_literals;

namespace {

using K = FailureKind;

// Every body below that carries a token carries this marker; no detail may ever contain it.
const QString kSecretMarker = QStringLiteral("SECRET");

const QByteArray kJson = "application/json; charset=utf-8";

// ---- Real bodies ----

// RFC 6749 §5.1 example response (plus the marker in both tokens).
const QByteArray kRfc6749Success =
    R"({"access_token":"2YotnFZFEjr1zCsicMWpAA-SECRET","token_type":"example", "expires_in":3600,)"
    R"("refresh_token":"tGzv3JOkF0XG5Qx2TlKWIA-SECRET","example_parameter":"example_value"})";
// RFC 6749 §5.2 example error response.
const QByteArray kRfc6749InvalidRequest = R"({"error":"invalid_request"})";
// Google's token endpoint when a refresh token was revoked or expired (the incident's 14 real cases).
const QByteArray kGoogleInvalidGrant =
    R"({"error":"invalid_grant","error_description":"Token has been expired or revoked."})";
const QByteArray kGoogleInvalidClient =
    R"({"error": "invalid_client", "error_description": "The OAuth client was not found."})";
const QByteArray kGoogleUnauthorizedClient = R"({"error": "unauthorized_client", "error_description": "Unauthorized"})";
const QByteArray kCaptivePortal = "<!DOCTYPE html>\n<html><head><title>Welcome to Hotel Wi-Fi</title></head>"
                                  "<body><form action=\"/login\">Accept terms</form></body></html>";
const QByteArray kGoogle502 = "<!DOCTYPE html>\n<html lang=en>\n  <meta charset=utf-8>\n  <title>Error 502 (Server "
                              "Error)!!1</title>\n  <p><b>502.</b> <ins>That’s an error.</ins>";

// moc (Qt 6.4) tokenizes raw string literals like ordinary ones and then finds no class in the file ("No relevant
// classes found") unless each literal keeps its quotes balanced: the bodies are split between JSON tokens only,
// and an apostrophe is spelled as the equivalent JSON escape \u0027.

// Gmail API, from "Resolve errors" (developers.google.com/gmail/api/guides/handle-errors) and Google's AIP-193
// format. The 401 sample is verbatim, trailing comma included: it is not valid JSON, and must still work.
const QByteArray kGmail401Doc = R"({
  "error": {
    "errors": [
      {
        "domain": "global",
        "reason": "authError",
        "message": "Invalid Credentials",
        "locationType": "header",
        "location": "Authorization",
      }
    ],
    "code": 401,
    "message": "Invalid Credentials"
  }
})";
const QByteArray kGmail401Unauthenticated =
    R"({"error":{"code":401,)"
    R"("message":"Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.",)"
    R"( "errors":[{"message":"Invalid Credentials","domain":"global","reason":"authError",)"
    R"("location":"Authorization", "locationType":"header"}],"status":"UNAUTHENTICATED"}})";
const QByteArray kGmail400Doc =
    R"({"error":{"code":400,"errors":[{"domain":"global","location":"orderBy", "locationType":"parameter",)"
    R"("message":"Sorting is not supported for queries with fullText terms. Results are always in descending relevance order.",)"
    R"("reason":"badRequest"}],)"
    R"("message":"Sorting is not supported for queries with fullText terms. Results are always in descending relevance order."}})";
const QByteArray kGmail403RateLimit =
    R"({"error":{"errors":[{"domain":"usageLimits","reason":"rateLimitExceeded", "message":"Rate Limit Exceeded"}],)"
    R"("code":403,"message":"Rate Limit Exceeded"}})";
const QByteArray kGmail403UserRateLimit =
    R"({"error":{"errors":[{"domain":"usageLimits", "reason":"userRateLimitExceeded",)"
    R"("message":"User Rate Limit Exceeded. Rate of requests for user exceed configured project quota."}],)"
    R"("code":403,"message":"User Rate Limit Exceeded"}})";
const QByteArray kGmail429RateLimit =
    R"({"error":{"errors":[{"domain":"usageLimits","reason":"rateLimitExceeded", "message":"Rate Limit Exceeded"}],)"
    R"("code":429,"message":"Rate Limit Exceeded"}})";
const QByteArray kGmail429Exhausted =
    R"({"error":{"code":429,)"
    R"("message":"Quota exceeded for quota metric \u0027Queries\u0027 and limit \u0027Queries per minute per user\u0027 of service \u0027gmail.googleapis.com\u0027 for consumer \u0027project_number:123\u0027.",)"
    R"( "status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo",)"
    R"( "reason":"RATE_LIMIT_EXCEEDED","domain":"googleapis.com"}]}})";
const QByteArray kGmail403Daily =
    R"({"error":{"errors":[{"domain":"usageLimits","reason":"dailyLimitExceeded",)"
    R"( "message":"Daily Limit Exceeded"}],"code":403,"message":"Daily Limit Exceeded"}})";
const QByteArray kGmail403QuotaPerDay =
    R"({"error":{"code":403,)"
    R"("message":"Quota exceeded for quota metric \u0027Queries\u0027 and limit \u0027Queries per day\u0027 of service \u0027gmail.googleapis.com\u0027 for consumer \u0027project_number:123\u0027.",)"
    R"( "errors":[{"message":"Quota exceeded","domain":"global","reason":"quotaExceeded"}],)"
    R"("status":"PERMISSION_DENIED"}})";
const QByteArray kGmail500Backend =
    R"({"error":{"errors":[{"domain":"global","reason":"backendError", "message":"Backend Error"}],"code":500,)"
    R"("message":"Backend Error"}})";
const QByteArray kGmail403Scope =
    R"({"error":{"code":403,"message":"Request had insufficient authentication scopes.", "errors":[{)"
    R"("message":"Insufficient Permission","domain":"global","reason":"insufficientPermissions"}],)"
    R"( "status":"PERMISSION_DENIED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo",)"
    R"( "reason":"ACCESS_TOKEN_SCOPE_INSUFFICIENT","domain":"googleapis.com", "metadata":{)"
    R"("service":"gmail.googleapis.com","method":"caribou.api.proto.MailboxService.ListHistory"}}]}})";
const QByteArray kGmail403NotEnabled =
    R"({"error":{"code":403,)"
    R"("message":"Gmail API has not been used in project 123 before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/gmail.googleapis.com/overview?project=123 then retry.",)"
    R"("errors":[{"message":"Gmail API has not been used in project 123 before or it is disabled.",)"
    R"("domain":"usageLimits","reason":"accessNotConfigured",)"
    R"("extendedHelp":"https://console.developers.google.com"}],"status":"PERMISSION_DENIED","details":[{)"
    R"("@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"SERVICE_DISABLED","domain":"googleapis.com"}]}})";
const QByteArray kGmail403DomainPolicy =
    R"({"error":{"errors":[{"domain":"global","reason":"domainPolicy",)"
    R"( "message":"The domain administrators have disabled Gmail apps."}],"code":403,)"
    R"( "message":"The domain administrators have disabled Gmail apps."}})";
const QByteArray kGmail403Unknown =
    R"({"error":{"code":403,"message":"The caller does not have permission", "errors":[{)"
    R"("message":"The caller does not have permission","domain":"global","reason":"forbidden"}],)"
    R"( "status":"PERMISSION_DENIED"}})";
const QByteArray kGmail404 =
    R"({"error":{"code":404,"message":"Requested entity was not found.", "errors":[{)"
    R"("message":"Requested entity was not found.","domain":"global","reason":"notFound"}],"status":"NOT_FOUND"}})";
const QByteArray kGmail400Precondition =
    R"({"error":{"code":400,"message":"Mail service not enabled", "errors":[{"message":"Mail service not enabled",)"
    R"("domain":"global","reason":"failedPrecondition"}], "status":"FAILED_PRECONDITION"}})";
const QByteArray kGmail400Invalid =
    R"({"error":{"code":400,"message":"Invalid id value", "errors":[{"message":"Invalid id value",)"
    R"("domain":"global","reason":"invalidArgument"}],"status":"INVALID_ARGUMENT"}})";

QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toUTC();
}

// The bad variant the incident shipped: any mention of a token or of authentication meant "sign in again".
FailureKind naiveTextClassifier(const QString &text)
{
    for (const char *word : {"token", "auth", "credential", "invalid_grant"}) {
        if (text.contains(QLatin1String(word), Qt::CaseInsensitive))
            return K::CredentialRejected;
    }
    return K::NetworkTransient;
}

} // namespace

class TestClassify : public QObject
{
    Q_OBJECT

private slots:
    void retryAfter_data();
    void retryAfter();
    void oauthToken_data();
    void oauthToken();
    void oauthRetryAfterOnlyOnServerTransient();
    void gmail_data();
    void gmail();
    void gmailDailyQuotaWaitsLong();
    void imap_data();
    void imap();
    void sqlite_data();
    void sqlite();
    void sqliteRetryable();
    void guardNaiveTextClassifier_data();
    void guardNaiveTextClassifier();
};

void TestClassify::retryAfter_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<qint64>("expectedSeconds"); // -1: no value

    QTest::newRow("delta-seconds") << QByteArray("120") << qint64(120);
    QTest::newRow("delta with spaces") << QByteArray("  7 ") << qint64(7);
    QTest::newRow("zero") << QByteArray("0") << qint64(0);
    QTest::newRow("IMF-fixdate ahead") << QByteArray("Sun, 10 Mar 2024 08:05:00 GMT") << qint64(300);
    QTest::newRow("RFC 850 date ahead") << QByteArray("Sunday, 10-Mar-24 08:01:00 GMT") << qint64(60);
    QTest::newRow("asctime date ahead") << QByteArray("Sun Mar 10 09:00:00 2024") << qint64(3600);
    QTest::newRow("date in the past") << QByteArray("Sat, 09 Mar 2024 08:00:00 GMT") << qint64(0);
    QTest::newRow("absurdly large saturates")
        << QByteArray("99999999999999999999999") << qint64(kRetryAfterSaturation.count());
    QTest::newRow("negative is not delta-seconds") << QByteArray("-5") << qint64(-1);
    QTest::newRow("garbage") << QByteArray("soon") << qint64(-1);
    QTest::newRow("empty") << QByteArray() << qint64(-1);
    QTest::newRow("bad month") << QByteArray("Sun, 10 Foo 2024 08:05:00 GMT") << qint64(-1);
}

void TestClassify::retryAfter()
{
    QFETCH(QByteArray, value);
    QFETCH(qint64, expectedSeconds);
    const auto parsed = parseRetryAfter(value, utc("2024-03-10T08:00:00Z"));
    if (expectedSeconds < 0) {
        QVERIFY(!parsed.has_value());
    } else {
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->count(), expectedSeconds);
    }
}

void TestClassify::oauthToken_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<FailureKind>("expected");

    QTest::newRow("200 RFC 6749 success") << 200 << kJson << kRfc6749Success << K::None;
    QTest::newRow("400 invalid_grant expired or revoked (incident)")
        << 400 << kJson << kGoogleInvalidGrant << K::CredentialRejected;
    QTest::newRow("400 invalid_grant with refresh token echoed")
        << 400 << kJson << QByteArray(R"({"error":"invalid_grant","refresh_token":"1//SECRET"})")
        << K::CredentialRejected;
    QTest::newRow("400 RFC 6749 invalid_request") << 400 << kJson << kRfc6749InvalidRequest << K::ClientMisconfigured;
    QTest::newRow("401 invalid_client") << 401 << kJson << kGoogleInvalidClient << K::ClientMisconfigured;
    QTest::newRow("401 unauthorized_client") << 401 << kJson << kGoogleUnauthorizedClient << K::ClientMisconfigured;
    QTest::newRow("400 unsupported_grant_type")
        << 400 << kJson << QByteArray(R"({"error":"unsupported_grant_type"})") << K::ClientMisconfigured;
    QTest::newRow("400 invalid_scope") << 400 << kJson << QByteArray(R"({"error":"invalid_scope"})")
                                       << K::ClientMisconfigured;
    QTest::newRow("400 unrecognised code")
        << 400 << kJson << QByteArray(R"({"error":"access_denied"})") << K::ClientMisconfigured;
    QTest::newRow("503 temporarily_unavailable")
        << 503 << kJson << QByteArray(R"({"error":"temporarily_unavailable"})") << K::ServerTransient;
    QTest::newRow("400 server_error") << 400 << kJson << QByteArray(R"({"error":"server_error"})")
                                      << K::ServerTransient;
    QTest::newRow("500 carrying invalid_grant is no verdict")
        << 500 << kJson << kGoogleInvalidGrant << K::ServerTransient;
    QTest::newRow("429") << 429 << QByteArray() << QByteArray() << K::ServerTransient;
    QTest::newRow("502 Google HTML page")
        << 502 << QByteArray("text/html; charset=UTF-8") << kGoogle502 << K::ServerTransient;
    QTest::newRow("200 captive portal HTML") << 200 << QByteArray("text/html") << kCaptivePortal << K::NetworkTransient;
    QTest::newRow("200 HTML without content type") << 200 << QByteArray() << kCaptivePortal << K::NetworkTransient;
    QTest::newRow("302 redirect") << 302 << QByteArray() << QByteArray() << K::NetworkTransient;
    QTest::newRow("511 network authentication required")
        << 511 << QByteArray("text/html") << kCaptivePortal << K::NetworkTransient;
    QTest::newRow("200 not JSON") << 200 << QByteArray("text/plain") << QByteArray("OK") << K::NetworkTransient;
    QTest::newRow("400 empty body") << 400 << QByteArray() << QByteArray() << K::NetworkTransient;
    QTest::newRow("200 JSON without access_token")
        << 200 << kJson << QByteArray(R"({"token_type":"Bearer","expires_in":3599})") << K::ServerTransient;
    QTest::newRow("200 JSON with empty access_token")
        << 200 << kJson << QByteArray(R"({"access_token":"","expires_in":3599})") << K::ServerTransient;
    QTest::newRow("400 JSON without error code")
        << 400 << kJson << QByteArray(R"({"foo":1})") << K::ClientMisconfigured;
    QTest::newRow("no HTTP answer") << 0 << QByteArray() << QByteArray() << K::NetworkTransient;
}

void TestClassify::oauthToken()
{
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(FailureKind, expected);
    const Failure f = classifyOAuthTokenResponse(status, contentType, body);
    QCOMPARE(toString(f.kind), toString(expected));
    QVERIFY2(!f.detail.contains(kSecretMarker), qPrintable(f.detail));
    QVERIFY(f.ok() || !f.detail.isEmpty());
}

void TestClassify::oauthRetryAfterOnlyOnServerTransient()
{
    const Failure busy = classifyOAuthTokenResponse(503, kJson, {}, 120s);
    QCOMPARE(toString(busy.kind), toString(K::ServerTransient));
    QCOMPARE(busy.retryAfter, std::optional<std::chrono::seconds>(120s));

    const Failure rejected = classifyOAuthTokenResponse(400, kJson, kGoogleInvalidGrant, 120s);
    QCOMPARE(toString(rejected.kind), toString(K::CredentialRejected));
    QVERIFY(!rejected.retryAfter);
    QVERIFY(rejected.detail.contains(QLatin1String("invalid_grant")));
    QVERIFY(rejected.detail.contains(QLatin1String("Token has been expired or revoked.")));
}

void TestClassify::gmail_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<FailureKind>("expected");
    QTest::addColumn<bool>("needsRefresh");
    QTest::addColumn<bool>("historyExpired");

    QTest::newRow("200 JSON") << 200 << QByteArray(R"({"historyId":"1234"})") << K::None << false << false;
    QTest::newRow("200 captive portal HTML") << 200 << kCaptivePortal << K::NetworkTransient << false << false;
    QTest::newRow("401 docs sample (trailing comma)") << 401 << kGmail401Doc << K::ServerTransient << true << false;
    QTest::newRow("401 UNAUTHENTICATED") << 401 << kGmail401Unauthenticated << K::ServerTransient << true << false;
    QTest::newRow("401 empty body") << 401 << QByteArray() << K::ServerTransient << true << false;
    QTest::newRow("403 rateLimitExceeded") << 403 << kGmail403RateLimit << K::ServerTransient << false << false;
    QTest::newRow("403 userRateLimitExceeded") << 403 << kGmail403UserRateLimit << K::ServerTransient << false << false;
    QTest::newRow("429 rateLimitExceeded") << 429 << kGmail429RateLimit << K::ServerTransient << false << false;
    QTest::newRow("429 RESOURCE_EXHAUSTED") << 429 << kGmail429Exhausted << K::ServerTransient << false << false;
    QTest::newRow("403 dailyLimitExceeded") << 403 << kGmail403Daily << K::ServerTransient << false << false;
    QTest::newRow("403 quotaExceeded per day") << 403 << kGmail403QuotaPerDay << K::ServerTransient << false << false;
    QTest::newRow("500 backendError") << 500 << kGmail500Backend << K::ServerTransient << false << false;
    QTest::newRow("502 Google HTML page") << 502 << kGoogle502 << K::ServerTransient << false << false;
    QTest::newRow("503 empty") << 503 << QByteArray() << K::ServerTransient << false << false;
    QTest::newRow("504 empty") << 504 << QByteArray() << K::ServerTransient << false << false;
    QTest::newRow("403 insufficient scope") << 403 << kGmail403Scope << K::ClientMisconfigured << false << false;
    QTest::newRow("403 API not enabled (domain usageLimits)")
        << 403 << kGmail403NotEnabled << K::ClientMisconfigured << false << false;
    QTest::newRow("403 domainPolicy") << 403 << kGmail403DomainPolicy << K::ClientMisconfigured << false << false;
    QTest::newRow("403 unknown reason") << 403 << kGmail403Unknown << K::ClientMisconfigured << false << false;
    QTest::newRow("404 history id too old") << 404 << kGmail404 << K::BadData << false << true;
    QTest::newRow("404 HTML page is not Gmail") << 404 << kCaptivePortal << K::NetworkTransient << false << false;
    QTest::newRow("400 badRequest docs sample") << 400 << kGmail400Doc << K::BadData << false << false;
    QTest::newRow("400 invalidArgument") << 400 << kGmail400Invalid << K::BadData << false << false;
    QTest::newRow("400 failedPrecondition") << 400 << kGmail400Precondition << K::ClientMisconfigured << false << false;
    QTest::newRow("302 redirect") << 302 << QByteArray() << K::NetworkTransient << false << false;
    QTest::newRow("511") << 511 << kCaptivePortal << K::NetworkTransient << false << false;
    QTest::newRow("no HTTP answer") << 0 << QByteArray() << K::NetworkTransient << false << false;
}

void TestClassify::gmail()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(FailureKind, expected);
    QFETCH(bool, needsRefresh);
    QFETCH(bool, historyExpired);
    const Failure f = classifyGmailApiError(status, body);
    QCOMPARE(toString(f.kind), toString(expected));
    QCOMPARE(gmailNeedsTokenRefresh(status, body), needsRefresh);
    QCOMPARE(gmailHistoryExpired(status, body), historyExpired);
    // The Gmail API can never ask for a new sign-in on its own: only the token endpoint can.
    QVERIFY(f.kind != K::CredentialRejected);
}

void TestClassify::gmailDailyQuotaWaitsLong()
{
    const Failure daily = classifyGmailApiError(403, kGmail403Daily);
    QCOMPARE(daily.retryAfter, std::optional<std::chrono::seconds>(kDailyQuotaRetry));
    const Failure dailyLonger = classifyGmailApiError(403, kGmail403Daily, 2 * kDailyQuotaRetry);
    QCOMPARE(dailyLonger.retryAfter, std::optional<std::chrono::seconds>(2 * kDailyQuotaRetry));
    const Failure perMinute = classifyGmailApiError(403, kGmail403RateLimit, 30s);
    QCOMPARE(perMinute.retryAfter, std::optional<std::chrono::seconds>(30s));
    QVERIFY(!classifyGmailApiError(403, kGmail403RateLimit).retryAfter);
}

void TestClassify::imap_data()
{
    QTest::addColumn<ImapStatus>("status");
    QTest::addColumn<QByteArray>("code");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<ImapPhase>("phase");
    QTest::addColumn<ImapAuthMethod>("auth");
    QTest::addColumn<FailureKind>("expected");
    QTest::addColumn<bool>("needsRefresh");

    const auto No = ImapStatus::No, Bad = ImapStatus::Bad, Bye = ImapStatus::Bye;
    const auto Login = ImapPhase::Login, Command = ImapPhase::Command, Greeting = ImapPhase::Greeting;
    const auto Pw = ImapAuthMethod::Password, OAuth = ImapAuthMethod::XOAuth2;

    QTest::newRow("OK") << ImapStatus::Ok << QByteArray() << QByteArray("LOGIN completed") << Login << Pw << K::None
                        << false;
    QTest::newRow("PREAUTH greeting") << ImapStatus::PreAuth << QByteArray() << QByteArray("ready") << Greeting << Pw
                                      << K::None << false;
    QTest::newRow("Gmail password AUTHENTICATIONFAILED")
        << No << QByteArray("AUTHENTICATIONFAILED") << QByteArray("Invalid credentials (Failure)") << Login << Pw
        << K::CredentialRejected << false;
    QTest::newRow("Gmail XOAUTH2 AUTHENTICATIONFAILED refreshes")
        << No << QByteArray("AUTHENTICATIONFAILED") << QByteArray("Invalid credentials (Failure)") << Login << OAuth
        << K::ServerTransient << true;
    QTest::newRow("Dovecot bracketed lowercase code")
        << No << QByteArray("[authenticationfailed]") << QByteArray("Authentication failed.") << Login << Pw
        << K::CredentialRejected << false;
    QTest::newRow("Dovecot UNAVAILABLE temporary")
        << No << QByteArray("[UNAVAILABLE]") << QByteArray("Temporary authentication failure. [host:2024-03-10]")
        << Login << Pw << K::ServerTransient << false;
    QTest::newRow("XOAUTH2 UNAVAILABLE does not refresh")
        << No << QByteArray("UNAVAILABLE") << QByteArray("Try again later") << Login << OAuth << K::ServerTransient
        << false;
    QTest::newRow("no code, temporary failure text")
        << No << QByteArray() << QByteArray("Temporary authentication failure, try again later") << Login << Pw
        << K::ServerTransient << false;
    QTest::newRow("no code, Exchange LOGIN failed")
        << No << QByteArray() << QByteArray("LOGIN failed.") << Login << Pw << K::CredentialRejected << false;
    QTest::newRow("ALERT app password required")
        << No << QByteArray("ALERT")
        << QByteArray("Application-specific password required: https://support.google.com/accounts/answer/185833 "
                      "(Failure)")
        << Login << Pw << K::CredentialRejected << false;
    QTest::newRow("no code, unknown text at login")
        << No << QByteArray() << QByteArray("Server busy") << Login << Pw << K::ServerTransient << false;
    QTest::newRow("BAD at login") << Bad << QByteArray() << QByteArray("Unsupported authentication mechanism.") << Login
                                  << Pw << K::ClientMisconfigured << false;
    QTest::newRow("BYE shutting down") << Bye << QByteArray() << QByteArray("Server shutting down.") << Command << Pw
                                       << K::ServerTransient << false;
    QTest::newRow("BYE at greeting") << Bye << QByteArray("UNAVAILABLE") << QByteArray("Too many connections")
                                     << Greeting << Pw << K::ServerTransient << false;
    QTest::newRow("INUSE") << No << QByteArray("INUSE") << QByteArray("Mailbox in use") << Command << Pw
                           << K::ServerTransient << false;
    QTest::newRow("LIMIT") << No << QByteArray("LIMIT") << QByteArray("Too many sessions") << Login << Pw
                           << K::ServerTransient << false;
    QTest::newRow("SERVERBUG") << No << QByteArray("SERVERBUG") << QByteArray("Internal error") << Command << Pw
                               << K::ServerTransient << false;
    QTest::newRow("AUTHORIZATIONFAILED") << No << QByteArray("AUTHORIZATIONFAILED") << QByteArray("No such authz")
                                         << Login << Pw << K::ClientMisconfigured << false;
    QTest::newRow("PRIVACYREQUIRED") << No << QByteArray("PRIVACYREQUIRED") << QByteArray("Connection not secure")
                                     << Login << Pw << K::ClientMisconfigured << false;
    QTest::newRow("CANNOT") << No << QByteArray("CANNOT") << QByteArray("Not supported") << Command << Pw
                            << K::ClientMisconfigured << false;
    QTest::newRow("CONTACTADMIN") << No << QByteArray("CONTACTADMIN") << QByteArray("Account locked") << Login << Pw
                                  << K::ClientMisconfigured << false;
    QTest::newRow("EXPIRED mid-session password") << No << QByteArray("EXPIRED") << QByteArray("Password expired")
                                                  << Command << Pw << K::CredentialRejected << false;
    QTest::newRow("EXPIRED mid-session XOAUTH2")
        << No << QByteArray("EXPIRED") << QByteArray("Token expired") << Command << OAuth << K::ServerTransient << true;
    QTest::newRow("NONEXISTENT mailbox") << No << QByteArray("NONEXISTENT") << QByteArray("Mailbox doesn't exist")
                                         << Command << Pw << K::BadData << false;
    QTest::newRow("NOPERM mailbox") << No << QByteArray("NOPERM") << QByteArray("Permission denied") << Command << Pw
                                    << K::BadData << false;
    QTest::newRow("Gmail FETCH NO") << No << QByteArray() << QByteArray("Some messages could not be FETCHed (Failure)")
                                    << Command << Pw << K::BadData << false;
    QTest::newRow("BAD command") << Bad << QByteArray() << QByteArray("Error in IMAP command FETCH: Invalid messageset")
                                 << Command << Pw << K::BadData << false;
    QTest::newRow("AUTHENTICATIONFAILED outside login is no verdict")
        << No << QByteArray("AUTHENTICATIONFAILED") << QByteArray("?") << Command << Pw << K::ServerTransient << false;
}

void TestClassify::imap()
{
    QFETCH(ImapStatus, status);
    QFETCH(QByteArray, code);
    QFETCH(QByteArray, text);
    QFETCH(ImapPhase, phase);
    QFETCH(ImapAuthMethod, auth);
    QFETCH(FailureKind, expected);
    QFETCH(bool, needsRefresh);
    const Failure f = classifyImapStatus(status, code, text, phase, auth);
    QCOMPARE(toString(f.kind), toString(expected));
    QCOMPARE(imapNeedsTokenRefresh(status, code, text, phase, auth), needsRefresh);
    // An OAuth account is never asked to sign in again by the IMAP server: only its token refresh can do that.
    if (auth == ImapAuthMethod::XOAuth2)
        QVERIFY(f.kind != K::CredentialRejected);
}

void TestClassify::sqlite_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("text");
    QTest::addColumn<FailureKind>("expected");
    QTest::addColumn<QString>("detailContains");

    const QString damaged = QStringLiteral("archive damaged");
    QTest::newRow("CORRUPT 11 malformed (incident)")
        << 11 << QStringLiteral("database disk image is malformed") << K::Local << damaged;
    QTest::newRow("CORRUPT_INDEX 779") << 779 << QString() << K::Local << damaged;
    QTest::newRow("NOTADB 26") << 26 << QStringLiteral("file is not a database") << K::Local << damaged;
    QTest::newRow("IOERR_CORRUPTFS 8458") << 8458 << QString() << K::Local << damaged;
    QTest::newRow("FULL 13") << 13 << QStringLiteral("database or disk is full") << K::Local
                             << QStringLiteral("disk full");
    QTest::newRow("IOERR 10") << 10 << QStringLiteral("disk I/O error") << K::Local << QStringLiteral("I/O");
    QTest::newRow("IOERR_FSYNC 1034") << 1034 << QStringLiteral("disk I/O error") << K::Local << QStringLiteral("1034");
    QTest::newRow("IOERR_WRITE 778") << 778 << QStringLiteral("disk I/O error") << K::Local << QStringLiteral("I/O");
    QTest::newRow("READONLY 8") << 8 << QStringLiteral("attempt to write a readonly database") << K::Local
                                << QStringLiteral("read-only");
    QTest::newRow("READONLY_DBMOVED 1032") << 1032 << QString() << K::Local << QStringLiteral("read-only");
    QTest::newRow("CANTOPEN 14") << 14 << QStringLiteral("unable to open database file") << K::Local
                                 << QStringLiteral("cannot be opened");
    QTest::newRow("PERM 3") << 3 << QStringLiteral("access permission denied") << K::Local
                            << QStringLiteral("permission");
    QTest::newRow("BUSY 5") << 5 << QStringLiteral("database is locked") << K::Local << QStringLiteral("busy");
    QTest::newRow("BUSY_SNAPSHOT 517") << 517 << QString() << K::Local << QStringLiteral("busy");
    QTest::newRow("LOCKED 6") << 6 << QStringLiteral("database table is locked") << K::Local << QStringLiteral("busy");
    QTest::newRow("CONSTRAINT_UNIQUE 2067")
        << 2067 << QStringLiteral("UNIQUE constraint failed: messages.id") << K::BadData << QStringLiteral("rejected");
    QTest::newRow("TOOBIG 18") << 18 << QStringLiteral("string or blob too big") << K::BadData
                               << QStringLiteral("rejected");
    QTest::newRow("INTERRUPT 9") << 9 << QStringLiteral("interrupted") << K::Cancelled << QStringLiteral("interrupted");
    QTest::newRow("no code, malformed text (Qt driver)")
        << 0 << QStringLiteral("database disk image is malformed Unable to fetch row") << K::Local << damaged;
    QTest::newRow("unknown code, disk full text")
        << -1 << QStringLiteral("database or disk is full") << K::Local << QStringLiteral("disk full");
    QTest::newRow("ERROR 1, malformed schema text")
        << 1 << QStringLiteral("malformed database schema (x)") << K::Local << damaged;
    QTest::newRow("ERROR 1, no such table")
        << 1 << QStringLiteral("no such table: messages") << K::Local << QStringLiteral("archive error");
    QTest::newRow("DONE 101") << 101 << QString() << K::None << QString();
    QTest::newRow("nothing") << 0 << QString() << K::None << QString();
}

void TestClassify::sqlite()
{
    QFETCH(int, code);
    QFETCH(QString, text);
    QFETCH(FailureKind, expected);
    QFETCH(QString, detailContains);
    const Failure f = classifySqliteError(code, text);
    QCOMPARE(toString(f.kind), toString(expected));
    QVERIFY2(f.detail.contains(detailContains), qPrintable(f.detail));
}

void TestClassify::sqliteRetryable()
{
    QVERIFY(isRetryableSqliteError(sqliteresult::kBusy));
    QVERIFY(isRetryableSqliteError(517)); // SQLITE_BUSY_SNAPSHOT
    QVERIFY(isRetryableSqliteError(sqliteresult::kLocked));
    QVERIFY(!isRetryableSqliteError(sqliteresult::kCorrupt));
    QVERIFY(!isRetryableSqliteError(sqliteresult::kFull));
    QVERIFY(!isRetryableSqliteError(0));
}

// A test must be able to fail: each row is a failure the incident's text matcher got wrong. The naive variant is
// run too and must disagree, proving these rows would catch a classifier that regressed to it.
void TestClassify::guardNaiveTextClassifier_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Failure>("ours");
    QTest::addColumn<FailureKind>("expected");

    QTest::newRow("IMAP temporary authentication failure")
        << QStringLiteral("Temporary authentication failure.")
        << classifyImapStatus(ImapStatus::No, "UNAVAILABLE", "Temporary authentication failure.", ImapPhase::Login,
                              ImapAuthMethod::Password)
        << K::ServerTransient;
    QTest::newRow("Gmail 401 Invalid Credentials: refresh first")
        << QStringLiteral("Invalid Credentials") << classifyGmailApiError(401, kGmail401Doc) << K::ServerTransient;
    QTest::newRow("token endpoint 503 mentioning invalid_grant")
        << QString::fromUtf8(kGoogleInvalidGrant) << classifyOAuthTokenResponse(503, kJson, kGoogleInvalidGrant)
        << K::ServerTransient;
    QTest::newRow("captive portal page about tokens")
        << QStringLiteral("Enter your access token to continue")
        << classifyOAuthTokenResponse(200, "text/html", "<html>Enter your access token to continue</html>")
        << K::NetworkTransient;
}

void TestClassify::guardNaiveTextClassifier()
{
    QFETCH(QString, text);
    QFETCH(Failure, ours);
    QFETCH(FailureKind, expected);
    QCOMPARE(toString(naiveTextClassifier(text)), toString(K::CredentialRejected));
    QCOMPARE(toString(ours.kind), toString(expected));
}

QTEST_GUILESS_MAIN(TestClassify)
#include "tst_classify.moc"
