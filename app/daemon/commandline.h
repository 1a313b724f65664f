#pragma once

#include <QString>
#include <QStringList>

namespace vaulttray {

struct CommandLine
{
    enum class Action { RunGui, RunHeadless, ShowHelp, ShowVersion, UsageError };

    Action action = Action::RunGui;
    QString archivePath; // empty: resolveArchivePath() decides
    QString helpText;
    QString error;
};

// Parses argv without needing an application object, so --help and --version work with no display.
CommandLine parseCommandLine(const QStringList &arguments);

} // namespace vaulttray
