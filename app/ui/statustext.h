#pragma once

#include "daemon/accountstatus.h"
#include "store/archivereader.h"

#include <QCoreApplication>

namespace vaulttray {

// The plain, translatable words for states and failures: the layers below only classify.
class StatusText
{
    Q_DECLARE_TR_FUNCTIONS(StatusText)

public:
    static QString state(const AccountStatus &status);
    // What went wrong, for a person; empty when nothing did.
    static QString failure(const Failure &failure);
    static QString runOutcome(const SyncRunRecord &run);
};

} // namespace vaulttray
