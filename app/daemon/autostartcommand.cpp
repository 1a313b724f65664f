#include "daemon/autostartcommand.h"

#include "core/exitcodes.h"
#include "daemon/clientcommand.h"
#include "platform/autostart.h"

#include <QCoreApplication>

namespace vaulttray {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("AutostartCommand", text);
}
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
        printTo(stderr, tr("Start at login was not changed: %1\n").arg(failure.detail));
        return exitCodeFor(failure);
    }
    if (autostart.isEnabled() != on) {
        // Only a system-wide policy beyond the person's own entry can cause this.
        printTo(stderr, tr("The entry was written, but the desktop still reads it as %1: %2\n")
                            .arg(autostart.isEnabled() ? QStringLiteral("on") : QStringLiteral("off"),
                                 autostart.location()));
        return ExitLocal;
    }
    printTo(stdout, on ? tr("vaulttray will start when you log in (%1).\n").arg(autostart.location())
                       : tr("vaulttray will not start when you log in.\n"));
    return ExitOk;
}

} // namespace vaulttray
