#include "net/oauth/tokenendpointjob.h"

#include "core/classify.h"
#include "core/clock.h"
#include "net/networkfailure.h"
#include "net/oauth/clientconfig.h"
#include "net/oauth/oauthlog.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace vaulttray {

namespace {

// QNetworkReply errors below this are the transport's (connection, proxy, our own abort); from here on they only
// restate an HTTP status, which the OAuth classifier reads with the body.
constexpr QNetworkReply::NetworkError kFirstContentError = QNetworkReply::ContentAccessDenied;

bool isTransportError(QNetworkReply::NetworkError error)
{
    return (error != QNetworkReply::NoError && error < kFirstContentError) || error == QNetworkReply::ProtocolFailure;
}

} // namespace

TokenEndpointJob::TokenEndpointJob(QNetworkAccessManager *network, Clock &clock, QUrl tokenUri, FormFields form,
                                   QString what, QObject *parent)
    : QObject(parent), m_network(network), m_clock(clock), m_tokenUri(std::move(tokenUri)), m_form(std::move(form)),
      m_what(std::move(what))
{
}

TokenEndpointJob::~TokenEndpointJob()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

void TokenEndpointJob::start()
{
    m_requestedAt = m_clock.now();
    // ClientConfig checked this already; a token must never leave over plain http however the job was built.
    const QString problem = endpointProblem(m_tokenUri);
    if (!problem.isEmpty()) {
        const TokenResult refused{
            Failure::of(
                FailureKind::ClientMisconfigured,
                QStringLiteral("token endpoint %1 %2").arg(m_tokenUri.toDisplayString(QUrl::RemoveQuery), problem)),
            {}};
        QTimer::singleShot(0, this, [this, refused] { finish(refused); });
        return;
    }

    QNetworkRequest request(m_tokenUri);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader("Accept", "application/json");
    // A redirect is a captive portal or a proxy, never the token endpoint: the classifier sees it, the form (with
    // its secrets) is not sent on.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setTransferTimeout(int(m_transferTimeout.count()));

    m_reply = m_network->post(request, formEncode(m_form));
    m_reply->setParent(this);
    connect(m_reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) { m_sslErrors = errors; });
    connect(m_reply, &QNetworkReply::finished, this, &TokenEndpointJob::onReplyFinished);
    qCDebug(lcOAuth).noquote() << m_what << "request to" << m_tokenUri.toDisplayString(QUrl::RemoveQuery);
}

void TokenEndpointJob::cancel()
{
    m_cancelled = true;
    if (m_reply)
        m_reply->abort();
}

void TokenEndpointJob::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    const QNetworkReply::NetworkError error = reply->error();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QDateTime now = m_clock.now();

    Failure failure;
    QByteArray body;
    if (status <= 0 || isTransportError(error)) {
        // Qt reports its transfer timeout as OperationCanceledError; cancel() is the only other abort.
        const bool timedOut = error == QNetworkReply::OperationCanceledError && !m_cancelled;
        failure = classifyNetworkReply(*reply, m_sslErrors, timedOut, now);
        // A connection that timed out in its TLS handshake would stay in the access manager's cache, and every later
        // request to the token endpoint would queue behind it: drop the cached connections so the next one starts
        // afresh (the network-fault suite's stalled-handshake case).
        if (timedOut)
            m_network->clearConnectionCache();
        if (failure.ok()) // no error and yet no status: nothing an HTTP server would send
            failure = Failure::of(FailureKind::NetworkTransient, QStringLiteral("token endpoint: no HTTP answer"));
    } else {
        body = reply->readAll();
        failure = classifyOAuthTokenResponse(status, reply->rawHeader("Content-Type"), body,
                                             parseRetryAfter(reply->rawHeader("Retry-After"), now));
    }
    finish(failure ? TokenResult{failure, {}} : parseTokenResponse(body, m_requestedAt));
}

void TokenEndpointJob::finish(const TokenResult &result)
{
    if (m_finished)
        return;
    m_finished = true;
    const QString where = m_tokenUri.toDisplayString(QUrl::RemoveQuery | QUrl::RemoveUserInfo);
    if (result.ok()) {
        qCDebug(lcOAuth).noquote() << m_what << "at" << where << "succeeded; expires"
                                   << result.grant.expiresAt.toString(Qt::ISODate)
                                   << (result.grant.refreshToken.isEmpty() ? "(no new refresh token)"
                                                                           : "(with a refresh token)");
    } else {
        // A warning, whatever the kind: the caller decides what the failure means, and the scheduler's verdict is the
        // one error line a rejected credential leaves in the log.
        qCWarning(lcOAuth).noquote() << m_what << "at" << where << "failed:" << toString(result.failure.kind)
                                     << result.failure.detail;
    }
    emit finished(result);
    deleteLater();
}

} // namespace vaulttray
