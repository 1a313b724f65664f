// The Settings dialog writes the person's choices to QSettings (read back as the daemon reads them at start)
// and switches the real XDG autostart entry; Cancel changes nothing.
#include "screenshot.h"

#include "daemon/appsettings.h"
#include "platform/linux/autostart_linux.h"
#include "ui/settingsdialog.h"

#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace vaulttray;

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir.reset(new QTemporaryDir);
        m_settingsFile = m_dir->filePath(QStringLiteral("vaulttray.conf"));
        m_autostart = std::make_unique<XdgAutostart>(QStringLiteral("/usr/bin/vaulttray"),
                                                     m_dir->filePath(QStringLiteral("config")), QStringList{});
    }

    void defaultsWhenNothingIsStored()
    {
        QSettings settings(m_settingsFile, QSettings::IniFormat);
        const AppSettings s = AppSettings::load(settings);
        QCOMPARE(s.intervalMinutes, 15);
        QCOMPARE(s.outageNoticeHours, 6);
        QCOMPARE(s.summaryAfterSync, false);
        QCOMPARE(s.schedulerOptions().outageNoticeAfter, std::chrono::seconds(6 * 3600));
    }

    void okRoundTripsAndTogglesAutostart()
    {
        QVERIFY(!m_autostart->isEnabled());
        {
            QSettings settings(m_settingsFile, QSettings::IniFormat);
            SettingsDialog dialog(settings, *m_autostart, nullptr, QStringLiteral("/home/me/.local/share/vaulttray/archive.db"));
            QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("archiveLocation"))->text(),
                     QStringLiteral("/home/me/.local/share/vaulttray/archive.db"));
            dialog.findChild<QSpinBox *>(QStringLiteral("interval"))->setValue(30);
            dialog.findChild<QCheckBox *>(QStringLiteral("pauseOnMetered"))->setChecked(true);
            dialog.findChild<QSpinBox *>(QStringLiteral("outageNoticeHours"))->setValue(12);
            dialog.findChild<QCheckBox *>(QStringLiteral("summaryAfterSync"))->setChecked(true);
            dialog.findChild<QCheckBox *>(QStringLiteral("startAtLogin"))->setChecked(true);
            QVERIFY(testsupport::keepScreenshot(dialog, QStringLiteral("settings-dialog")));
            dialog.accept();
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        QSettings reread(m_settingsFile, QSettings::IniFormat);
        const AppSettings s = AppSettings::load(reread);
        QCOMPARE(s.intervalMinutes, 30);
        QVERIFY(s.pauseOnMetered);
        QCOMPARE(s.outageNoticeHours, 12);
        QVERIFY(s.summaryAfterSync);
        QCOMPARE(s.schedulerOptions().policy.interval, std::chrono::seconds(30 * 60));
        QVERIFY(m_autostart->isEnabled());
        QVERIFY(QFile::exists(m_autostart->location()));

        SettingsDialog again(reread, *m_autostart, nullptr, QString());
        QVERIFY(again.findChild<QCheckBox *>(QStringLiteral("startAtLogin"))->isChecked());
        again.findChild<QCheckBox *>(QStringLiteral("startAtLogin"))->setChecked(false);
        again.accept();
        QVERIFY(!m_autostart->isEnabled());
    }

    void cancelChangesNothing()
    {
        QSettings settings(m_settingsFile, QSettings::IniFormat);
        SettingsDialog dialog(settings, *m_autostart, nullptr, QString());
        dialog.findChild<QSpinBox *>(QStringLiteral("interval"))->setValue(60);
        dialog.findChild<QCheckBox *>(QStringLiteral("startAtLogin"))->setChecked(true);
        dialog.reject();
        QCOMPARE(AppSettings::load(settings).intervalMinutes, 15);
        QVERIFY(!m_autostart->isEnabled());
    }

    void storedNonsenseIsBounded()
    {
        QSettings settings(m_settingsFile, QSettings::IniFormat);
        settings.setValue(QStringLiteral("sync/intervalMinutes"), 0);
        settings.setValue(QStringLiteral("notifications/outageNoticeHours"), QStringLiteral("lots"));
        const AppSettings s = AppSettings::load(settings);
        QCOMPARE(s.intervalMinutes, 5);
        QCOMPARE(s.outageNoticeHours, 6); // not a number: the default
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_settingsFile;
    std::unique_ptr<XdgAutostart> m_autostart;
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
