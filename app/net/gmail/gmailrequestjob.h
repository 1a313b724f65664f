#pragma once

#include "core/failure.h"
#include "net/gmail/gmailapi.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslError>
#include <QString>

#include <chrono>

class QNetworkReply;

namespace vaulttray {

// How one Gmail request ended, before the endpoint's parser: the classified failure (none for a usable 2xx), and
// for an HTTP answer its status and body.
struct GmailAnswer
{
    Failure failure;
    int httpStatus = 0; // 0: no HTTP answer
    QByteArray body;
};

// One GET to the Gmail REST API v1, the base of GetProfileJob, ListLabelsJob, ListMessagesJob, GetRawMessageJob and
// ListHistoryJob, which only name the request and parse its answer.
//
// The request waits for the QuotaLimiter, then takes an access token from the AccessTokenSource, and goes out with
// the API's transfer timeout. Then:
//  - HTTP 401: the token is invalidated once and the request tried once more with a fresh one; a failure getting
//    that token (CredentialRejected when the refresh token was refused) is the result. Nothing here prompts.
//  - Gmail saying "too fast" (gmailRateLimited): the limiter slows down and pauses for Retry-After, and the
//    request queues again, up to kMaxRateLimitRetries times and only while the wait is at most
//    kMaxRateLimitWaitInJob; beyond that its ServerTransient failure (with retryAfter) is the result.
//  - Everything else is classified: the transport by classifyNetworkReply (our own timeout is NetworkTransient),
//    an HTTP answer by classifyGmailApiError; an HTML page where JSON belongs (a captive portal answering 200) is
//    NetworkTransient.
// Ends in exactly one finished(result) of the subclass, never from inside start() or cancel(), and deletes itself
// afterwards.
class GmailRequestJob : public QObject
{
    Q_OBJECT

public:
    // A refusal costs no quota and the limiter has already slowed down; retrying here keeps the caller simple.
    static constexpr int kMaxRateLimitRetries = 8;
    // A longer Retry-After (a quota exhausted for minutes or a day) is the scheduler's to wait for, not a job's.
    static constexpr std::chrono::seconds kMaxRateLimitWaitInJob{60};

    ~GmailRequestJob() override;

    void start();
    // Ends the job with Cancelled (sleep, quit): aborts the request in flight or gives up its place in the queue.
    // finished() follows from the event loop, never from inside this call.
    void cancel();
    // Overrides GmailApi::transferTimeout() for this job; before start().
    void setTransferTimeout(std::chrono::milliseconds timeout) { m_transferTimeout = timeout; }

    // "messages.get", for logs.
    QString method() const { return m_method; }
    // Requests sent so far (a 401 or a rate limit adds one).
    int attempts() const { return m_attempts; }

protected:
    // path below users/me/ (ids percent-encoded by the caller); cost in quota units (gmailquota).
    GmailRequestJob(GmailApi &api, QString method, int cost, QString path, GmailApi::Query query, QObject *parent);

    // Called once with the outcome: the subclass parses, logs through report(), and emits its finished(result).
    // The job deletes itself afterwards.
    virtual void complete(const GmailAnswer &answer) = 0;
    // Logs the result the subclass is about to emit. No token or content ever reaches the log.
    void report(const Failure &failure) const;

private:
    void attempt();
    void onPermitted();
    void onToken(const Failure &failure, const QString &token);
    void send();
    void onReplyFinished();
    void releasePermit();
    void finish(const GmailAnswer &answer);

    GmailApi &m_api;
    QString m_method;
    int m_cost;
    QString m_path;
    GmailApi::Query m_query;
    std::chrono::milliseconds m_transferTimeout;

    QString m_token;
    QPointer<QNetworkReply> m_reply;
    QList<QSslError> m_sslErrors;
    QElapsedTimer m_elapsed;
    int m_attempts = 0;
    int m_rateLimitRetries = 0;
    bool m_tokenRefreshed = false;
    bool m_holdingPermit = false;
    bool m_started = false;
    bool m_cancelled = false;
    bool m_finished = false;
};

} // namespace vaulttray
