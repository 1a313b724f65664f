#include "daemon/commandline.h"

#include "daemon/accountconfig.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

namespace vaulttray {

namespace {
// Far above any per-user Gmail quota; a typo such as 2500000 is refused rather than believed.
constexpr int kMaxGmailQuota = 100000;
// vaulttray search: results shown unless --limit says otherwise, and the most it may say.
constexpr int kDefaultSearchLimit = 50;
constexpr int kMaxSearchLimit = 100000;
// pause --for: longer than a month is "until resumed" in disguise.
constexpr qint64 kMaxPauseSeconds = 31LL * 24 * 3600;

// This file's user-visible texts; their translation context is "CommandLine".
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)
};

QString commandsHelp()
{
    return Text::tr(
        "\nCommands:\n"
        "  account list [--json]\n"
        "  account add-imap NAME --host HOST --port PORT --security imaps|starttls|plain --user USER\n"
        "                   [--password-stdin | --oauth CLIENT_FILE] [--ca-file PEM] [--allow-plaintext]\n"
        "  account add-gmail NAME --client-file CLIENT_FILE [--quota UNITS_PER_SECOND]\n"
        "  account remove NAME [--delete-archived-mail]\n"
        "  account signin NAME       sign in again (Gmail) after the provider rejected the credential\n"
        "  sync [--once] [NAME]      start a sync now (--once: wait for it and exit with its outcome)\n"
        "  import mbox PATH [--account NAME] [--mboxo]\n"
        "  import maildir PATH [--account NAME]\n"
        "                            archive local mail (an mbox file, a Google Takeout export, a Maildir);\n"
        "                            without --account into the account \"local\"; run again to resume\n"
        "  status [--json]\n"
        "  search QUERY... [--json] [--limit N]\n"
        "                            words, \"phrases\", from: to: subject: has:attachment after:YYYY-MM-DD\n"
        "                            before:YYYY-MM-DD account:NAME label:NAME\n"
        "  export-eml ID [--output FILE]\n"
        "                            a message's exact bytes (ID from search) to stdout or a new FILE\n"
        "  pause [--for DURATION]    stop syncing for a while (e.g. 30m, 1h, 2h30m) or until resume\n"
        "  resume | quit             (these three talk to the running vaulttray)\n"
        "  secrets allow-private-file | keychain-only\n"
        "                            where passwords and tokens may live when no keychain is usable\n"
        "  autostart on|off|status   start vaulttray when you log in\n"
        "When vaulttray is running, commands go to it; otherwise they run on their own and exit.\n"
        "Passwords are read from standard input or a prompt, never from the command line.\n");
}

QString exitCodeHelp()
{
    return Text::tr("\nExit codes:\n"
                    "  0  success\n"
                    "  2  usage error\n"
                    "  3  network or server trouble (vaulttray retries by itself)\n"
                    "  4  the provider rejected the credential: sign in again\n"
                    "  5  misconfigured: client file, scopes or account settings\n"
                    "  6  local problem: archive, disk or permissions\n"
                    "  130  import stopped by Ctrl-C after committing what it read\n");
}

