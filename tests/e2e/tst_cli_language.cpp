// The real executable speaks the person's language, chosen the way a session chooses it: LANGUAGE first (which Qt
// reads even when LANG is C), then LC_ALL, then LANG. Command names and options stay as they are; a language without
// a translation gets English, with English plural forms.
#include "clirun.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace vaulttray::test;

namespace {
QProcessEnvironment environmentWith(const QStringList &assignments)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"})
        env.remove(QString::fromLatin1(name));
    for (const QString &a : assignments)
        env.insert(a.section(QLatin1Char('='), 0, 0), a.section(QLatin1Char('='), 1));
    return env;
}
} // namespace

class TestCliLanguage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(vaulttrayBinary()).isExecutable(), qPrintable(vaulttrayBinary()));
        QVERIFY(m_dir.isValid());
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("notes.txt")), "not an archive\n"));
    }

    void speaksTheSessionLanguage_data()
    {
        QTest::addColumn<QStringList>("environment");
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<bool>("onStdout");
        QTest::addColumn<QStringList>("expected");
        const QStringList german{"LANG=de_DE.UTF-8"};
        const QStringList unknown{"frobnicate"};
        QTest::newRow("German LANG: unknown command")
            << german << unknown << 2 << false << QStringList{"Unbekannter Befehl: frobnicate"};
        QTest::newRow("German LANG: help, options untouched")
            << german << QStringList{"--help"} << 0 << true
            << QStringList{"vaulttray führt ein vollständiges, dauerhaftes und durchsuchbares Archiv Ihrer Mail.",
                           "Rückgabewerte:", "  account add-gmail NAME --client-file CLIENT_FILE", "--archive <path>"};
        QTest::newRow("German LANG: plural in a usage error") << german << QStringList{"status", "work"} << 2 << false
                                                              << QStringList{"„status“ erwartet 0 Wörter danach"};
        QTest::newRow("German LANG: an error met while running")
            << german << QStringList{"--archive", "@/missing.db", "search", "invoice"} << 6 << false
            << QStringList{"Unter @/missing.db gibt es noch kein Archiv"};
        QTest::newRow("French LANG: a file that is not an archive")
            << QStringList{"LANG=fr_FR.UTF-8"} << QStringList{"--archive", "@/notes.txt", "search", "invoice"} << 6
            << false << QStringList{"@/notes.txt n'est pas une archive vaulttray (pas un fichier SQLite)"};
        QTest::newRow("French LC_ALL wins over a German LANG")
            << QStringList{"LC_ALL=fr_FR.UTF-8", "LANG=de_DE.UTF-8"} << unknown << 2 << false
            << QStringList{"Commande inconnue : frobnicate"};
        QTest::newRow("LANGUAGE first, even with LANG=C")
            << QStringList{"LANGUAGE=fr:de", "LANG=C.UTF-8"} << QStringList{"--help"} << 0 << true
            << QStringList{"vaulttray tient une archive complète, durable et consultable de votre courrier."};
        QTest::newRow("C: English plural forms") << QStringList{"LANG=C.UTF-8"} << QStringList{"status", "work"} << 2
                                                 << false << QStringList{"\"status\" takes 0 words after it"};
        QTest::newRow("no translation for Japanese: English")
            << QStringList{"LANG=ja_JP.UTF-8"} << unknown << 2 << false << QStringList{"Unknown command: frobnicate"};
    }
    void speaksTheSessionLanguage()
    {
        QFETCH(QStringList, environment);
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(bool, onStdout);
        QFETCH(QStringList, expected);
        for (QString &a : args)
            a.replace(QLatin1Char('@'), m_dir.path());
        CliOptions options;
        options.environment = environmentWith(environment);
        const CliRun r = runVaulttray(args, options);
        QCOMPARE(r.exitCode, exitCode);
        const QString text = onStdout ? r.out : r.err;
        for (QString needle : expected) {
            needle.replace(QLatin1Char('@'), m_dir.path());
            QVERIFY2(text.contains(needle), qPrintable(QStringLiteral("%1\n--- not in ---\n%2").arg(needle, text)));
        }
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestCliLanguage)
#include "tst_cli_language.moc"
