#pragma once

#include "daemon/controlcommand.h"

#include <QString>

namespace vaulttray {

// `vaulttray search QUERY [--json] [--limit N]`: runs in the command line's own process, as a reader of the
// archive, whether or not an instance runs — a big result never occupies the tray's thread. One line per message
// (id, date, account, sender, subject; tab-separated), or a JSON array. Returns the exit code.
class SearchCommand
{
public:
    SearchCommand(ControlCommand command, QString archivePath);
    int run();

private:
    ControlCommand m_command;
    QString m_archivePath;
};

} // namespace vaulttray
