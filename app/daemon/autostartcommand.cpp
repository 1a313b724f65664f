#include "daemon/autostartcommand.h"

#include "core/exitcodes.h"
#include "daemon/clientcommand.h"
#include "platform/autostart.h"

#include <QCoreApplication>

namespace vaulttray {

namespace {
// This file's user-visible texts; their translation context is "AutostartCommand".
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(AutostartCommand)
};
} // namespace

int runAutostartCommand(const QString &action, Autostart &autostart)
{
    if (action == QLatin1String("status")) {
        printTo(stdout, autostart.isEnabled() ? QStringLiteral("on: %1\n").arg(autostart.location())
                                              : QStringLiteral("off\n"));
        return ExitOk;
    }
    const bool on = action == QLatin1String("on");
    if (const Failure failure = on ? autostart.enable() : autostart.disable()) {
        printTo(stderr, Text::tr("Start at login was not changed: %1\n").arg(failure.detail));
        return exitCodeFor(failure);
    }
    if (autostart.isEnabled() != on) {
        // Only a system-wide policy beyond the person's own entry can cause this.
        printTo(stderr,
                Text::tr("The entry was written, but the desktop still reads it as %1: %2\n")
                    .arg(autostart.isEnabled() ? QStringLiteral("on") : QStringLiteral("off"), autostart.location()));
        return ExitLocal;
    }
    printTo(stdout, on ? Text::tr("vaulttray will start when you log in (%1).\n").arg(autostart.location())
                       : Text::tr("vaulttray will not start when you log in.\n"));
    return ExitOk;
}

} // namespace vaulttray
