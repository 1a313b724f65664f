#include "daemon/accountstatus.h"

#include <QMetaEnum>

namespace vaulttray {

QString stateName(AccountState state)
{
    return QString::fromLatin1(QMetaEnum::fromType<AccountState>().valueToKey(static_cast<int>(state)));
}

QString waitReasonName(WaitReason reason)
{
    return QString::fromLatin1(QMetaEnum::fromType<WaitReason>().valueToKey(static_cast<int>(reason)));
}

} // namespace vaulttray
