#include "net/networkfailure.h"

#include "core/classify.h"

#include <QRegularExpression>

#include <algorithm>

namespace vaulttray {

namespace {

using K = FailureKind;

constexpr int kHttpNetworkAuthenticationRequired = 511;
constexpr int kHttpUnauthorized = 401;
constexpr int kHttpForbidden = 403;
constexpr int kHttpMethodNotAllowed = 405;

// Qt's error strings quote URLs; their queries (page tokens, search terms) stay out of logs.
QString withoutQueries(const QString &text)
{
    static const QRegularExpression query(QStringLiteral("(\\w+://[^\\s?#]*)[?#]\\S*"));
    QString out = text;
    out.replace(query, QStringLiteral("\\1?…"));
    return out;
}

Failure make(FailureKind kind, const QString &what, const QString &errorString)
{
    const QString cleaned = withoutQueries(errorString.trimmed());
    return Failure::of(kind, cleaned.isEmpty() ? what : what + QStringLiteral(": ") + cleaned);
}

QString sslErrorList(const QList<QSslError> &sslErrors)
{
    QStringList parts;
    for (const QSslError &e : sslErrors)
        parts << e.errorString();
    return parts.join(QStringLiteral("; "));
}

Failure tlsFailure(const QString &where, const QList<QSslError> &sslErrors, const QString &errorString)
{
    if (isCertificateFailure(sslErrors, errorString)) {
        const QString list = sslErrorList(sslErrors);
        return make(K::ClientMisconfigured,
                    where + QStringLiteral(": the server's certificate is not trusted (a captive portal or an "
                                           "interception proxy also looks like this)"),
                    list.isEmpty() ? errorString : list);
    }
    return make(K::NetworkTransient, where + QStringLiteral(": TLS handshake cut off"), errorString);
}

// Glibc's EAI_AGAIN wording: the resolver did not answer (offline, just woke), as opposed to NXDOMAIN.
bool temporaryDnsFailure(const QString &errorString)
{
    return errorString.contains(QLatin1String("Temporary failure in name resolution"), Qt::CaseInsensitive);
}

Failure withRetryAfter(Failure f, std::optional<std::chrono::seconds> retryAfter)
{
    if (f.kind == K::ServerTransient)
        f.retryAfter = retryAfter;
    return f;
}

Failure byHttpStatus(int httpStatus, const QByteArray &contentType, const QString &errorString)
{
    const QString where = QStringLiteral("HTTP %1").arg(httpStatus);
    if (httpStatus == kHttpNetworkAuthenticationRequired)
        return make(K::NetworkTransient, where + QStringLiteral(" (the network wants a sign-in: captive portal)"),
                    errorString);
    if (isServerTransientHttpStatus(httpStatus))
        return make(K::ServerTransient, where, errorString);
    if (httpStatus == kHttpUnauthorized)
        return make(K::ServerTransient, where + QStringLiteral(" (authentication required; the caller decides)"),
                    errorString);
    if (looksLikeHtml(contentType, {}))
        return make(K::NetworkTransient, where + QStringLiteral(" with an HTML page (captive portal or proxy?)"),
                    errorString);
    if (httpStatus == kHttpForbidden || httpStatus == kHttpMethodNotAllowed)
        return make(K::ClientMisconfigured, where, errorString);
    return make(K::BadData, where, errorString);
}

} // namespace

bool isCertificateFailure(const QList<QSslError> &sslErrors, const QString &errorString)
{
    const bool typed = std::any_of(sslErrors.begin(), sslErrors.end(), [](const QSslError &e) {
        // An OCSP responder asking to try later is no verdict on the certificate.
        return e.error() != QSslError::NoError && e.error() != QSslError::OcspTryLater;
    });
    if (typed)
        return true;
    // Fallback when the caller did not collect sslErrors: every Qt verification message names the certificate.
    return sslErrors.isEmpty() && errorString.contains(QLatin1String("certificate"), Qt::CaseInsensitive);
}

// Rules, in order: the transport error decides (name lookup, connect, reset, timeouts, proxies, redirects →
// NetworkTransient; our own timeout → NetworkTransient, any other cancel → Cancelled; TLS → see tlsFailure;
// proxy credentials, an unknown protocol → ClientMisconfigured); then an HTTP status (511 → NetworkTransient,
// 408/429/5xx → ServerTransient, 401 → ServerTransient for the caller to decide, an HTML error page →
// NetworkTransient, 403/405 → ClientMisconfigured, other 4xx → BadData); then the content/server error type alone.
// NoError is ok: the body is the provider classifier's to judge.
Failure classifyNetworkReply(QNetworkReply::NetworkError error, int httpStatus, const QByteArray &contentType,
                             const QString &errorString, const QList<QSslError> &sslErrors, bool timedOut,
                             std::optional<std::chrono::seconds> retryAfter)
{
    using E = QNetworkReply;
    switch (error) {
    case E::NoError:
        return Failure::none();
    case E::HostNotFoundError:
        return make(K::NetworkTransient,
                    temporaryDnsFailure(errorString) ? QStringLiteral("DNS lookup failed temporarily")
                                                     : QStringLiteral("host not found"),
                    errorString);
    case E::ConnectionRefusedError:
        return make(K::NetworkTransient, QStringLiteral("connection refused"), errorString);
    case E::RemoteHostClosedError:
        return make(K::NetworkTransient, QStringLiteral("connection closed by the server"), errorString);
    case E::TimeoutError:
        return make(K::NetworkTransient, QStringLiteral("connection timed out"), errorString);
    case E::OperationCanceledError:
        if (timedOut)
            return make(K::NetworkTransient, QStringLiteral("request timed out"), errorString);
        return make(K::Cancelled, QStringLiteral("request cancelled"), errorString);
    case E::SslHandshakeFailedError:
        return tlsFailure(QStringLiteral("TLS"), sslErrors, errorString);
    case E::TemporaryNetworkFailureError:
    case E::NetworkSessionFailedError:
    case E::BackgroundRequestNotAllowedError:
    case E::UnknownNetworkError:
        return make(K::NetworkTransient, QStringLiteral("network unavailable"), errorString);
    // A captive portal answers an https request with a redirect to its http sign-in page.
    case E::TooManyRedirectsError:
    case E::InsecureRedirectError:
        return make(K::NetworkTransient, QStringLiteral("redirected away (captive portal?)"), errorString);
    case E::ProxyConnectionRefusedError:
    case E::ProxyConnectionClosedError:
    case E::ProxyNotFoundError:
    case E::ProxyTimeoutError:
    case E::UnknownProxyError:
        return make(K::NetworkTransient, QStringLiteral("proxy unavailable"), errorString);
    case E::ProxyAuthenticationRequiredError:
        return make(K::ClientMisconfigured, QStringLiteral("the proxy wants credentials"), errorString);
    case E::ProtocolUnknownError:
    case E::ProtocolInvalidOperationError:
        return make(K::ClientMisconfigured, QStringLiteral("request not possible"), errorString);
    case E::ProtocolFailure:
        return make(K::NetworkTransient, QStringLiteral("broken answer (cut off or garbled in transit)"), errorString);
    default:
        break;
    }

    if (httpStatus > 0)
        return withRetryAfter(byHttpStatus(httpStatus, contentType, errorString), retryAfter);

    switch (error) {
    case E::AuthenticationRequiredError:
        return make(K::ServerTransient, QStringLiteral("authentication required; the caller decides"), errorString);
    case E::ContentAccessDenied:
    case E::ContentOperationNotPermittedError:
        return make(K::ClientMisconfigured, QStringLiteral("access denied"), errorString);
    case E::InternalServerError:
    case E::OperationNotImplementedError:
    case E::ServiceUnavailableError:
    case E::UnknownServerError:
        return withRetryAfter(make(K::ServerTransient, QStringLiteral("server error"), errorString), retryAfter);
    default:
        return make(K::BadData, QStringLiteral("request refused"), errorString);
    }
}

Failure classifyNetworkReply(const QNetworkReply &reply, const QList<QSslError> &sslErrors, bool timedOut,
                             const QDateTime &now)
{
    const int status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    return classifyNetworkReply(reply.error(), status, reply.rawHeader("Content-Type"), reply.errorString(), sslErrors,
                                timedOut, parseRetryAfter(reply.rawHeader("Retry-After"), now));
}

// Rules: lookup, connect, reset, timeout, unreachable and proxy trouble → NetworkTransient (HostNotFound included:
// after a wake it is the resolver not answering yet, and a lasting typo earns the long-outage notice);
// TLS → see tlsFailure; bad client key or certificate, proxy credentials → ClientMisconfigured; no permission or
// resources on this machine, a broken TLS library → Local; a socket used in the wrong state → BadData (our bug,
// counted on the run rather than retried silently).
Failure classifySocketError(QAbstractSocket::SocketError error, const QString &errorString,
                            const QList<QSslError> &sslErrors)
{
    using S = QAbstractSocket;
    switch (error) {
    case S::HostNotFoundError:
        return make(K::NetworkTransient,
                    temporaryDnsFailure(errorString) ? QStringLiteral("DNS lookup failed temporarily")
                                                     : QStringLiteral("host not found"),
                    errorString);
    case S::ConnectionRefusedError:
        return make(K::NetworkTransient, QStringLiteral("connection refused"), errorString);
    case S::RemoteHostClosedError:
        return make(K::NetworkTransient, QStringLiteral("connection closed by the server"), errorString);
    case S::SocketTimeoutError:
        return make(K::NetworkTransient, QStringLiteral("timed out"), errorString);
    case S::NetworkError:
    case S::TemporaryError:
    case S::AddressInUseError:
    case S::SocketAddressNotAvailableError:
    case S::UnsupportedSocketOperationError:
    case S::UnfinishedSocketOperationError:
    case S::DatagramTooLargeError:
    case S::UnknownSocketError:
        return make(K::NetworkTransient, QStringLiteral("network unavailable"), errorString);
    case S::ProxyConnectionRefusedError:
    case S::ProxyConnectionClosedError:
    case S::ProxyConnectionTimeoutError:
    case S::ProxyNotFoundError:
    case S::ProxyProtocolError:
        return make(K::NetworkTransient, QStringLiteral("proxy unavailable"), errorString);
    case S::ProxyAuthenticationRequiredError:
        return make(K::ClientMisconfigured, QStringLiteral("the proxy wants credentials"), errorString);
    case S::SslHandshakeFailedError:
        return tlsFailure(QStringLiteral("TLS"), sslErrors, errorString);
    case S::SslInvalidUserDataError:
        return make(K::ClientMisconfigured, QStringLiteral("invalid TLS key or certificate configured"), errorString);
    case S::SslInternalError:
        return make(K::Local, QStringLiteral("TLS library failure (installation?)"), errorString);
    case S::SocketAccessError:
        return make(K::Local, QStringLiteral("not permitted to open a connection"), errorString);
    case S::SocketResourceError:
        return make(K::Local, QStringLiteral("out of sockets or memory"), errorString);
    case S::OperationError:
        return make(K::BadData, QStringLiteral("socket used in the wrong state"), errorString);
    }
    return make(K::NetworkTransient, QStringLiteral("network unavailable"), errorString);
}

} // namespace vaulttray
