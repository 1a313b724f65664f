// The command line of the real executable: --version, --help, usage errors, and --headless
// opening (or refusing) an archive and shutting down cleanly on SIGTERM.
#include "clirun.h"
#include "store/archivereader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace vaulttray;

namespace {
QString binary()
{
    return qEnvironmentVariable("VAULTTRAY_BIN");
}

using Run = vaulttray::test::CliRun;
using vaulttray::test::CliOptions;
using vaulttray::test::runVaulttray;

Run run(const QStringList &args, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    CliOptions options;
    options.environment = env;
    return runVaulttray(args, options);
}
} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(QFileInfo(binary()).isExecutable(), qPrintable(binary())); }

    void version()
    {
        const Run r = run({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("vaulttray %1\n").arg(QStringLiteral(VAULTTRAY_VERSION)));
    }

    void helpListsOptionsAndExitCodes()
    {
        const Run r = run({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        for (const char *needle : {"Usage: vaulttray", "--headless", "--archive <path>", "Exit codes:", "  6  local problem"})
            QVERIFY2(r.out.contains(QString::fromLatin1(needle)), needle);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--frobnicate")} << QStringLiteral("frobnicate");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << QStringLiteral("Unknown command");
        QTest::newRow("archive without path") << QStringList{QStringLiteral("--archive")} << QStringLiteral("archive");
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void headlessRefusesAFileThatIsNotAnArchive()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("thesis.db"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("chapter one");
        f.close();
        const Run r = run({QStringLiteral("--headless"), QStringLiteral("--archive"), path});
        QCOMPARE(r.exitCode, 6);
        QVERIFY2(r.err.contains(QStringLiteral("not a vaulttray archive")), qPrintable(r.err));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("chapter one"));
    }

    void headlessCreatesTheArchiveAndStopsOnSigterm() { runHeadlessUntilSigterm(QString()); }

    // A runtime folder too deep for a unix socket address: the instance still starts, and a command still reaches it.
    void aDeepRuntimeFolderStillGivesAControlChannel()
    {
        QTemporaryDir dir;
        const QString deep = dir.filePath(QString(120, QLatin1Char('r')));
        QVERIFY(QDir().mkpath(deep));
        QFile::setPermissions(deep, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        runHeadlessUntilSigterm(deep, QStringLiteral("quit"));
    }

private:
    // Starts `vaulttray --headless` with its own folders (XDG_RUNTIME_DIR = runtime when given), waits until the
    // archive is ready, then stops it: with SIGTERM, or with the command `stopCommand` sent through the control channel.
    void runHeadlessUntilSigterm(const QString &runtime, const QString &stopCommand = QString())
    {
        QTemporaryDir dir;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("VAULTTRAY_ARCHIVE"), dir.filePath(QStringLiteral("mail/archive.db")));
        // Logs, settings and the control socket go to the test's own folder, never the person's.
        for (const char *variable : {"XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_RUNTIME_DIR", "XDG_CACHE_HOME"}) {
            const QString folder = dir.filePath(QString::fromLatin1(variable));
            QDir().mkpath(folder);
            QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
            env.insert(QString::fromLatin1(variable), folder);
        }
        if (!runtime.isEmpty())
            env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime);
        env.insert(QStringLiteral("DBUS_SYSTEM_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/vaulttray-test"));
        QProcess p;
        p.setProcessEnvironment(env);
        p.setReadChannel(QProcess::StandardError);
        p.start(binary(), {QStringLiteral("--headless")});
        QVERIFY(p.waitForStarted());
        QByteArray err;
        while (!err.contains("archive ready") && p.waitForReadyRead(30000))
            err += p.readAllStandardError();
        QVERIFY2(err.contains("archive ready"), err.constData());
        if (stopCommand.isEmpty()) {
            ::kill(static_cast<pid_t>(p.processId()), SIGTERM);
        } else {
            const Run stop = run({stopCommand}, env);
            QVERIFY2(stop.exitCode == 0, qPrintable(stop.err));
        }
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);

        const QString path = dir.filePath(QStringLiteral("mail/archive.db"));
        QCOMPARE(QFileInfo(path).permissions() & 0x0077, QFileDevice::Permissions());
        QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("XDG_DATA_HOME/vaulttray/logs/vaulttray.log"))));
        ArchiveReader reader(path);
        QVERIFY(!reader.openError());
        QSqlQuery q(reader.database());
        QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
