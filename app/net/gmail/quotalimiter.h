#pragma once

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <deque>
#include <functional>
#include <optional>

namespace vaulttray {

class Clock;

// Gmail's per-user quota (developers.google.com/gmail/api/reference/quota): units per second, and what each
// method costs.
namespace gmailquota {
inline constexpr double kDefaultUnitsPerSecond = 250;
inline constexpr int kGetProfile = 1;
inline constexpr int kLabelsList = 1;
inline constexpr int kMessagesList = 5;
inline constexpr int kMessagesGet = 5;
inline constexpr int kHistoryList = 2;
} // namespace gmailquota

// Decides when a Gmail request may start: a token bucket in quota units on the injected (wall) clock, holding one
// second's worth of units (the burst), plus a bound on requests in flight. Requests start in the order they
// asked. Gmail saying "too fast" (reportRateLimited) halves the rate, at most once per kSlowdownHoldoff, pauses
// every request until its Retry-After, and empties the bucket; after kRecoveryQuietPeriod without such a signal
// the rate grows back by a tenth of the configured rate every kRecoveryStepInterval (AIMD, as TCP does).
// No polling: one QTimer is armed for the next permitted instant, and only while something waits for time.
class QuotaLimiter : public QObject
{
    Q_OBJECT

public:
    using Start = std::function<void()>;

    // Enough to keep 50 messages.get/s going at ~200 ms per answer; far below where Google starts refusing
    // concurrent requests.
    static constexpr int kDefaultMaxInFlight = 10;
    // The bucket holds this much time's worth of units: half of what Gmail's own bucket holds (one second's), so
    // requests that reach Google bunched up by up to half a second of network jitter still find quota there.
    static constexpr std::chrono::milliseconds kBurstWindow{500};
    static constexpr double kSlowdownFactor = 0.5;
    // The requests in flight when Gmail refuses one are one congestion episode: one halving for all of them.
    static constexpr std::chrono::milliseconds kSlowdownHoldoff{1000};
    static constexpr std::chrono::seconds kRecoveryQuietPeriod{10};
    static constexpr std::chrono::seconds kRecoveryStepInterval{2};
    static constexpr double kRecoveryStepShare = 0.1; // of the configured rate
    // One messages.get a second: slowdowns never go below this (or the configured rate, if lower).
    static constexpr double kMinimumUnitsPerSecond = gmailquota::kMessagesGet;
    // A refusal without Retry-After pauses this long.
    static constexpr std::chrono::seconds kDefaultRateLimitPause{1};
    // The timer is monotonic and stops during suspend: re-check the wall clock at least this often.
    static constexpr std::chrono::minutes kMaxTimerInterval{5};

    explicit QuotaLimiter(Clock &clock, double unitsPerSecond = gmailquota::kDefaultUnitsPerSecond,
                          int maxInFlight = kDefaultMaxInFlight, QObject *parent = nullptr);
    ~QuotaLimiter() override;

    // Queues a request costing `cost` units; calls start() once it may begin (possibly before returning). Every
    // started request holds a slot until release(). The overload with a context drops the request, unstarted
    // and uncharged, when the context is destroyed before its turn.
    void acquire(int cost, Start start);
    void acquire(int cost, const QObject *context, Start start);
    // A started request is done (answered, failed or abandoned): frees its slot.
    void release();
    // Gmail refused a request as too fast (see gmailRateLimited): slow down and pause until retryAfter
    // (kDefaultRateLimitPause when Gmail named none).
    void reportRateLimited(std::optional<std::chrono::seconds> retryAfter);

    // Starts whatever may start now and re-arms the timer. The timer calls it; so may a test after advancing a
    // fake clock.
    void dispatch();

    // ---- decisions, pure in `now` ----
    // How long a request of `cost` units has to wait from `now` for quota (pause included), ignoring the bound
    // on requests in flight and the queue ahead of it. Zero: it may start.
    std::chrono::milliseconds waitFor(int cost, const QDateTime &now) const;
    // The rate in force at `now`: the configured one, or less after a slowdown.
    double unitsPerSecond(const QDateTime &now) const;
    double configuredUnitsPerSecond() const { return m_configuredRate; }
    // Invalid when not paused (or never was).
    QDateTime pausedUntil() const { return m_pausedUntil; }

    int maxInFlight() const { return m_maxInFlight; }
    int inFlight() const { return m_inFlight; }
    int queued() const { return int(m_queue.size()); }
    int rateLimitSignals() const { return m_rateLimitSignals; }
    bool isTimerArmed() const { return m_timer.isActive(); }
    std::chrono::milliseconds timerInterval() const { return m_timer.intervalAsDuration(); }

private:
    struct Waiter
    {
        int cost = 0;
        bool bound = false;
        QPointer<const QObject> context;
        Start start;
    };

    double capacity(double rate) const;
    double tokensAt(const QDateTime &now) const;
    void settle(const QDateTime &now);
    void armTimer(const QDateTime &now);

    Clock &m_clock;
    const double m_configuredRate;
    const int m_maxInFlight;

    // The bucket: m_tokens at m_updatedAt, refilling at unitsPerSecond(m_updatedAt); may go negative when one
    // request costs more than the bucket holds (it is paid back before the next starts).
    double m_tokens = 0;
    QDateTime m_updatedAt;
    // After a slowdown the rate is m_baseRate from m_rateAnchor on, growing back after the quiet period.
    double m_baseRate = 0;
    QDateTime m_rateAnchor;
    QDateTime m_lastHalvingAt;
    QDateTime m_pausedUntil;

    std::deque<Waiter> m_queue;
    int m_inFlight = 0;
    int m_rateLimitSignals = 0;
    bool m_dispatching = false;
    QTimer m_timer;
};

} // namespace vaulttray
