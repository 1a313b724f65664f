#pragma once

#include <QObject>

#include <memory>

namespace vaulttray {

class SleepMonitor;

// The platform's sleep monitor: logind on Linux, NSWorkspace on macOS, the power manager on Windows,
// NullSleepMonitor elsewhere. On Linux it is a LogindSleepMonitor even when logind is absent right now (it
// starts working when logind appears). The unique_ptr owns the monitor: pass a parent only for thread
// affinity, or release() the pointer to hand ownership to the parent, never both.
std::unique_ptr<SleepMonitor> createSleepMonitor(QObject *parent = nullptr);

} // namespace vaulttray
