#pragma once

#include "core/failure.h"
#include "sync/syncjob.h"

#include <QDateTime>
#include <QMetaType>
#include <QObject>
#include <QString>

namespace vaulttray {

namespace accountstate {
Q_NAMESPACE

// The account state machine of DESIGN.md.
enum class State {
    Idle,        // up to date; next run at nextDue
    Syncing,     // a job runs; see progress
    Waiting,     // due, but held: see reason
    Backoff,     // a transient failure; retry at nextDue
    NeedsSignIn, // the provider rejected the credential; nothing runs until the person signs in
    Failed,      // a failure a retry will not fix by itself (misconfigured), or a local one
};
Q_ENUM_NS(State)

enum class WaitReason { None, Offline, CaptivePortal, Asleep, Metered, Paused };
Q_ENUM_NS(WaitReason)

} // namespace accountstate

using AccountState = accountstate::State;
using WaitReason = accountstate::WaitReason;

struct AccountStatus
{
    qint64 accountId = 0;
    QString name;
    AccountState state = AccountState::Idle;
    WaitReason waitReason = WaitReason::None;
    QDateTime nextDue;     // when the next run may start (invalid: not scheduled)
    QDateTime lastSuccess; // last run that completed
    int attempt = 0;       // consecutive transient failures
    Failure lastFailure;
    QDateTime outageSince; // first transient failure of the current outage
    bool outageAnnounced = false;
    SyncProgress progress;
};

QString stateName(AccountState state);
QString waitReasonName(WaitReason reason);

} // namespace vaulttray

Q_DECLARE_METATYPE(vaulttray::AccountStatus)
