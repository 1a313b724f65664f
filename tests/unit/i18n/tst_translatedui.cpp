// The windows and the tray's words follow the person's language: with the translators main() installs, the Settings
// dialog, the tray's menu and the status texts (with their plural forms) read in German or French, and in English
// otherwise.
// One executable, run per scenario with the environment a session would have (see CMakeLists.txt).
#include "core/translations.h"
#include "fakes/fakeclock.h"
#include "platform/linux/autostart_linux.h"
#include "ui/settingsdialog.h"
#include "ui/statustext.h"
#include "ui/trayicon.h"
#include "ui/traymodel.h"

#include <QApplication>
#include <QCheckBox>
#include <QMenu>
#include <QSettings>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QTest>

using namespace vaulttray;

namespace {
// What each scenario must show. "c" is LANG=C.UTF-8: no translation matches, the English plural forms still apply.
struct Expected
{
    const char *language;
    const char *title;
    const char *meteredOption;
    const char *oneSoFar;
    const char *twoSoFar;
    const char *noneSoFar;
    const char *syncNow;
    const char *quit;
    const char *noAccounts;
};

const Expected kGerman{"de",
                       "vaulttray — Einstellungen",
                       "Bei getakteten Verbindungen anhalten",
                       "Archivierung: bisher 1 Nachricht",
                       "Archivierung: bisher 2 Nachrichten",
                       "Archivierung: bisher 0 Nachrichten",
                       "Jetzt synchronisieren",
                       "Beenden",
                       "Noch keine Konten"};
const Expected kFrench{"fr", "vaulttray — Paramètres", "Suspendre sur les connexions limitées",
                       "Archivage : 1 message jusqu'ici", "Archivage : 2 messages jusqu'ici",
                       // French counts 0 as singular.
                       "Archivage : 0 message jusqu'ici", "Synchroniser maintenant", "Quitter",
                       "Aucun compte pour l'instant"};
const Expected kEnglish{"en",
                        "vaulttray — Settings",
                        "Pause on metered connections",
                        "Archiving: 1 message so far",
                        "Archiving: 2 messages so far",
                        "Archiving: 0 messages so far",
                        "Sync now",
                        "Quit",
                        "No accounts yet"};

const Expected &expected()
{
    const QString scenario = qEnvironmentVariable("VAULTTRAY_TEST_SCENARIO");
    return scenario == QLatin1String("de") ? kGerman : scenario == QLatin1String("fr") ? kFrench : kEnglish;
}

QString syncingText(qint64 done)
{
    AccountStatus s;
    s.name = QStringLiteral("work");
    s.state = AccountState::Syncing;
    s.progress.done = done;
    return StatusText::state(s);
}
} // namespace

class TestTranslatedUi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { m_translations = std::make_unique<Translations>(*qApp); }

    void loadsTheLanguageOfTheEnvironment()
    {
        QVERIFY2(m_translations->language().startsWith(QLatin1String(expected().language)),
                 qPrintable(m_translations->language()));
    }

    void settingsDialogSpeaksIt()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("vaulttray.conf")), QSettings::IniFormat);
        XdgAutostart autostart(QStringLiteral("/usr/bin/vaulttray"), dir.filePath(QStringLiteral("config")), {});
        SettingsDialog dialog(settings, autostart, nullptr, dir.filePath(QStringLiteral("archive.db")));
        QCOMPARE(dialog.windowTitle(), QString::fromUtf8(expected().title));
        QCOMPARE(dialog.findChild<QCheckBox *>(QStringLiteral("pauseOnMetered"))->text(),
                 QString::fromUtf8(expected().meteredOption));
    }

    // The tray's menu and tooltip (the icon itself needs a tray host; its words do not).
    void trayMenuSpeaksIt()
    {
        TrayModel model;
        test::FakeClock clock;
        TrayIcon icon(model, clock);
        QStringList entries;
        for (const QAction *action : icon.menu()->actions())
            entries << action->text();
        const QString shown = entries.join(QLatin1Char('|'));
        QVERIFY2(entries.contains(QString::fromUtf8(expected().syncNow)), qPrintable(shown));
        QVERIFY2(entries.contains(QString::fromUtf8(expected().quit)), qPrintable(shown));
        QVERIFY2(entries.contains(QString::fromUtf8(expected().noAccounts)), qPrintable(shown));
        QCOMPARE(icon.toolTip(),
                 QStringLiteral("vaulttray\n") + QString::fromUtf8(expected().noAccounts));
    }

    void pluralFormsFollowTheLanguage()
    {
        QCOMPARE(syncingText(1), QString::fromUtf8(expected().oneSoFar));
        QCOMPARE(syncingText(2), QString::fromUtf8(expected().twoSoFar));
        QCOMPARE(syncingText(0), QString::fromUtf8(expected().noneSoFar));
    }

    // Without the translators the source texts show, "(s)" and all: the cases above depend on them being installed.
    void withoutTranslatorsTheSourceTextShows()
    {
        m_translations.reset();
        QCOMPARE(syncingText(2), QStringLiteral("Archiving: 2 message(s) so far"));
        m_translations = std::make_unique<Translations>(*qApp);
        QCOMPARE(syncingText(2), QString::fromUtf8(expected().twoSoFar));
    }

private:
    std::unique_ptr<Translations> m_translations;
};

QTEST_MAIN(TestTranslatedUi)
#include "tst_translatedui.moc"
