#pragma once

#include "platform/autostart.h"

namespace vaulttray {

// A value under HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Run, which Explorer starts at
// login. (Task Manager's "Disable" lives in a separate StartupApproved key, which is left to Windows.)
class RunKeyAutostart : public Autostart
{
public:
    explicit RunKeyAutostart(QString program);

    bool isEnabled() const override;
    Failure enable() override;
    Failure disable() override;
    QString location() const override;

private:
    QString command() const;

    QString m_program;
};

} // namespace vaulttray
