#include "daemon/commandline.h"

#include "core/version.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace vaulttray {

namespace {
QString exitCodeHelp()
{
    return QCoreApplication::translate("CommandLine",
                                       "\nExit codes:\n"
                                       "  0  success\n"
                                       "  2  usage error\n"
                                       "  3  network or server trouble (vaulttray retries by itself)\n"
                                       "  4  the provider rejected the credential: sign in again\n"
                                       "  5  misconfigured: client file, scopes or account settings\n"
                                       "  6  local problem: archive, disk or permissions\n");
}
} // namespace

CommandLine parseCommandLine(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("CommandLine", "vaulttray keeps a complete, durable, searchable archive of your mail."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QCoreApplication::translate("CommandLine", "Show this help."));
    const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")},
                                     QCoreApplication::translate("CommandLine", "Show the version."));
    const QCommandLineOption headless(QStringLiteral("headless"),
                                      QCoreApplication::translate("CommandLine", "Run the archiver without a tray icon."));
    const QCommandLineOption archive(
        QStringLiteral("archive"),
        QCoreApplication::translate("CommandLine", "Use the archive at <path> (also $VAULTTRAY_ARCHIVE)."),
        QStringLiteral("path"));
    parser.addOptions({help, version, headless, archive});

    CommandLine result;
    // parse() works without an application object, which is also why the program name is filled in here.
    result.helpText = parser.helpText().replace(QStringLiteral("<executable_name>"), QStringLiteral("vaulttray")) +
                      exitCodeHelp();
    if (!parser.parse(arguments)) {
        result.action = CommandLine::Action::UsageError;
        result.error = parser.errorText();
        return result;
    }
    if (!parser.positionalArguments().isEmpty()) {
        result.action = CommandLine::Action::UsageError;
        result.error = QCoreApplication::translate("CommandLine", "Unknown command: %1")
                           .arg(parser.positionalArguments().constFirst());
        return result;
    }
    result.archivePath = parser.value(archive);
    if (parser.isSet(help))
        result.action = CommandLine::Action::ShowHelp;
    else if (parser.isSet(version))
        result.action = CommandLine::Action::ShowVersion;
    else if (parser.isSet(headless))
        result.action = CommandLine::Action::RunHeadless;
    return result;
}

} // namespace vaulttray
