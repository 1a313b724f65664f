#include "store/storeerror.h"

namespace vaulttray {

QString codeName(StoreError::Code code)
{
    switch (code) {
    case StoreError::Code::Ok: return QStringLiteral("ok");
    case StoreError::Code::IsDirectory: return QStringLiteral("is-directory");
    case StoreError::Code::NotWritable: return QStringLiteral("not-writable");
    case StoreError::Code::NotADatabase: return QStringLiteral("not-a-database");
    case StoreError::Code::Damaged: return QStringLiteral("damaged");
    case StoreError::Code::NewerSchema: return QStringLiteral("newer-schema");
    case StoreError::Code::ProfileMismatch: return QStringLiteral("profile-mismatch");
    case StoreError::Code::DiskFull: return QStringLiteral("disk-full");
    case StoreError::Code::Io: return QStringLiteral("io");
    case StoreError::Code::Sql: return QStringLiteral("sql");
    case StoreError::Code::Closed: return QStringLiteral("closed");
    }
    return QStringLiteral("unknown");
}

Failure StoreError::toFailure() const
{
    if (ok())
        return Failure::none();
    // Every archive problem is Local: the person (or their disk) has to act, not the network.
    if (code == Code::DiskFull)
        return Failure::of(FailureKind::Local,
                           QStringLiteral("the disk holding the archive is full; free some space and the next sync "
                                          "goes on where this one stopped (%1)").arg(message));
    return Failure::of(FailureKind::Local, codeName(code) + QStringLiteral(": ") + message);
}

} // namespace vaulttray
