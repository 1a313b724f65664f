#pragma once

#include "daemon/appsettings.h"

#include <QDialog>

class QCheckBox;
class QSettings;
class QSpinBox;

namespace vaulttray {

class Autostart;
class Scheduler;

// Interval, pause on metered connections, notification choices, start at login, and where the archive lives.
// OK writes QSettings, applies what the scheduler can change live and switches the autostart entry.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    SettingsDialog(QSettings &settings, Autostart &autostart, Scheduler *scheduler, const QString &archivePath,
                   QWidget *parent = nullptr);

    void accept() override;

signals:
    void settingsApplied(const vaulttray::AppSettings &settings);

private:
    QSettings &m_settings;
    Autostart &m_autostart;
    Scheduler *m_scheduler;
    QSpinBox *m_interval = nullptr;
    QCheckBox *m_metered = nullptr;
    QSpinBox *m_outageHours = nullptr;
    QCheckBox *m_summary = nullptr;
    QCheckBox *m_startAtLogin = nullptr;
};

} // namespace vaulttray
