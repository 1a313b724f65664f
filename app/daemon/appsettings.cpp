#include "daemon/appsettings.h"

#include <QSettings>

namespace vaulttray {

namespace {
constexpr int kMinIntervalMinutes = 5;
constexpr int kMaxIntervalMinutes = 24 * 60;
constexpr int kMaxOutageHours = 7 * 24;
// A value that is not a number keeps the default; one out of range is brought into it.
int boundedInt(const QSettings &settings, const QString &key, int fallback, int low, int high)
{
    bool ok = false;
    const int value = settings.value(key, fallback).toInt(&ok);
    return ok ? qBound(low, value, high) : fallback;
}
} // namespace

AppSettings AppSettings::load(const QSettings &settings)
{
    AppSettings s;
    s.intervalMinutes = boundedInt(settings, QStringLiteral("sync/intervalMinutes"), s.intervalMinutes,
                                   kMinIntervalMinutes, kMaxIntervalMinutes);
    s.pauseOnMetered = settings.value(QStringLiteral("sync/pauseOnMetered"), s.pauseOnMetered).toBool();
    s.outageNoticeHours = boundedInt(settings, QStringLiteral("notifications/outageNoticeHours"),
                                     s.outageNoticeHours, 1, kMaxOutageHours);
    s.summaryAfterSync = settings.value(QStringLiteral("notifications/summaryAfterSync"), s.summaryAfterSync).toBool();
    return s;
}

void AppSettings::save(QSettings &settings) const
{
    settings.setValue(QStringLiteral("sync/intervalMinutes"), intervalMinutes);
    settings.setValue(QStringLiteral("sync/pauseOnMetered"), pauseOnMetered);
    settings.setValue(QStringLiteral("notifications/outageNoticeHours"), outageNoticeHours);
    settings.setValue(QStringLiteral("notifications/summaryAfterSync"), summaryAfterSync);
    settings.sync();
}

Scheduler::Options AppSettings::schedulerOptions() const
{
    Scheduler::Options o;
    o.policy.interval = std::chrono::minutes(intervalMinutes);
    o.outageNoticeAfter = std::chrono::hours(outageNoticeHours);
    o.pauseOnMetered = pauseOnMetered;
    return o;
}

} // namespace vaulttray
