#pragma once

#include "platform/autostart.h"

namespace vaulttray {

// A per-user LaunchAgent, ~/Library/LaunchAgents/<app id>.plist with RunAtLoad, which launchd reads at login.
// Written as a file only (no launchctl): it takes effect from the next login, and "Disabled" set by hand
// counts as off.
class LaunchAgentAutostart : public Autostart
{
public:
    LaunchAgentAutostart(QString program, QString launchAgentsDir);

    bool isEnabled() const override;
    Failure enable() override;
    Failure disable() override;
    QString location() const override;

private:
    QByteArray plist() const;

    QString m_program;
    QString m_launchAgentsDir;
};

} // namespace vaulttray
