#include "daemon/commandline.h"

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
