#pragma once

#include "platform/autostart.h"

#include <QStringList>

namespace vaulttray {

// The XDG Autostart spec: $XDG_CONFIG_HOME/autostart/<app id>.desktop, which overrides an entry of the same
// name in $XDG_CONFIG_DIRS/autostart. An entry with Hidden=true, or X-GNOME-Autostart-enabled=false, does
// not start anything; so "off" removes the person's entry, or hides a system-wide one.
class XdgAutostart : public Autostart
{
public:
    XdgAutostart(QString program, QString configHome, QStringList systemConfigDirs);

    bool isEnabled() const override;
    Failure enable() override;
    Failure disable() override;
    QString location() const override;

    // The entry's text for this program: Exec quoted as the Desktop Entry spec asks.
    static QByteArray entryFor(const QString &program, bool hidden);

private:
    QString systemEntry() const;
    Failure writeEntry(const QByteArray &text);

    QString m_program;
    QString m_configHome;
    QStringList m_systemConfigDirs;
};

// One argument of an Exec key, quoted per the Desktop Entry spec ("The Exec key") and escaped as a string value.
QString desktopExecArgument(const QString &argument);

} // namespace vaulttray
