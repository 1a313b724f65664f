// Wiring only: parse the command line, choose the application object, connect the layers.
#include "core/clock.h"
#include "core/exitcodes.h"
#include "core/version.h"
#include "daemon/commandline.h"
#include "daemon/daemon.h"
#include "platform/quitsignals.h"
#include "store/archivelocation.h"
#include "ui/trayicon.h"

#include <QApplication>
#include <QCoreApplication>

#include <cstdio>
#include <memory>

using namespace vaulttray;

namespace {
QStringList argumentsOf(int argc, char **argv)
{
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    return args;
}

void print(FILE *stream, const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stream);
    std::fflush(stream);
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication::setApplicationName(QString::fromLatin1(kAppName));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(kVersion));

    const CommandLine cli = parseCommandLine(argumentsOf(argc, argv));
    switch (cli.action) {
    case CommandLine::Action::ShowHelp: print(stdout, cli.helpText); return ExitOk;
    case CommandLine::Action::ShowVersion:
        print(stdout, QStringLiteral("%1 %2\n").arg(QString::fromLatin1(kAppName), QString::fromLatin1(kVersion)));
        return ExitOk;
    case CommandLine::Action::UsageError: print(stderr, cli.error + QLatin1Char('\n') + cli.helpText); return ExitUsage;
    case CommandLine::Action::RunGui:
    case CommandLine::Action::RunHeadless: break;
    }

    const bool headless = cli.action == CommandLine::Action::RunHeadless;
    std::unique_ptr<QCoreApplication> app(headless ? new QCoreApplication(argc, argv) : new QApplication(argc, argv));
    QuitSignals quitSignals;
    QObject::connect(&quitSignals, &QuitSignals::quitRequested, app.get(), &QCoreApplication::quit);

    SystemClock clock;
    Daemon daemon(resolveArchivePath(cli.archivePath), clock);
    std::unique_ptr<TrayIcon> tray;
    if (!headless) {
        QApplication::setQuitOnLastWindowClosed(false);
        tray = std::make_unique<TrayIcon>(daemon);
        tray->show();
    }
    if (const StoreError error = daemon.start()) {
        print(stderr, error.message + QLatin1Char('\n'));
        return ExitLocal;
    }
    return app->exec();
}
