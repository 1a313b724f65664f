// Wiring only: parse the command line, choose the application object, connect the layers.
#include "core/clock.h"
#include "core/exitcodes.h"
#include "core/translations.h"
#include "core/version.h"
#include "daemon/appsettings.h"
#include "daemon/clientcommand.h"
#include "daemon/commandline.h"
#include "daemon/commandservice.h"
#include "daemon/controlchannel.h"
#include "daemon/daemon.h"
#include "daemon/gmailprovider.h"
#include "daemon/imapprovider.h"
#include "daemon/logfile.h"
#include "platform/qtnetworkmonitor.h"
#include "platform/quitsignals.h"
#include "platform/sleepmonitor.h"
#include "platform/sleepmonitorfactory.h"
#include "platform/suspenddetector.h"
#include "store/archivelocation.h"
#include "ui/traycontroller.h"

#include <QApplication>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSettings>

#include <cstdio>
#include <memory>

using namespace vaulttray;

namespace {
// A second launch only asks the running instance to show itself.
constexpr int kShowTimeoutMs = 5000;

QStringList argumentsOf(int argc, char **argv)
{
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    return args;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication::setApplicationName(QString::fromLatin1(kAppName));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(kVersion));
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("vaulttray.*.debug=false"));

    // The kind of application object comes from the command line; the texts of the command line (help, errors)
    // need that object's translators, so the line is read again once they are in. Parsing has no side effects.
    const QStringList arguments = argumentsOf(argc, argv);
    const CommandLine::Action action = parseCommandLine(arguments).action;
    std::unique_ptr<QCoreApplication> app(action == CommandLine::Action::RunGui ? new QApplication(argc, argv)
                                                                                : new QCoreApplication(argc, argv));
    const Translations translations(*app);
    const CommandLine cli = parseCommandLine(arguments);
    switch (cli.action) {
    case CommandLine::Action::ShowHelp: printTo(stdout, cli.helpText); return ExitOk;
    case CommandLine::Action::ShowVersion:
        printTo(stdout, QStringLiteral("%1 %2\n").arg(QString::fromLatin1(kAppName), QString::fromLatin1(kVersion)));
        return ExitOk;
    case CommandLine::Action::UsageError: printTo(stderr, cli.error + QLatin1Char('\n') + cli.helpText); return ExitUsage;
    case CommandLine::Action::Command: {
        const QString archivePath = resolveArchivePath(cli.archivePath);
        SystemClock clock;
        const std::shared_ptr<SecretStore> secrets = credentialStore();
        GmailProvider gmail(archivePath, secrets, clock);
        ImapProvider imap(archivePath, secrets, clock);
        return runClientCommand(cli, archivePath, providerJobs(gmail, imap));
    }
    case CommandLine::Action::RunGui:
    case CommandLine::Action::RunHeadless: break;
    }

    const bool headless = cli.action == CommandLine::Action::RunHeadless;
    const QString archivePath = resolveArchivePath(cli.archivePath);
    ControlCommand show;
    show.verb = ControlCommand::Verb::Show;
    if (sendToRunningInstance(archivePath, show, kShowTimeoutMs)) {
        printTo(stdout, QCoreApplication::translate("main", "vaulttray is already running for %1.\n").arg(archivePath));
        return ExitOk;
    }
    LogFile::install(LogFile::defaultFolder());
    // Held until the event loop below runs: start-up has local event loops of its own.
    QuitSignals quitSignals(QuitSignals::Delivery::Held);
    QObject::connect(&quitSignals, &QuitSignals::quitRequested, app.get(), &QCoreApplication::quit);

    SystemClock clock;
    const std::shared_ptr<SecretStore> credentials = credentialStore();
    GmailProvider gmail(archivePath, credentials, clock);
    ImapProvider imap(archivePath, credentials, clock);
    const std::unique_ptr<SleepMonitor> sleep = createSleepMonitor();
    QtNetworkMonitor network;
    SuspendDetector suspend;
    Daemon::Dependencies deps;
    deps.clock = &clock;
    deps.jobs = providerJobs(gmail, imap);
    deps.random = [] { return QRandomGenerator::global()->generateDouble(); };
    deps.sleep = sleep.get();
    deps.network = &network;
    deps.suspendCheck = [&suspend] { return suspend.check(); };
    // The person's choices from the settings window (the defaults are DESIGN.md's).
    const AppSettings settings = AppSettings::load(QSettings());
    deps.options = settings.schedulerOptions();
    // An announced wake must not be reported a second time by the clock comparison.
    QObject::connect(sleep.get(), &SleepMonitor::woke, [&suspend] { suspend.reset(); });
    Daemon daemon(archivePath, deps);
    QObject::connect(&daemon, &Daemon::networkSessionsStale, &gmail, &GmailProvider::dropConnections);
    QObject::connect(&daemon, &Daemon::networkSessionsStale, &imap, &ImapProvider::dropConnections);
    CommandService service(daemon);
    ControlServer control(archivePath, [&service](const ControlCommand &c, CommandService::Reply r) {
        service.execute(c, std::move(r));
    });
    QObject::connect(&service, &CommandService::quitRequested, app.get(), &QCoreApplication::quit);

    std::unique_ptr<TrayController> tray;
    if (!headless) {
        QApplication::setQuitOnLastWindowClosed(false);
        // Wayland and the notification daemon match windows and notifications to the desktop entry by this id.
        QGuiApplication::setDesktopFileName(QString::fromLatin1(kAppId));
        TrayController::Options options;
        options.notices.summaryAfterSync = settings.summaryAfterSync;
        tray = std::make_unique<TrayController>(daemon, credentials, options);
        QObject::connect(&service, &CommandService::showRequested, tray.get(), &TrayController::bringForward);
        QObject::connect(tray.get(), &TrayController::quitRequested, app.get(), &QCoreApplication::quit);
        tray->show();
    }
    if (const StoreError error = daemon.openArchive()) {
        printTo(stderr, error.message + QLatin1Char('\n'));
        return ExitLocal;
    }
    QString controlError;
    if (!control.listen(&controlError)) {
        printTo(stderr, controlError + QLatin1Char('\n'));
        return ExitLocal;
    }
    daemon.startScheduling();
    if (tray)
        tray->attach();
    QObject::connect(app.get(), &QCoreApplication::aboutToQuit, &daemon, &Daemon::quit);
    quitSignals.deliver();
    const int code = app->exec();
    LogFile::uninstall();
    return code;
}
