#include "daemon/commandline.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace vaulttray;

class TestCommandLine : public QObject
{
    Q_OBJECT

private slots:
    void parse_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("action");
        QTest::addColumn<QString>("archive");
        using A = CommandLine::Action;
        QTest::newRow("nothing: the tray") << QStringList{} << int(A::RunGui) << QString();
        QTest::newRow("headless") << QStringList{QStringLiteral("--headless")} << int(A::RunHeadless) << QString();
        QTest::newRow("archive option") << QStringList{QStringLiteral("--headless"), QStringLiteral("--archive"),
                                                       QStringLiteral("/x/a.db")}
                                        << int(A::RunHeadless) << QStringLiteral("/x/a.db");
        QTest::newRow("help wins") << QStringList{QStringLiteral("--headless"), QStringLiteral("--help")}
                                   << int(A::ShowHelp) << QString();
        QTest::newRow("version") << QStringList{QStringLiteral("-v")} << int(A::ShowVersion) << QString();
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--nope")} << int(A::UsageError) << QString();
        QTest::newRow("unknown command") << QStringList{QStringLiteral("nope")} << int(A::UsageError) << QString();
        QTest::newRow("a command with the archive") << QStringList{QStringLiteral("--archive"), QStringLiteral("/a.db"),
                                                                   QStringLiteral("status")}
                                                    << int(A::Command) << QStringLiteral("/a.db");
    }
    void parse()
    {
        QFETCH(QStringList, args);
        QFETCH(int, action);
        QFETCH(QString, archive);
        const CommandLine cli = parseCommandLine(QStringList{QStringLiteral("vaulttray")} + args);
        QCOMPARE(int(cli.action), action);
        QCOMPARE(cli.archivePath, archive);
        QVERIFY(cli.helpText.contains(QStringLiteral("Exit codes")));
    }

    void commands_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<int>("verb");
        QTest::addColumn<QString>("name");
        using V = ControlCommand::Verb;
        QTest::newRow("status") << "status --json" << true << int(V::Status) << "";
        QTest::newRow("status takes no words") << "status work" << false << 0 << "";
        QTest::newRow("account list") << "account list --json" << true << int(V::AccountList) << "";
        QTest::newRow("add-imap") << "account add-imap work --host 127.0.0.1 --port 143 --security plain --user alice "
                                     "--password-stdin"
                                  << true << int(V::AccountAddImap) << "work";
        QTest::newRow("add-imap without host") << "account add-imap work --port 143 --security imaps --user a" << false
                                               << 0 << "";
        QTest::newRow("add-imap bad security") << "account add-imap w --host h --port 1 --security tls --user a"
                                               << false << 0 << "";
        QTest::newRow("add-imap port not a number") << "account add-imap w --host h --port x --security imaps --user a"
                                                    << false << 0 << "";
        QTest::newRow("password and oauth") << "account add-imap w --host h --port 1 --security imaps --user a "
                                               "--password-stdin --oauth c.json"
                                            << false << 0 << "";
        QTest::newRow("add-gmail") << "account add-gmail me --client-file c.json" << true << int(V::AccountAddGmail)
                                   << "me";
        QTest::newRow("add-gmail without file") << "account add-gmail me" << false << 0 << "";
        QTest::newRow("add-gmail with a quota") << "account add-gmail me --client-file c.json --quota 1000" << true
                                                << int(V::AccountAddGmail) << "me";
        QTest::newRow("add-gmail quota not a number") << "account add-gmail me --client-file c.json --quota fast"
                                                      << false << 0 << "";
        QTest::newRow("add-gmail quota zero") << "account add-gmail me --client-file c.json --quota 0" << false << 0 << "";
        QTest::newRow("add-gmail quota absurd") << "account add-gmail me --client-file c.json --quota 2500000" << false
                                                << 0 << "";
        QTest::newRow("remove") << "account remove work --delete-archived-mail" << true << int(V::AccountRemove)
                                << "work";
        QTest::newRow("remove without name") << "account remove" << false << 0 << "";
        QTest::newRow("sync once one account") << "sync --once work" << true << int(V::Sync) << "work";
        QTest::newRow("sync all") << "sync" << true << int(V::Sync) << "";
        QTest::newRow("autostart on") << "autostart on" << true << int(V::Autostart) << "on";
        QTest::newRow("autostart status") << "autostart status" << true << int(V::Autostart) << "status";
        QTest::newRow("autostart needs a word") << "autostart" << false << 0 << "";
        QTest::newRow("autostart unknown word") << "autostart yes" << false << 0 << "";
        QTest::newRow("autostart one word only") << "autostart on off" << false << 0 << "";
        QTest::newRow("sync two names") << "sync a b" << false << 0 << "";
        QTest::newRow("unknown account verb") << "account rename a b" << false << 0 << "";
        QTest::newRow("search joins its words") << "search from:ann invoice --json" << true << int(V::Search)
                                                << "from:ann invoice";
        QTest::newRow("search with a limit") << "search report --limit 5" << true << int(V::Search) << "report";
        QTest::newRow("search needs a query") << "search" << false << 0 << "";
        QTest::newRow("search limit zero") << "search report --limit 0" << false << 0 << "";
        QTest::newRow("search limit not a number") << "search report --limit many" << false << 0 << "";
        QTest::newRow("export-eml") << "export-eml 42" << true << int(V::ExportEml) << "42";
        QTest::newRow("export-eml to a file") << "export-eml 42 --output m.eml" << true << int(V::ExportEml) << "42";
        QTest::newRow("export-eml needs an id") << "export-eml" << false << 0 << "";
        QTest::newRow("export-eml id not a number") << "export-eml abc" << false << 0 << "";
        QTest::newRow("export-eml id zero") << "export-eml 0" << false << 0 << "";
        QTest::newRow("export-eml one id") << "export-eml 1 2" << false << 0 << "";
        QTest::newRow("pause") << "pause" << true << int(V::Pause) << "";
        QTest::newRow("pause for an hour") << "pause --for 1h" << true << int(V::Pause) << "";
        QTest::newRow("pause for 2h30m") << "pause --for 2h30m" << true << int(V::Pause) << "";
        QTest::newRow("pause without a unit") << "pause --for 30" << false << 0 << "";
        QTest::newRow("pause unknown unit") << "pause --for 3w" << false << 0 << "";
        QTest::newRow("pause for nothing") << "pause --for 0m" << false << 0 << "";
        QTest::newRow("pause beyond a month") << "pause --for 32d" << false << 0 << "";
        QTest::newRow("pause takes no words") << "pause work" << false << 0 << "";
        QTest::newRow("resume") << "resume" << true << int(V::Resume) << "";
        QTest::newRow("quit") << "quit" << true << int(V::Quit) << "";
        QTest::newRow("quit takes no words") << "quit now" << false << 0 << "";
    }
    void commands()
    {
        QFETCH(QString, line);
        QFETCH(bool, valid);
        QFETCH(int, verb);
        QFETCH(QString, name);
        const CommandLine cli =
            parseCommandLine(QStringList{QStringLiteral("vaulttray")} + line.split(QLatin1Char(' ')));
        QCOMPARE(cli.action == CommandLine::Action::Command, valid);
        if (!valid) {
            QVERIFY(cli.action == CommandLine::Action::UsageError);
            QVERIFY(!cli.error.isEmpty());
            return;
        }
        QCOMPARE(int(cli.command.verb), verb);
        QCOMPARE(cli.command.name, name);
        QCOMPARE(cli.command.json, line.contains(QStringLiteral("--json")));
        QCOMPARE(cli.passwordStdin, line.contains(QStringLiteral("--password-stdin")));
        // Commands cross a socket to the running instance: they survive the trip.
        const auto back = ControlCommand::fromJson(cli.command.toJson());
        QVERIFY(back.has_value());
        QCOMPARE(int(back->verb), verb);
        QCOMPARE(back->settingsJson, cli.command.settingsJson);
    }

    void gmailQuotaIsKeptInTheSettings()
    {
        const auto settingsOf = [](const QString &line) {
            return QJsonDocument::fromJson(parseCommandLine(line.split(QLatin1Char(' '))).command.settingsJson).object();
        };
        QCOMPARE(settingsOf(QStringLiteral("vaulttray account add-gmail me --client-file c.json --quota 1000"))
                     .value(QStringLiteral("quotaUnitsPerSecond")).toDouble(), 1000.0);
        // Without the option nothing is stored: the provider's default (Google's 250) applies.
        QVERIFY(!settingsOf(QStringLiteral("vaulttray account add-gmail me --client-file c.json"))
                     .contains(QStringLiteral("quotaUnitsPerSecond")));
    }

    void pauseDurations_data()
    {
        QTest::addColumn<QString>("duration");
        QTest::addColumn<qint64>("seconds");
        QTest::newRow("seconds") << "90s" << qint64(90);
        QTest::newRow("minutes") << "45m" << qint64(45 * 60);
        QTest::newRow("hour") << "1h" << qint64(3600);
        QTest::newRow("hours and minutes") << "2h30m" << qint64(2 * 3600 + 30 * 60);
        QTest::newRow("upper case") << "1H" << qint64(3600);
        QTest::newRow("a day") << "1d" << qint64(24 * 3600);
    }
    void pauseDurations()
    {
        QFETCH(QString, duration);
        QFETCH(qint64, seconds);
        const CommandLine cli = parseCommandLine({QStringLiteral("vaulttray"), QStringLiteral("pause"),
                                                  QStringLiteral("--for"), duration});
        QCOMPARE(cli.action, CommandLine::Action::Command);
        QCOMPARE(QJsonDocument::fromJson(cli.command.settingsJson).object().value(QStringLiteral("seconds")).toInteger(),
                 seconds);
    }

    void searchAndExportKeepTheirOptions()
    {
        const CommandLine search = parseCommandLine(
            {QStringLiteral("vaulttray"), QStringLiteral("search"), QStringLiteral("x"), QStringLiteral("--limit"),
             QStringLiteral("7")});
        QCOMPARE(QJsonDocument::fromJson(search.command.settingsJson).object().value(QStringLiteral("limit")).toInt(), 7);
        const CommandLine plain = parseCommandLine({QStringLiteral("vaulttray"), QStringLiteral("search"), QStringLiteral("x")});
        QCOMPARE(QJsonDocument::fromJson(plain.command.settingsJson).object().value(QStringLiteral("limit")).toInt(), 50);
        // A relative output path is made absolute where the command is typed, not where it runs.
        const CommandLine exported = parseCommandLine({QStringLiteral("vaulttray"), QStringLiteral("export-eml"),
                                                       QStringLiteral("3"), QStringLiteral("--output"),
                                                       QStringLiteral("m.eml")});
        const QString output =
            QJsonDocument::fromJson(exported.command.settingsJson).object().value(QStringLiteral("output")).toString();
        QCOMPARE(output, QDir::current().absoluteFilePath(QStringLiteral("m.eml")));
    }

    void imapSettingsNeverHoldThePassword()
    {
        const CommandLine cli = parseCommandLine(
            QStringLiteral("vaulttray account add-imap w --host h --port 993 --security imaps --user a --password-stdin")
                .split(QLatin1Char(' ')));
        QVERIFY(!cli.command.settingsJson.contains("\"password\":"));
        QVERIFY(cli.command.settingsJson.contains("\"auth\":\"password\""));
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
