#include "net/gmail/gmailrequestjob.h"

#include "core/classify.h"
#include "core/clock.h"
#include "net/gmail/accesstokensource.h"
#include "net/gmail/gmaillog.h"
#include "net/gmail/gmailparse.h"
#include "net/gmail/quotalimiter.h"
#include "net/networkfailure.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace vaulttray {

namespace {

using K = FailureKind;

// QNetworkReply errors below this are the transport's (connection, proxy, our own abort); from here on they only
// restate an HTTP status, which the Gmail classifier reads with the body.
constexpr QNetworkReply::NetworkError kFirstContentError = QNetworkReply::ContentAccessDenied;

bool isTransportError(QNetworkReply::NetworkError error)
{
    return (error != QNetworkReply::NoError && error < kFirstContentError) || error == QNetworkReply::ProtocolFailure;
}

bool isSuccess(int status)
{
    return status >= 200 && status < 300;
}

} // namespace

GmailRequestJob::GmailRequestJob(GmailApi &api, QString method, int cost, QString path, GmailApi::Query query,
                                 QObject *parent)
    : QObject(parent), m_api(api), m_method(std::move(method)), m_cost(cost), m_path(std::move(path)),
      m_query(std::move(query)), m_transferTimeout(api.transferTimeout())
{
    // Google's standard parameter: compact JSON, a tenth fewer bytes on a page of 500 ids.
    m_query.append({QStringLiteral("prettyPrint"), QStringLiteral("false")});
}

GmailRequestJob::~GmailRequestJob()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
    releasePermit();
}

void GmailRequestJob::start()
{
    if (m_started)
        return;
    m_started = true;
    m_elapsed.start();
    const Failure misconfigured = m_api.baseUrlFailure();
    if (misconfigured) {
        QTimer::singleShot(0, this, [this, misconfigured] { finish(GmailAnswer{misconfigured, 0, {}}); });
        return;
    }
    QTimer::singleShot(0, this, &GmailRequestJob::attempt);
}

void GmailRequestJob::cancel()
{
    if (m_finished || m_cancelled)
        return;
    m_cancelled = true;
    if (m_reply) {
        // Aborting emits the reply's finished() at once; the job's result still comes from the event loop.
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    releasePermit();
    QTimer::singleShot(0, this, [this] {
        finish(GmailAnswer{Failure::of(K::Cancelled, QStringLiteral("Gmail API: %1 cancelled").arg(m_method)), 0, {}});
    });
}

void GmailRequestJob::attempt()
{
    if (m_finished || m_cancelled)
        return;
    m_api.limiter().acquire(m_cost, this, [this] { onPermitted(); });
}

void GmailRequestJob::onPermitted()
{
    m_holdingPermit = true;
    if (m_finished || m_cancelled) {
        releasePermit();
        return;
    }
    // The token is taken only now: a request may wait in the queue longer than a token lives.
    m_api.tokens().accessToken(this, [this](const Failure &failure, const QString &token) { onToken(failure, token); });
}

void GmailRequestJob::onToken(const Failure &failure, const QString &token)
{
    if (m_finished || m_cancelled) {
        releasePermit();
        return;
    }
    if (failure || token.isEmpty()) {
        releasePermit();
        finish(GmailAnswer{failure ? failure
                                   : Failure::of(K::ClientMisconfigured,
                                                 QStringLiteral("Gmail API: the token source gave no access token")),
                           0,
                           {}});
        return;
    }
    m_token = token;
    send();
}

void GmailRequestJob::send()
{
    QNetworkRequest request(m_api.endpoint(m_path, m_query));
    request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setRawHeader("Accept", "application/json");
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("vaulttray/" VAULTTRAY_VERSION));
    // A redirect is a captive portal or a proxy, never Gmail: the classifier sees it, the token does not follow.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setTransferTimeout(int(m_transferTimeout.count()));

    ++m_attempts;
    m_sslErrors.clear();
    m_reply = m_api.network()->get(request);
    m_reply->setParent(this);
    connect(m_reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) { m_sslErrors = errors; });
    connect(m_reply, &QNetworkReply::finished, this, &GmailRequestJob::onReplyFinished);
}

