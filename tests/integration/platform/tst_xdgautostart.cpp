// The XDG autostart entry as a desktop reads it: desktop-file-validate checks every entry written, and GLib's
// launcher (`gio launch`, the code GNOME's session uses to read entries) starts the program from it — so the
// Exec quoting is proven on paths with spaces, quotes, dollars and percent signs.
#include "core/version.h"
#include "platform/linux/autostart_linux.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace vaulttray;

namespace {
constexpr int kToolTimeoutMs = 30000;
constexpr int kLaunchTimeoutMs = 20000;

struct ToolRun
{
    int exitCode = -1;
    QString output;
};

ToolRun runTool(const QString &program, const QStringList &args, const QProcessEnvironment &env = {})
{
    QProcess p;
    if (!env.isEmpty())
        p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    ToolRun r;
    if (!p.waitForFinished(kToolTimeoutMs))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.output = QString::fromUtf8(p.readAll());
    return r;
}

// desktop-file-validate without hints: clean means exit 0 and nothing said.
ToolRun validate(const QString &entry)
{
    return runTool(QStringLiteral("desktop-file-validate"), {QStringLiteral("--no-hints"), entry});
}

QByteArray contents(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(text), text.size());
}

// A stand-in program at `path` that, when started, writes its arguments into `marker`.
void writeProgram(const QString &path, const QString &marker)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY2(f.open(QIODevice::WriteOnly), qPrintable(path));
    // Written aside and renamed, so the test never reads a half-written marker.
    f.write("#!/bin/sh\nprintf 'started %s\\n' \"$#\" > '" + marker.toUtf8() + ".part' && mv '" + marker.toUtf8() +
            ".part' '" + marker.toUtf8() + "'\n");
    f.close();
    QVERIFY(f.setPermissions(f.permissions() | QFile::ExeOwner));
}

// Asks GLib's launcher to start the entry, as a session does at login; true when the program ran.
bool launchedByGio(const QString &entry, const QString &marker)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    const ToolRun r = runTool(QStringLiteral("gio"), {QStringLiteral("launch"), entry}, env);
    if (r.exitCode != 0) {
        qInfo().noquote() << "gio launch:" << r.output.trimmed();
        return false;
    }
    QElapsedTimer waited;
    waited.start();
    while (!QFileInfo::exists(marker) && waited.elapsed() < kLaunchTimeoutMs)
        QTest::qWait(20); // the launched process is real I/O
    return contents(marker) == "started 0\n";
}
} // namespace

class TestXdgAutostart : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_home;   // $XDG_CONFIG_HOME
    QString m_system; // one of $XDG_CONFIG_DIRS

    XdgAutostart autostart(const QString &program = QStringLiteral("/usr/bin/vaulttray")) const
    {
        return XdgAutostart(program, m_home, {m_system});
    }
    QString entryPath() const
    {
        return m_home + QStringLiteral("/autostart/") + QString::fromLatin1(kAppId) + QStringLiteral(".desktop");
    }
    QString systemEntryPath() const
    {
        return m_system + QStringLiteral("/autostart/") + QString::fromLatin1(kAppId) + QStringLiteral(".desktop");
    }

