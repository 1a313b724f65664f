// `vaulttray autostart on|off|status` from the real executable, with the person's config folder
// ($XDG_CONFIG_HOME) and the system's ($XDG_CONFIG_DIRS) in a temporary folder.
#include "clirun.h"
#include "core/version.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {
using Run = vaulttray::test::CliRun;
using vaulttray::test::CliOptions;
using vaulttray::test::runVaulttray;
} // namespace

class TestCliAutostart : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString entryPath() const
    {
        return m_dir.filePath(QStringLiteral("config/autostart/%1.desktop").arg(QString::fromLatin1(vaulttray::kAppId)));
    }
    Run run(const QStringList &args) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_CONFIG_DIRS"), m_dir.filePath(QStringLiteral("xdg")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
        CliOptions options;
        options.environment = env;
        return runVaulttray(args, options);
    }
    QByteArray entry() const
    {
        QFile f(entryPath());
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private slots:
    void onStatusOff()
    {
        QCOMPARE(run({QStringLiteral("autostart"), QStringLiteral("status")}).out, QStringLiteral("off\n"));

        const Run on = run({QStringLiteral("autostart"), QStringLiteral("on")});
        QCOMPARE(on.exitCode, 0);
        QVERIFY2(on.out.contains(entryPath()), qPrintable(on.out));
        // The entry starts this very program, by its absolute path.
        const QString program = QFileInfo(qEnvironmentVariable("VAULTTRAY_BIN")).canonicalFilePath();
        QVERIFY2(entry().contains("\nExec=" + program.toUtf8() + "\n"), entry().constData());
        QCOMPARE(run({QStringLiteral("autostart"), QStringLiteral("status")}).out,
                 QStringLiteral("on: %1\n").arg(entryPath()));

        const QByteArray first = entry();
        QCOMPARE(run({QStringLiteral("autostart"), QStringLiteral("on")}).exitCode, 0);
        QCOMPARE(entry(), first);

        // The person switched it off in their desktop's settings, which sets Hidden=true.
        QFile edited(entryPath());
        QVERIFY(edited.open(QIODevice::Append));
        edited.write("Hidden=true\n");
        edited.close();
        QCOMPARE(run({QStringLiteral("autostart"), QStringLiteral("status")}).out, QStringLiteral("off\n"));

        QCOMPARE(run({QStringLiteral("autostart"), QStringLiteral("on")}).exitCode, 0);
        QCOMPARE(entry(), first);
        const Run off = run({QStringLiteral("autostart"), QStringLiteral("off")});
        QCOMPARE(off.exitCode, 0);
        QVERIFY(!QFileInfo::exists(entryPath()));
        QCOMPARE(run({QStringLiteral("autostart"), QStringLiteral("status")}).out, QStringLiteral("off\n"));
    }

    void aBadWordIsAUsageError()
    {
        const Run r = run({QStringLiteral("autostart"), QStringLiteral("yes")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("autostart takes on, off or status")), qPrintable(r.err));
    }

    void aFileInTheWayIsALocalError()
    {
        QVERIFY(QDir(m_dir.filePath(QStringLiteral("config/autostart"))).removeRecursively());
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("config"))));
        QFile blocker(m_dir.filePath(QStringLiteral("config/autostart")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const Run r = run({QStringLiteral("autostart"), QStringLiteral("on")});
        QCOMPARE(r.exitCode, 6);
        QVERIFY2(r.err.contains(QStringLiteral("Start at login was not changed")), qPrintable(r.err));
        QVERIFY(blocker.remove());
    }
};

QTEST_GUILESS_MAIN(TestCliAutostart)
#include "tst_cli_autostart.moc"
