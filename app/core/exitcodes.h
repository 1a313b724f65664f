#pragma once

#include "core/failure.h"

namespace vaulttray {

// Process exit codes: the outcome in one number, for scripts. Listed in --help.
enum ExitCode : int {
    ExitOk = 0,
    ExitUsage = 2,
    ExitTransient = 3,          // network or server trouble; retrying later will likely work
    ExitCredentialRejected = 4, // the provider rejected the credential: sign in again
    ExitMisconfigured = 5,      // client file, scopes or account settings are wrong
    ExitLocal = 6,              // archive, disk or permission problem on this machine
};

inline int exitCodeFor(const Failure &failure)
{
    switch (failure.kind) {
    case FailureKind::None:
    case FailureKind::Cancelled:
    case FailureKind::BadData: return ExitOk;
    case FailureKind::NetworkTransient:
    case FailureKind::ServerTransient: return ExitTransient;
    case FailureKind::CredentialRejected: return ExitCredentialRejected;
    case FailureKind::ClientMisconfigured: return ExitMisconfigured;
    case FailureKind::Local: return ExitLocal;
    }
    return ExitLocal;
}

} // namespace vaulttray
