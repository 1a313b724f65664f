#pragma once

#include "daemon/accountstatus.h"

#include <QList>
#include <QString>

namespace vaulttray {

// The one picture the tray shows for all accounts together, most urgent first: Attention (a sign-in is needed,
// or a failure a retry will not fix, or the archive cannot be used) > Syncing > Paused (by the person, or on a
// metered connection) > Offline (the system says there is no usable network, the machine sleeps, or an outage
// has lasted long enough to be announced) > Idle. A blip in backoff stays Idle: quiet on blips.
enum class TrayState { Idle, Syncing, Offline, Paused, Attention };

TrayState trayStateFor(const QList<AccountStatus> &accounts, bool paused, bool archiveFailed);
// The icon's resource path (":/icons/vaulttray-....svg").
QString trayIconPath(TrayState state);
QString trayStateName(TrayState state); // "idle", "syncing", ... for logs, tests and file names

} // namespace vaulttray
