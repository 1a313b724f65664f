#include "net/imap/imapendpoint.h"

#include "net/loopback.h"

namespace vaulttray {

Failure checkEndpoint(const ImapEndpoint &endpoint)
{
    if (endpoint.host.isEmpty() || endpoint.port == 0)
        return Failure::of(FailureKind::ClientMisconfigured, QStringLiteral("IMAP: no server host or port"));
    if (endpoint.security == ImapSecurity::Plain && !endpoint.allowPlaintext && !isLoopbackHost(endpoint.host))
        return Failure::of(FailureKind::ClientMisconfigured,
                           QStringLiteral("IMAP: refusing an unencrypted connection to %1, which is not this machine "
                                          "(use imaps or starttls, or allow plaintext explicitly)")
                               .arg(endpoint.host));
    return Failure::none();
}

} // namespace vaulttray
