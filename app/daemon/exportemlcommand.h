#pragma once

#include "daemon/controlcommand.h"

#include <QString>

namespace vaulttray {

// `vaulttray export-eml ID [--output FILE]`: the message's raw bytes exactly as archived, to stdout or to a new
// file (never over an existing one; readable by the person only). A reader of the archive in the command line's
// own process: bytes never travel through the control channel's JSON. Returns the exit code.
class ExportEmlCommand
{
public:
    ExportEmlCommand(ControlCommand command, QString archivePath);
    int run();

private:
    ControlCommand m_command;
    QString m_archivePath;
};

} // namespace vaulttray