struct Options
{
    QCommandLineOption help{{QStringLiteral("h"), QStringLiteral("help")}, Text::tr("Show this help.")};
    QCommandLineOption version{{QStringLiteral("v"), QStringLiteral("version")}, Text::tr("Show the version.")};
    QCommandLineOption headless{QStringLiteral("headless"), Text::tr("Run the archiver without a tray icon.")};
    QCommandLineOption archive{QStringLiteral("archive"),
                               Text::tr("Use the archive at <path> (also $VAULTTRAY_ARCHIVE)."),
                               QStringLiteral("path")};
    QCommandLineOption json{QStringLiteral("json"), Text::tr("Answer in JSON (account list, status).")};
    QCommandLineOption once{QStringLiteral("once"),
                            Text::tr("sync: wait for the run to finish and exit with its outcome.")};
    QCommandLineOption host{QStringLiteral("host"), Text::tr("IMAP server host."), QStringLiteral("host")};
    QCommandLineOption port{QStringLiteral("port"), Text::tr("IMAP server port."), QStringLiteral("port")};
    QCommandLineOption security{QStringLiteral("security"), Text::tr("imaps, starttls or plain."),
                                QStringLiteral("mode")};
    QCommandLineOption user{QStringLiteral("user"), Text::tr("IMAP user name."), QStringLiteral("user")};
    QCommandLineOption passwordStdin{QStringLiteral("password-stdin"), Text::tr("Read the IMAP password from stdin.")};
    QCommandLineOption oauth{QStringLiteral("oauth"),
                             Text::tr("Sign in to IMAP with OAuth (XOAUTH2) using this client file."),
                             QStringLiteral("client-file")};
    QCommandLineOption caFile{QStringLiteral("ca-file"), Text::tr("Also trust the CA certificate(s) in this PEM file."),
                              QStringLiteral("pem")};
    QCommandLineOption allowPlaintext{QStringLiteral("allow-plaintext"),
                                      Text::tr("Allow unencrypted IMAP to a host that is not this machine.")};
    QCommandLineOption clientFile{QStringLiteral("client-file"),
                                  Text::tr("The Google OAuth client file (client_secret.json)."),
                                  QStringLiteral("file")};
    QCommandLineOption quota{
        QStringLiteral("quota"),
        Text::tr("Gmail quota units per second this account may use (default 250, Google's per-user "
                 "limit; raise it only if your Google Cloud project has a higher one)."),
        QStringLiteral("units")};
    QCommandLineOption deleteMail{QStringLiteral("delete-archived-mail"),
                                  Text::tr("account remove: also delete the account's archived mail.")};
    QCommandLineOption account{QStringLiteral("account"),
                               Text::tr("import: the account to import into (default: local)."),
                               QStringLiteral("name")};
    QCommandLineOption mboxo{QStringLiteral("mboxo"),
                             Text::tr("import mbox: only \">From \" lines are quoted (mboxo); default: mboxrd.")};

    QCommandLineOption limit{QStringLiteral("limit"), Text::tr("search: show at most <n> results (default 50)."),
                             QStringLiteral("n")};
    QCommandLineOption output{QStringLiteral("output"), Text::tr("export-eml: write to <file> (must not exist yet)."),
                              QStringLiteral("file")};
    QCommandLineOption pauseFor{QStringLiteral("for"),
                                Text::tr("pause: how long, e.g. 30m, 1h, 2h30m (default: until resume)."),
                                QStringLiteral("duration")};

    QList<QCommandLineOption> all() const
    {
        return {help, version, headless, archive, json, once, host, port, security, user, passwordStdin,
                oauth, caFile, allowPlaintext, clientFile, quota, deleteMail, account, mboxo, limit, output, pauseFor};
    }
};

QString absolute(const QString &path)
{
    return path.isEmpty() ? path : QDir::current().absoluteFilePath(path);
}

// "90s", "45m", "1h", "2h30m", "1d": a number and a unit, repeated. Nullopt when it is not that, or zero.
std::optional<qint64> parseDuration(const QString &text)
{
    qint64 total = 0;
    qint64 number = -1;
    for (const QChar c : text.trimmed().toLower()) {
        if (c.isDigit()) {
            number = (number < 0 ? 0 : number * 10) + c.digitValue();
            if (number > kMaxPauseSeconds)
                return std::nullopt;
            continue;
        }
        qint64 unit = 0;
        switch (c.toLatin1()) {
        case 's': unit = 1; break;
        case 'm': unit = 60; break;
        case 'h': unit = 3600; break;
        case 'd': unit = 24 * 3600; break;
        default: return std::nullopt;
        }
        if (number < 0)
            return std::nullopt;
        total += number * unit;
        number = -1;
        if (total > kMaxPauseSeconds)
            return std::nullopt;
    }
    if (number >= 0 || total <= 0)
        return std::nullopt; // a number without its unit, or nothing at all
    return total;
}

