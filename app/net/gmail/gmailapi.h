#pragma once

#include "core/failure.h"

#include <QList>
#include <QString>
#include <QUrl>

#include <chrono>
#include <utility>

class QNetworkAccessManager;

namespace vaulttray {

class AccessTokenSource;
class Clock;
class QuotaLimiter;

// Names the API root in place of Google's, e.g. http://127.0.0.1:8080 for the local test server or a benchmark.
inline constexpr char kGmailApiBaseEnvironmentVariable[] = "VAULTTRAY_GMAIL_API_BASE";

// Google's API root; requests go to <root>/gmail/v1/users/me/...
QUrl googleGmailApiBase();

// The API root to use: VAULTTRAY_GMAIL_API_BASE when set and not empty, else Google's. Not checked here:
// GmailApi::setBaseUrl refuses what may not be used.
QUrl gmailApiBaseFromEnvironment();

// Why a URL may not be the API root, or an empty string when it may: https anywhere, plain http only on a loopback
// host (an access token must never cross a network unencrypted).
QString gmailApiBaseProblem(const QUrl &base);

// One account's way to the Gmail REST API v1: where it is, how requests get their token and quota, how long a
// silent transfer may last. The request jobs (GetProfileJob, ListMessagesJob, ...) take it by reference; it must
// outlive them. Not a QObject: configuration and collaborators only.
class GmailApi
{
public:
    // A Gmail answer arrives in well under a second; Qt's transfer timeout restarts with every byte received, so
    // this bounds silence, not a large message's download.
    static constexpr std::chrono::seconds kDefaultTransferTimeout{30};
    // The most messages.list and history.list return per page.
    static constexpr int kMaxPageSize = 500;

    GmailApi(QNetworkAccessManager *network, Clock &clock, AccessTokenSource &tokens, QuotaLimiter &limiter);

    // Sets the API root (scheme, host, port and an optional path prefix). A refused root is kept, and every request
    // then ends in the same ClientMisconfigured failure, so a bad setting never silently falls back to Google.
    Failure setBaseUrl(const QUrl &base);
    QUrl baseUrl() const { return m_baseUrl; }
    // ClientMisconfigured when the root is refused, else none.
    Failure baseUrlFailure() const;

    void setTransferTimeout(std::chrono::milliseconds timeout) { m_transferTimeout = timeout; }
    std::chrono::milliseconds transferTimeout() const { return m_transferTimeout; }

    using Query = QList<std::pair<QString, QString>>;

    // <root>/gmail/v1/users/me/<path>?<query>. The path is taken as given (the caller percent-encodes an id);
    // query names and values are percent-encoded here, so '+', '&', '=' and '/' in an opaque page token reach
    // Google as they were given.
    QUrl endpoint(const QString &path, const Query &query = {}) const;

    QNetworkAccessManager *network() const { return m_network; }
    Clock &clock() const { return m_clock; }
    AccessTokenSource &tokens() const { return m_tokens; }
    QuotaLimiter &limiter() const { return m_limiter; }

private:
    QNetworkAccessManager *m_network;
    Clock &m_clock;
    AccessTokenSource &m_tokens;
    QuotaLimiter &m_limiter;
    QUrl m_baseUrl;
    std::chrono::milliseconds m_transferTimeout{kDefaultTransferTimeout};
};

} // namespace vaulttray
