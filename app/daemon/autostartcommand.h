#pragma once

#include <QString>

namespace vaulttray {

class Autostart;

// `vaulttray autostart on|off|status`: the same switch the Settings toggle flips. Local to the command line
// (the entry belongs to the person's login, not to an archive). Returns the process exit code.
int runAutostartCommand(const QString &action, Autostart &autostart);

} // namespace vaulttray