QByteArray compactJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// Fills result.command from the positional words; returns an error sentence or an empty string.
QString parseCommand(const QCommandLineParser &p, const Options &o, CommandLine &result)
{
    const QStringList words = p.positionalArguments();
    const QString first = words.value(0);
    const QString second = words.value(1);
    ControlCommand &c = result.command;
    c.json = p.isSet(o.json);
    auto expectWords = [&](int n) {
        return words.size() == n ? QString() : Text::tr("\"%1\" takes %n word(s) after it", nullptr, n - 1).arg(first);
    };
    if (first == QLatin1String("status")) {
        c.verb = ControlCommand::Verb::Status;
        return expectWords(1);
    }
    if (first == QLatin1String("sync")) {
        c.verb = ControlCommand::Verb::Sync;
        c.once = p.isSet(o.once);
        c.name = second;
        return words.size() <= 2 ? QString() : Text::tr("sync takes at most one account name");
    }
    if (first == QLatin1String("search")) {
        c.verb = ControlCommand::Verb::Search;
        c.name = words.mid(1).join(QLatin1Char(' '));
        if (c.name.trimmed().isEmpty())
            return Text::tr("search needs a QUERY");
        int limit = kDefaultSearchLimit;
        if (p.isSet(o.limit)) {
            bool ok = false;
            limit = p.value(o.limit).toInt(&ok);
            if (!ok || limit < 1 || limit > kMaxSearchLimit)
                return Text::tr("--limit needs a number from 1 to %1").arg(kMaxSearchLimit);
        }
        c.settingsJson = compactJson({{QStringLiteral("limit"), limit}});
        return {};
    }
    if (first == QLatin1String("export-eml")) {
        c.verb = ControlCommand::Verb::ExportEml;
        c.name = second;
        bool ok = false;
        if (words.size() != 2 || second.toLongLong(&ok) <= 0 || !ok)
            return Text::tr("export-eml needs one message ID (a number, as vaulttray search shows it)");
        c.settingsJson = compactJson({{QStringLiteral("output"), absolute(p.value(o.output))}});
        return {};
    }
    if (first == QLatin1String("pause")) {
        c.verb = ControlCommand::Verb::Pause;
        if (p.isSet(o.pauseFor)) {
            const std::optional<qint64> seconds = parseDuration(p.value(o.pauseFor));
            if (!seconds)
                return Text::tr("--for needs a duration such as 30m, 1h or 2h30m (at most 31 days)");
            c.settingsJson = compactJson({{QStringLiteral("seconds"), *seconds}});
        }
        return expectWords(1);
    }
    if (first == QLatin1String("resume") || first == QLatin1String("quit")) {
        c.verb = first == QLatin1String("resume") ? ControlCommand::Verb::Resume : ControlCommand::Verb::Quit;
        return expectWords(1);
    }
    if (first == QLatin1String("secrets")) {
        c.verb = ControlCommand::Verb::SecretsPolicy;
        c.name = second;
        if (second != QLatin1String("allow-private-file") && second != QLatin1String("keychain-only"))
            return Text::tr("secrets takes allow-private-file or keychain-only");
        return expectWords(2);
    }
    if (first == QLatin1String("autostart")) {
        c.verb = ControlCommand::Verb::Autostart;
        c.name = second;
        if (second != QLatin1String("on") && second != QLatin1String("off") && second != QLatin1String("status"))
            return Text::tr("autostart takes on, off or status");
        return expectWords(2);
    }
    if (first == QLatin1String("import")) {
        c.verb = ControlCommand::Verb::Import;
        c.name = p.value(o.account);
        if (second != QLatin1String("mbox") && second != QLatin1String("maildir"))
            return Text::tr("import takes mbox or maildir");
        if (words.size() != 3)
            return Text::tr("import %1 needs exactly one PATH").arg(second);
        if (p.isSet(o.mboxo) && second != QLatin1String("mbox"))
            return Text::tr("--mboxo is for import mbox");
        c.settingsJson = QJsonDocument(QJsonObject{{QStringLiteral("format"), second},
                                                   {QStringLiteral("path"), absolute(words.at(2))},
                                                   {QStringLiteral("mboxo"), p.isSet(o.mboxo)}})
                             .toJson(QJsonDocument::Compact);
        return {};
    }
    if (first != QLatin1String("account"))
        return Text::tr("Unknown command: %1").arg(first);
    if (second == QLatin1String("list")) {
        c.verb = ControlCommand::Verb::AccountList;
        return expectWords(2);
    }
    c.name = words.value(2);
    if (words.size() != 3)
        return Text::tr("account %1 needs exactly one account NAME").arg(second);
    if (second == QLatin1String("signin")) {
        c.verb = ControlCommand::Verb::AccountSignIn;
        return {};
    }
    if (second == QLatin1String("remove")) {
        c.verb = ControlCommand::Verb::AccountRemove;
        c.deleteArchivedMail = p.isSet(o.deleteMail);
        return {};
    }
    if (second == QLatin1String("add-gmail")) {
        c.verb = ControlCommand::Verb::AccountAddGmail;
        if (!p.isSet(o.clientFile))
            return Text::tr("account add-gmail needs --client-file");
        QJsonObject settings{{QStringLiteral("clientFile"), absolute(p.value(o.clientFile))}};
        if (p.isSet(o.quota)) {
            bool ok = false;
            const double units = p.value(o.quota).toDouble(&ok);
            if (!ok || !(units >= 1 && units <= kMaxGmailQuota))
                return Text::tr("--quota needs a number of units per second from 1 to %1").arg(kMaxGmailQuota);
            settings.insert(QStringLiteral("quotaUnitsPerSecond"), units);
        }
        c.settingsJson = QJsonDocument(settings).toJson(QJsonDocument::Compact);
        return {};
    }
    if (second != QLatin1String("add-imap"))
        return Text::tr("Unknown account command: %1").arg(second);
    c.verb = ControlCommand::Verb::AccountAddImap;
    ImapConfig config;
    config.host = p.value(o.host);
    bool portOk = false;
    config.port = p.value(o.port).toInt(&portOk);
    if (!p.isSet(o.host) || !p.isSet(o.port) || !p.isSet(o.security) || !p.isSet(o.user))
        return Text::tr("account add-imap needs --host, --port, --security and --user");
    if (!portOk)
        return Text::tr("--port must be a number");
    if (!parseSecurity(p.value(o.security), &config.security))
        return Text::tr("--security must be imaps, starttls or plain");
    config.user = p.value(o.user);
    if (p.isSet(o.oauth) && p.isSet(o.passwordStdin))
        return Text::tr("choose either --password-stdin or --oauth");
    if (p.isSet(o.oauth)) {
        config.auth = ImapConfig::Auth::OAuth;
        config.oauthClientFile = absolute(p.value(o.oauth));
    }
    config.caFile = absolute(p.value(o.caFile));
    config.allowPlaintext = p.isSet(o.allowPlaintext);
    result.passwordStdin = p.isSet(o.passwordStdin);
    c.settingsJson = config.toJson();
    return {};
}
// The usage line names the program as a person types it. QCommandLineParser puts the path it was started by there
// (the application's first argument), or "<executable_name>" when there is no application object yet.
QString withProgramName(const QString &help)
{
    const qsizetype lineEnd = help.indexOf(QLatin1Char('\n'));
    QString usage = help.left(lineEnd);
    const QString started = QCoreApplication::instance() ? QCoreApplication::arguments().value(0) : QString();
    usage.replace(QStringLiteral("<executable_name>"), QStringLiteral("vaulttray"));
    if (!started.isEmpty())
        usage.replace(started, QStringLiteral("vaulttray"));
    return usage + help.mid(lineEnd);
}
} // namespace

