#include "ui/traystate.h"

namespace vaulttray {

TrayState trayStateFor(const QList<AccountStatus> &accounts, bool paused, bool archiveFailed)
{
    bool attention = archiveFailed;
    bool syncing = false;
    bool held = paused;
    bool offline = false;
    for (const AccountStatus &s : accounts) {
        switch (s.state) {
        case AccountState::NeedsSignIn:
        case AccountState::Failed:
            attention = true;
            break;
        case AccountState::Syncing:
            syncing = true;
            break;
        case AccountState::Waiting:
            if (s.waitReason == WaitReason::Paused || s.waitReason == WaitReason::Metered)
                held = true;
            else
                offline = true; // offline, captive portal, asleep
            break;
        case AccountState::Backoff:
            offline = offline || s.outageAnnounced;
            break;
        case AccountState::Idle:
            break;
        }
    }
    if (attention)
        return TrayState::Attention;
    if (syncing)
        return TrayState::Syncing;
    if (held)
        return TrayState::Paused;
    if (offline)
        return TrayState::Offline;
    return TrayState::Idle;
}

QString trayStateName(TrayState state)
{
    switch (state) {
    case TrayState::Idle:
        return QStringLiteral("idle");
    case TrayState::Syncing:
        return QStringLiteral("syncing");
    case TrayState::Offline:
        return QStringLiteral("offline");
    case TrayState::Paused:
        return QStringLiteral("paused");
    case TrayState::Attention:
        return QStringLiteral("attention");
    }
    return QStringLiteral("idle");
}

QString trayIconPath(TrayState state)
{
    return QStringLiteral(":/icons/vaulttray-%1.svg").arg(trayStateName(state));
}

} // namespace vaulttray
