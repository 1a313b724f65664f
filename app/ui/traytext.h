#pragma once

#include "ui/traymodel.h"

#include <QDateTime>
#include <QString>

namespace vaulttray::traytext {

// The words the tray uses, in one place: translatable, plurals through %n, whole sentences only.

// "work: up to date · 1,234 messages · last archived 10:42", "work: archiving… 120 of 3,000", ...
QString accountLine(const TrayAccount &account, const QDateTime &now);
// The tooltip: one line per account (or a word that there are none), and the pause.
QString toolTip(const QList<TrayAccount> &accounts, bool paused, const QDateTime &pausedUntil, const QDateTime &now);
// A time as a person reads it: the time alone today, with the date otherwise.
QString when(const QDateTime &time, const QDateTime &now);

} // namespace vaulttray::traytext