CommandLine parseCommandLine(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Text::tr("vaulttray keeps a complete, durable, searchable archive of your mail."));
    parser.addPositionalArgument(QStringLiteral("command"), Text::tr("See Commands below; none starts the archiver."),
                                 QStringLiteral("[command]"));
    const Options o;
    parser.addOptions(o.all());

    CommandLine result;
    result.helpText = withProgramName(parser.helpText()) + commandsHelp() + exitCodeHelp();
    if (!parser.parse(arguments)) {
        result.action = CommandLine::Action::UsageError;
        result.error = parser.errorText();
        return result;
    }
    result.archivePath = parser.value(o.archive);
    if (parser.isSet(o.help)) {
        result.action = CommandLine::Action::ShowHelp;
        return result;
    }
    if (parser.isSet(o.version)) {
        result.action = CommandLine::Action::ShowVersion;
        return result;
    }
    if (!parser.positionalArguments().isEmpty()) {
        result.action = CommandLine::Action::Command;
        const QString error = parseCommand(parser, o, result);
        if (!error.isEmpty()) {
            result.action = CommandLine::Action::UsageError;
            result.error = error;
        }
        return result;
    }
    result.action = parser.isSet(o.headless) ? CommandLine::Action::RunHeadless : CommandLine::Action::RunGui;
    return result;
}

} // namespace vaulttray