void GmailRequestJob::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();
    const QNetworkReply::NetworkError error = reply->error();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QDateTime now = m_api.clock().now();

    if (status <= 0 || isTransportError(error)) {
        releasePermit();
        // Qt reports its transfer timeout as OperationCanceledError; cancel() is the only other abort.
        const bool timedOut = error == QNetworkReply::OperationCanceledError && !m_cancelled;
        Failure failure = classifyNetworkReply(*reply, m_sslErrors, timedOut, now);
        if (failure.ok()) // no error and yet no status: nothing an HTTP server would send
            failure = Failure::of(K::NetworkTransient, QStringLiteral("Gmail API: no HTTP answer"));
        finish(GmailAnswer{failure, 0, {}});
        return;
    }

    const QByteArray body = reply->readAll();
    const auto retryAfter = parseRetryAfter(reply->rawHeader("Retry-After"), now);
    const bool rateLimited = gmailRateLimited(status, body);
    // Slow down before the slot is freed, so no queued request slips out into the refusal.
    if (rateLimited)
        m_api.limiter().reportRateLimited(retryAfter);
    releasePermit();
    if (m_cancelled) {
        finish(GmailAnswer{Failure::of(K::Cancelled, QStringLiteral("Gmail API: %1 cancelled").arg(m_method)), 0, {}});
        return;
    }

    if (gmailNeedsTokenRefresh(status, body) && !m_tokenRefreshed) {
        m_tokenRefreshed = true;
        qCInfo(lcGmail).noquote() << m_method << "access token refused (HTTP 401); refreshing once and retrying";
        m_api.tokens().invalidate(m_token);
        m_token.clear();
        attempt();
        return;
    }
    if (rateLimited && m_rateLimitRetries < kMaxRateLimitRetries &&
        retryAfter.value_or(std::chrono::seconds::zero()) <= kMaxRateLimitWaitInJob) {
        ++m_rateLimitRetries;
        qCDebug(lcGmail).noquote() << m_method << "rate limited (HTTP" << status << "); queued again, retry"
                                   << m_rateLimitRetries;
        attempt();
        return;
    }

    Failure failure;
    if (isSuccess(status) && looksLikeHtml(reply->rawHeader("Content-Type"), body))
        failure = Failure::of(
            K::NetworkTransient,
            QStringLiteral("Gmail API: answered with an HTML page (HTTP %1; captive portal or proxy?)").arg(status));
    else
        failure = classifyGmailApiError(status, body, retryAfter);
    finish(GmailAnswer{failure, status, body});
}

void GmailRequestJob::releasePermit()
{
    if (!m_holdingPermit)
        return;
    m_holdingPermit = false;
    m_api.limiter().release();
}

void GmailRequestJob::finish(const GmailAnswer &answer)
{
    if (m_finished)
        return;
    m_finished = true;
    releasePermit();
    complete(answer);
    deleteLater();
}

void GmailRequestJob::report(const Failure &failure) const
{
    const qint64 ms = m_elapsed.isValid() ? m_elapsed.elapsed() : 0;
    if (failure.ok()) {
        qCDebug(lcGmail).noquote() << m_method << "ok in" << ms << "ms," << m_attempts << "request(s)";
    } else if (failure.kind == K::Cancelled) {
        // The run stopped (sleep, quit, another failure) and said why once; each abandoned request is no news.
        qCDebug(lcGmail).noquote() << m_method << "abandoned after" << ms << "ms";
    } else {
        // A warning, whatever the kind: the sync job decides what the failure means, and the scheduler logs the
        // verdict once.
        qCWarning(lcGmail).noquote() << m_method << "failed after" << ms << "ms:" << toString(failure.kind)
                                     << failure.detail;
    }
}

} // namespace vaulttray
