#include "ui/statustext.h"

#include <QLocale>

#include <climits>

namespace vaulttray {

QString StatusText::state(const AccountStatus &s)
{
    switch (s.state) {
    case AccountState::Idle:
        return s.lastSuccess.isValid()
                   ? tr("Up to date (last archived %1)")
                         .arg(QLocale().toString(s.lastSuccess.toLocalTime(), QLocale::ShortFormat))
                   : tr("Not archived yet");
    case AccountState::Syncing:
        if (s.progress.total > 0)
            return tr("Archiving: %1 of %Ln message(s)", nullptr, int(qMin<qint64>(s.progress.total, INT_MAX)))
                .arg(QLocale().toString(s.progress.done));
        return tr("Archiving: %n message(s) so far", nullptr, int(s.progress.done));
    case AccountState::Waiting:
        switch (s.waitReason) {
        case WaitReason::Offline: return tr("Waiting for the network");
        case WaitReason::CaptivePortal: return tr("Waiting: the network needs a sign-in page first");
        case WaitReason::Asleep: return tr("Waiting for the computer to wake up");
        case WaitReason::Metered: return tr("Waiting: paused on a metered connection");
        case WaitReason::Paused: return tr("Paused");
        case WaitReason::None: break;
        }
        return tr("Waiting");
    case AccountState::Backoff: return tr("Will try again soon");
    case AccountState::NeedsSignIn: return tr("Needs you to sign in again");
    case AccountState::Failed: return tr("Stopped: %1").arg(failure(s.lastFailure));
    }
    return {};
}

QString StatusText::failure(const Failure &f)
{
    switch (f.kind) {
    case FailureKind::None: return {};
    case FailureKind::NetworkTransient: return tr("The mail server could not be reached. This usually fixes itself.");
    case FailureKind::ServerTransient: return tr("The mail server had a temporary problem. It will be tried again.");
    case FailureKind::CredentialRejected: return tr("The mail server no longer accepts the saved sign-in.");
    case FailureKind::ClientMisconfigured:
        return tr("The account's settings do not work with this server. Check them in Accounts.");
    case FailureKind::Local: return tr("The archive on this computer could not be written (is the disk full?).");
    case FailureKind::BadData: return tr("Some messages could not be read; they were kept as they are.");
    case FailureKind::Cancelled: return tr("The run was stopped before it finished.");
    }
    return {};
}

QString StatusText::runOutcome(const SyncRunRecord &run)
{
    if (run.status == QLatin1String("running"))
        return tr("Running");
    if (run.status == QLatin1String("ok"))
        return tr("%n new message(s)", nullptr, run.added);
    if (run.status == QLatin1String("cancelled"))
        return tr("Stopped before it finished");
    if (run.status == QLatin1String("interrupted"))
        return tr("Interrupted (the app was closed)");
    return tr("Failed");
}

} // namespace vaulttray