private slots:
    void initTestCase()
    {
        for (const char *tool : {"desktop-file-validate", "gio"})
            QVERIFY2(!QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty(), tool);
    }

    void init()
    {
        const QString base = m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()) +
                                            QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('_')));
        m_home = base + QStringLiteral("/config");
        m_system = base + QStringLiteral("/xdg");
        QVERIFY(QDir().mkpath(m_home));
        QVERIFY(QDir().mkpath(m_system));
    }

    void offWhenThereIsNoEntry() { QVERIFY(!autostart().isEnabled()); }

    void onWritesAnEntryTheDesktopStarts_data()
    {
        QTest::addColumn<QString>("folder");
        // GLib looks the program up before it undoes "%%", so no GLib launcher starts a path with '%' in it:
        // there the spec's rule is checked on the text alone.
        QTest::addColumn<bool>("launchable");
        QTest::newRow("plain") << QStringLiteral("bin") << true;
        QTest::newRow("space") << QStringLiteral("My Programs") << true;
        QTest::newRow("quotes and backslash") << QStringLiteral("it's \"mail\" \\ tools") << true;
        QTest::newRow("dollar and backtick") << QStringLiteral("$HOME `x`") << true;
        QTest::newRow("shell characters") << QStringLiteral("a;b&c|d>e<f*g?h#i(j)~k") << true;
        QTest::newRow("percent") << QStringLiteral("100%d") << false;
    }
    void onWritesAnEntryTheDesktopStarts()
    {
        QFETCH(QString, folder);
        QFETCH(bool, launchable);
        const QString program = m_dir.filePath(QStringLiteral("programs/%1/vaulttray").arg(folder));
        const QString marker = m_home + QStringLiteral("/started");
        writeProgram(program, marker);

        XdgAutostart entry = autostart(program);
        const Failure f = entry.enable();
        QVERIFY2(f.ok(), qPrintable(f.detail));
        QVERIFY(entry.isEnabled());
        QCOMPARE(entry.location(), entryPath());
        const ToolRun checked = validate(entryPath());
        QVERIFY2(checked.exitCode == 0 && checked.output.isEmpty(), qPrintable(checked.output));
        if (launchable)
            QVERIFY2(launchedByGio(entryPath(), marker), contents(entryPath()).constData());
        else
            QVERIFY(contents(entryPath()).contains("/100%%d/vaulttray\n"));
    }

    // The launch check catches an entry quoted the naive way.
    void aNaivelyQuotedEntryIsCaught()
    {
        const QString program = m_dir.filePath(QStringLiteral("programs/My Programs/vaulttray"));
        const QString marker = m_home + QStringLiteral("/started");
        writeProgram(program, marker);
        QByteArray naive = XdgAutostart::entryFor(program, false);
        naive.replace(desktopExecArgument(program).toUtf8(), program.toUtf8());
        QVERIFY(naive.contains("Exec=" + program.toUtf8() + "\n"));
        writeFile(entryPath(), naive);
        QVERIFY(!launchedByGio(entryPath(), marker));

        const QString dollar = QStringLiteral("/opt/$HOME/vaulttray");
        QByteArray unquoted = XdgAutostart::entryFor(dollar, false);
        unquoted.replace(desktopExecArgument(dollar).toUtf8(), dollar.toUtf8());
        writeFile(entryPath(), unquoted);
        QVERIFY(validate(entryPath()).exitCode != 0);
    }

    void onTwiceChangesNothing()
    {
        XdgAutostart entry = autostart();
        QVERIFY(entry.enable().ok());
        const QByteArray first = contents(entryPath());
        const QDateTime written = QFileInfo(entryPath()).lastModified();
        QVERIFY(entry.enable().ok());
        QCOMPARE(contents(entryPath()), first);
        QCOMPARE(QFileInfo(entryPath()).lastModified(), written);
        // Atomic writes leave no temporary files behind.
        QCOMPARE(QDir(m_home + QStringLiteral("/autostart")).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QFileInfo(entryPath()).fileName()});
    }

    void offRemovesTheEntry()
    {
        XdgAutostart entry = autostart();
        QVERIFY(entry.enable().ok());
        QVERIFY(entry.disable().ok());
        QVERIFY(!QFileInfo::exists(entryPath()));
        QVERIFY(!entry.isEnabled());
        QVERIFY(entry.disable().ok()); // off twice is fine too
    }

    void anEntryEditedByHand_data()
    {
        QTest::addColumn<QByteArray>("added");
        QTest::addColumn<bool>("enabled");
        QTest::newRow("Hidden=true") << QByteArray("Hidden=true\n") << false;
        QTest::newRow("Hidden = true (spaces)") << QByteArray("Hidden = true\n") << false;
        QTest::newRow("Hidden=1") << QByteArray("Hidden=1\n") << false;
        QTest::newRow("GNOME switch off") << QByteArray("X-GNOME-Autostart-enabled=false\n") << false;
        QTest::newRow("Hidden=false") << QByteArray("Hidden=false\n") << true;
        QTest::newRow("Hidden in another group") << QByteArray("[Desktop Action x]\nHidden=true\n") << true;
    }
    void anEntryEditedByHand()
    {
        QFETCH(QByteArray, added);
        QFETCH(bool, enabled);
        QByteArray text = XdgAutostart::entryFor(QStringLiteral("/usr/bin/vaulttray"), false);
        text.replace("X-GNOME-Autostart-enabled=true\n", "");
        writeFile(entryPath(), text + added);
        XdgAutostart entry = autostart();
        QCOMPARE(entry.isEnabled(), enabled);
        // "on" makes it start again, whatever was edited.
        QVERIFY(entry.enable().ok());
        QVERIFY(entry.isEnabled());
        QCOMPARE(contents(entryPath()), XdgAutostart::entryFor(QStringLiteral("/usr/bin/vaulttray"), false));
    }

    // An administrator's entry in $XDG_CONFIG_DIRS/autostart: "off" hides it for this person only.
    void offHidesASystemWideEntry()
    {
        writeFile(systemEntryPath(), XdgAutostart::entryFor(QStringLiteral("/usr/bin/vaulttray"), false));
        XdgAutostart entry = autostart();
        QVERIFY(entry.isEnabled());
        QVERIFY(entry.disable().ok());
        QVERIFY(!entry.isEnabled());
        QVERIFY(contents(entryPath()).contains("\nHidden=true\n"));
        const ToolRun checked = validate(entryPath());
        QVERIFY2(checked.exitCode == 0 && checked.output.isEmpty(), qPrintable(checked.output));
        QVERIFY(QFileInfo::exists(systemEntryPath()));
        QVERIFY(entry.enable().ok());
        QVERIFY(entry.isEnabled());
    }

    void aFolderInTheWayGivesAClearErrorAndChangesNothing()
    {
        writeFile(m_home + QStringLiteral("/autostart"), "not a folder");
        XdgAutostart entry = autostart();
        const Failure f = entry.enable();
        QVERIFY(f.kind == FailureKind::Local);
        QVERIFY2(f.detail.contains(m_home + QStringLiteral("/autostart")), qPrintable(f.detail));
        QCOMPARE(contents(m_home + QStringLiteral("/autostart")), QByteArray("not a folder"));
        QVERIFY(!entry.isEnabled());
    }
};

QTEST_GUILESS_MAIN(TestXdgAutostart)
#include "tst_xdgautostart.moc"
