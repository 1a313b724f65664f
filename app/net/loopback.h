#pragma once

#include <QString>

namespace vaulttray {

// "localhost" or a loopback address (127.0.0.0/8, ::1): the only hosts plain http or plain IMAP may reach
// without the person's explicit say-so, since nothing leaves the machine.
bool isLoopbackHost(const QString &host);

} // namespace vaulttray
