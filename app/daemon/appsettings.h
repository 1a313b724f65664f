#pragma once

#include "daemon/scheduler.h"

class QSettings;

namespace vaulttray {

// The person's choices from the Settings dialog, kept in QSettings; read by main() at start and applied to
// the Scheduler where it can change live (pause on metered); the interval takes effect at the next start.
struct AppSettings
{
    int intervalMinutes = 15;
    bool pauseOnMetered = false;
    int outageNoticeHours = 6;
    bool summaryAfterSync = false;

    static AppSettings load(const QSettings &settings);
    void save(QSettings &settings) const;
    Scheduler::Options schedulerOptions() const;
};

} // namespace vaulttray
