#include "net/gmail/quotalimiter.h"

#include "core/clock.h"
#include "net/gmail/gmaillog.h"

#include <algorithm>
#include <cmath>

namespace vaulttray {

namespace {

using std::chrono::milliseconds;

constexpr double kMsPerSecond = 1000.0;
// Floating-point slack when comparing tokens, so a refill computed to the millisecond counts as enough.
constexpr double kTokenEpsilon = 1e-9;

qint64 msBetween(const QDateTime &from, const QDateTime &to)
{
    return from.msecsTo(to);
}

} // namespace

QuotaLimiter::QuotaLimiter(Clock &clock, double unitsPerSecond, int maxInFlight, QObject *parent)
    : QObject(parent), m_clock(clock), m_configuredRate(std::max(unitsPerSecond, kTokenEpsilon)),
      m_maxInFlight(std::max(1, maxInFlight))
{
    m_updatedAt = m_clock.now();
    m_tokens = capacity(m_configuredRate);
    m_baseRate = m_configuredRate;
    m_timer.setSingleShot(true);
    // A coarse timer may fire up to 5% early, which would only cost a re-arm; precise keeps the pace even.
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &QuotaLimiter::dispatch);
}

QuotaLimiter::~QuotaLimiter() = default;

double QuotaLimiter::capacity(double rate) const
{
    return rate * double(kBurstWindow.count()) / kMsPerSecond;
}

double QuotaLimiter::unitsPerSecond(const QDateTime &now) const
{
    if (!m_rateAnchor.isValid())
        return m_configuredRate;
    const qint64 since = msBetween(m_rateAnchor, now);
    const qint64 quietMs = milliseconds(kRecoveryQuietPeriod).count();
    if (since < quietMs)
        return m_baseRate;
    const qint64 steps = 1 + (since - quietMs) / milliseconds(kRecoveryStepInterval).count();
    return std::min(m_configuredRate, m_baseRate + double(steps) * m_configuredRate * kRecoveryStepShare);
}

double QuotaLimiter::tokensAt(const QDateTime &now) const
{
    // Nothing refills during a pause: after it, requests ramp up from an empty bucket instead of bursting into a
    // quota that just said no.
    const QDateTime from = m_pausedUntil.isValid() && m_pausedUntil > m_updatedAt ? m_pausedUntil : m_updatedAt;
    const qint64 elapsed = std::max<qint64>(0, msBetween(from, now));
    const double refilled = m_tokens + unitsPerSecond(m_updatedAt) * double(elapsed) / kMsPerSecond;
    return std::min(capacity(unitsPerSecond(now)), refilled);
}

milliseconds QuotaLimiter::waitFor(int cost, const QDateTime &now) const
{
    qint64 pauseMs = 0;
    if (m_pausedUntil.isValid() && now < m_pausedUntil)
        pauseMs = msBetween(now, m_pausedUntil);
    const double tokens = tokensAt(now);
    // A request dearer than the whole bucket waits for a full bucket and leaves a debt.
    const double needed = std::min(double(std::max(cost, 0)), capacity(unitsPerSecond(now)));
    if (tokens + kTokenEpsilon >= needed)
        return milliseconds(pauseMs);
    const double refillRate = unitsPerSecond(m_updatedAt);
    const double refillMs = std::ceil((needed - tokens) / refillRate * kMsPerSecond - kTokenEpsilon);
    return milliseconds(pauseMs + qint64(refillMs));
}

void QuotaLimiter::settle(const QDateTime &now)
{
    if (now < m_updatedAt) {
        // The wall clock went back (NTP, a manual change): move every anchor with it, so no wait grows by the jump.
        const qint64 back = msBetween(now, m_updatedAt);
        for (QDateTime *anchor : {&m_pausedUntil, &m_rateAnchor, &m_lastHalvingAt}) {
            if (anchor->isValid())
                *anchor = anchor->addMSecs(-back);
        }
        m_updatedAt = now;
    }
    m_tokens = tokensAt(now);
    m_updatedAt = now; // from here on the bucket refills at the rate in force now
    if (m_rateAnchor.isValid() && unitsPerSecond(now) >= m_configuredRate) {
        m_rateAnchor = QDateTime(); // fully recovered
        m_baseRate = m_configuredRate;
    }
}

void QuotaLimiter::acquire(int cost, Start start)
{
    m_queue.push_back(Waiter{std::max(cost, 0), false, nullptr, std::move(start)});
    dispatch();
}

void QuotaLimiter::acquire(int cost, const QObject *context, Start start)
{
    m_queue.push_back(Waiter{std::max(cost, 0), true, context, std::move(start)});
    dispatch();
}

void QuotaLimiter::release()
{
    if (m_inFlight > 0)
        --m_inFlight;
    else
        qCWarning(lcGmail) << "quota limiter: release() without a started request";
    dispatch();
}

void QuotaLimiter::reportRateLimited(std::optional<std::chrono::seconds> retryAfter)
{
    const QDateTime now = m_clock.now();
    settle(now);
    ++m_rateLimitSignals;
    double rate = unitsPerSecond(now);
    const bool halve = !m_lastHalvingAt.isValid() || msBetween(m_lastHalvingAt, now) >= kSlowdownHoldoff.count();
    if (halve) {
        rate = std::max(std::min(m_configuredRate, kMinimumUnitsPerSecond), rate * kSlowdownFactor);
        m_lastHalvingAt = now;
    }
    const QDateTime until = now.addMSecs(milliseconds(retryAfter.value_or(kDefaultRateLimitPause)).count());
    if (!m_pausedUntil.isValid() || until > m_pausedUntil)
        m_pausedUntil = until;
    m_tokens = std::min(m_tokens, 0.0);
    // The quiet period starts again with every refusal, counted from the end of the pause.
    m_baseRate = rate;
    m_rateAnchor = std::max(now, m_pausedUntil);
    if (halve)
        qCWarning(lcGmail).nospace() << "Gmail rate limit: slowing to " << rate << " units/s, pausing "
                                     << msBetween(now, m_pausedUntil) << " ms";
    else
        qCDebug(lcGmail).nospace() << "Gmail rate limit again within the holdoff; pausing "
                                   << msBetween(now, m_pausedUntil) << " ms";
    dispatch();
}

void QuotaLimiter::dispatch()
{
    // A start() that releases or acquires re-enters here: the loop below sees what it changed.
    if (m_dispatching)
        return;
    m_dispatching = true;
    const QDateTime now = m_clock.now();
    settle(now);
    while (!m_queue.empty() && m_inFlight < m_maxInFlight) {
        Waiter &head = m_queue.front();
        if (head.bound && !head.context) {
            m_queue.pop_front();
            continue;
        }
        if (waitFor(head.cost, now) > milliseconds::zero())
            break;
        m_tokens -= head.cost;
        Start start = std::move(head.start);
        m_queue.pop_front();
        ++m_inFlight;
        start();
    }
    m_dispatching = false;
    armTimer(now);
}

void QuotaLimiter::armTimer(const QDateTime &now)
{
    // A full house waits for release(), not for time.
    if (m_queue.empty() || m_inFlight >= m_maxInFlight) {
        m_timer.stop();
        return;
    }
    const milliseconds wait = waitFor(m_queue.front().cost, now);
    m_timer.start(std::clamp(wait, milliseconds(1), milliseconds(kMaxTimerInterval)));
}

} // namespace vaulttray
