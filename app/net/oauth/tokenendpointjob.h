#pragma once

#include "net/oauth/formencoding.h"
#include "net/oauth/tokenresponse.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslError>
#include <QUrl>

#include <chrono>

class QNetworkAccessManager;
class QNetworkReply;

namespace vaulttray {

class Clock;

// One form POST to an OAuth token endpoint (RFC 6749 §3.2), classified by the failure taxonomy: the transport by
// classifyNetworkReply, an HTTP answer by classifyOAuthTokenResponse. The base of TokenRefreshJob and
// CodeExchangeJob, which only build the form. Ends in exactly one finished(result), never from inside start(),
// and deletes itself afterwards.
class TokenEndpointJob : public QObject
{
    Q_OBJECT

public:
    // A token endpoint answers in well under a second; a request still silent after this is lost in a network that
    // went away (Wi-Fi roam, suspend) and is better retried than waited for.
    static constexpr std::chrono::seconds kDefaultTransferTimeout{30};

    ~TokenEndpointJob() override;

    // Before start(). Covers the whole request (connect, send, wait, receive): QNetworkRequest::setTransferTimeout.
    void setTransferTimeout(std::chrono::milliseconds timeout) { m_transferTimeout = timeout; }
    void start();
    // Aborts a running request; finished() then reports Cancelled.
    void cancel();

signals:
    void finished(const vaulttray::TokenResult &result);

protected:
    // what: "refresh", "code exchange" — for log lines.
    TokenEndpointJob(QNetworkAccessManager *network, Clock &clock, QUrl tokenUri, FormFields form, QString what,
                     QObject *parent);

private:
    void onReplyFinished();
    void finish(const TokenResult &result);

    QNetworkAccessManager *m_network;
    Clock &m_clock;
    QUrl m_tokenUri;
    FormFields m_form;
    QString m_what;
    std::chrono::milliseconds m_transferTimeout{kDefaultTransferTimeout};
    QPointer<QNetworkReply> m_reply;
    QList<QSslError> m_sslErrors;
    QDateTime m_requestedAt;
    bool m_cancelled = false;
    bool m_finished = false;
};

} // namespace vaulttray
