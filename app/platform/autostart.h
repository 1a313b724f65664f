#pragma once

#include "core/failure.h"

#include <QString>

#include <memory>

namespace vaulttray {

// "Start vaulttray when I log in": one entry in the place the desktop reads at login — an XDG autostart entry
// on Linux, a LaunchAgent on macOS, a Run key value on Windows. The Settings toggle and
// `vaulttray autostart on|off|status` both go through it.
class Autostart
{
public:
    virtual ~Autostart() = default;

    // True when the desktop will start vaulttray at the next login, as the desktop itself reads the entry
    // (an entry the person disabled by hand counts as off).
    virtual bool isEnabled() const = 0;
    // Both are idempotent; a failure leaves what was there untouched and says why (FailureKind::Local).
    virtual Failure enable() = 0;
    virtual Failure disable() = 0;
    // Where the entry lives, for messages.
    virtual QString location() const = 0;
};

// The platform's implementation for the person's login, starting `program` (an absolute path).
std::unique_ptr<Autostart> createAutostart(const QString &program);

} // namespace vaulttray
