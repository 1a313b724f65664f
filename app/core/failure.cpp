#include "core/failure.h"

namespace vaulttray {

QString toString(FailureKind kind)
{
    switch (kind) {
    case FailureKind::None: return QStringLiteral("none");
    case FailureKind::NetworkTransient: return QStringLiteral("network-transient");
    case FailureKind::ServerTransient: return QStringLiteral("server-transient");
    case FailureKind::CredentialRejected: return QStringLiteral("credential-rejected");
    case FailureKind::ClientMisconfigured: return QStringLiteral("client-misconfigured");
    case FailureKind::Local: return QStringLiteral("local");
    case FailureKind::BadData: return QStringLiteral("bad-data");
    case FailureKind::Cancelled: return QStringLiteral("cancelled");
    }
    return QStringLiteral("unknown");
}

bool isTransient(FailureKind kind)
{
    return kind == FailureKind::NetworkTransient || kind == FailureKind::ServerTransient;
}

} // namespace vaulttray
