#include "ui/settingsdialog.h"

#include "platform/autostart.h"

#include <QCheckBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QUrl>

namespace vaulttray {

SettingsDialog::SettingsDialog(QSettings &settings, Autostart &autostart, Scheduler *scheduler,
                               const QString &archivePath, QWidget *parent)
    : QDialog(parent), m_settings(settings), m_autostart(autostart), m_scheduler(scheduler)
{
    setWindowTitle(tr("vaulttray — Settings"));
    const AppSettings current = AppSettings::load(settings);

    m_interval = new QSpinBox(this);
    m_interval->setRange(5, 24 * 60);
    m_interval->setSuffix(tr(" min"));
    m_interval->setValue(current.intervalMinutes);
    m_metered = new QCheckBox(tr("Pause on metered connections"), this);
    m_metered->setChecked(current.pauseOnMetered);
    m_outageHours = new QSpinBox(this);
    m_outageHours->setRange(1, 7 * 24);
    m_outageHours->setSuffix(tr(" h"));
    m_outageHours->setValue(current.outageNoticeHours);
    m_summary = new QCheckBox(tr("Tell me when a sync archived new mail"), this);
    m_summary->setChecked(current.summaryAfterSync);
    m_startAtLogin = new QCheckBox(tr("Start vaulttray when I log in"), this);
    m_startAtLogin->setChecked(autostart.isEnabled());

    m_interval->setObjectName(QStringLiteral("interval"));
    m_metered->setObjectName(QStringLiteral("pauseOnMetered"));
    m_outageHours->setObjectName(QStringLiteral("outageNoticeHours"));
    m_summary->setObjectName(QStringLiteral("summaryAfterSync"));
    m_startAtLogin->setObjectName(QStringLiteral("startAtLogin"));
    auto *location = new QLabel(QDir::toNativeSeparators(archivePath), this);
    location->setObjectName(QStringLiteral("archiveLocation"));
    location->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *reveal = new QPushButton(tr("Show in file manager"), this);
    connect(reveal, &QPushButton::clicked, this, [archivePath] {
        QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(archivePath).absolutePath()));
    });
    auto *locationRow = new QHBoxLayout;
    locationRow->addWidget(location, 1);
    locationRow->addWidget(reveal);

    auto *form = new QFormLayout;
    form->addRow(tr("Archive new mail every"), m_interval);
    form->addRow(QString(), m_metered);
    form->addRow(tr("Tell me when an account is unreachable for"), m_outageHours);
    form->addRow(QString(), m_summary);
    form->addRow(QString(), m_startAtLogin);
    form->addRow(tr("Archive location"), locationRow);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    auto *layout = new QFormLayout(this);
    layout->addRow(form);
    layout->addRow(new QLabel(tr("A new interval takes effect the next time vaulttray starts."), this));
    layout->addRow(buttons);
}

void SettingsDialog::accept()
{
    AppSettings s;
    s.intervalMinutes = m_interval->value();
    s.pauseOnMetered = m_metered->isChecked();
    s.outageNoticeHours = m_outageHours->value();
    s.summaryAfterSync = m_summary->isChecked();
    s.save(m_settings);
    if (m_scheduler)
        m_scheduler->setPauseOnMetered(s.pauseOnMetered);
    if (m_startAtLogin->isChecked() != m_autostart.isEnabled()) {
        const Failure failure = m_startAtLogin->isChecked() ? m_autostart.enable() : m_autostart.disable();
        if (failure) {
            QMessageBox::warning(this, tr("Start at login"),
                                 tr("Starting at login could not be changed in %1.").arg(m_autostart.location()));
            return;
        }
    }
    emit settingsApplied(s);
    QDialog::accept();
}

} // namespace vaulttray
