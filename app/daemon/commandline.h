#pragma once

#include "daemon/controlcommand.h"

#include <QString>
#include <QStringList>

namespace vaulttray {

struct CommandLine
{
    enum class Action { RunGui, RunHeadless, ShowHelp, ShowVersion, UsageError, Command };

    Action action = Action::RunGui;
    QString archivePath; // empty: resolveArchivePath() decides
    QString helpText;
    QString error;
    ControlCommand command;     // for Action::Command
    bool passwordStdin = false; // account add-imap: read the password from stdin
};

// Parses argv without needing an application object, so --help and --version work with no display.
CommandLine parseCommandLine(const QStringList &arguments);

} // namespace vaulttray
