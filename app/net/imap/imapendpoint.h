#pragma once

#include "core/failure.h"

#include <QString>

#include <chrono>

namespace vaulttray {

enum class ImapSecurity {
    Imaps,    // TLS from the first byte (port 993)
    StartTls, // plaintext greeting, then STARTTLS before anything else is said; never falls back to plaintext
    Plain,    // no TLS: only to this machine, or when the person explicitly allowed it
};

// Where and how an IMAP connection goes. Never holds a secret.
struct ImapEndpoint
{
    // Connecting covers the TCP connect, the TLS handshake and the greeting; a half-open connection after a wake
    // would otherwise wait for the kernel's two-minute connect timeout.
    static constexpr std::chrono::seconds kDefaultConnectTimeout{30};
    // How long the server may stay silent while a command waits for its answer. Reset by every byte received,
    // so a large FETCH streaming steadily never trips it.
    static constexpr std::chrono::seconds kDefaultCommandTimeout{60};

    QString host;
    quint16 port = 0;
    ImapSecurity security = ImapSecurity::Imaps;
    // A PEM file of certificates to trust in addition to the system's (a self-signed server's own CA). Certificate
    // verification stays on: errors are never ignored.
    QString caFile;
    bool allowPlaintext = false;
    std::chrono::milliseconds connectTimeout{kDefaultConnectTimeout};
    std::chrono::milliseconds commandTimeout{kDefaultCommandTimeout};
};

// ClientMisconfigured when the endpoint may not be used as it is: no host or port, or plaintext to a host that is
// not on this machine without the person's say-so (it would send the password in the clear).
Failure checkEndpoint(const ImapEndpoint &endpoint);

} // namespace vaulttray
