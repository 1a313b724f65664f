#include "ui/traytext.h"

#include "ui/statustext.h"

#include <QCoreApplication>
#include <QLocale>

namespace vaulttray::traytext {

namespace {
// This file's user-visible texts; their translation context is "TrayText".
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(TrayText)
};

QString number(qint64 n)
{
    return QLocale().toString(n);
}

QString waitingLine(const AccountStatus &s)
{
    switch (s.waitReason) {
    case WaitReason::Offline:
        return Text::tr("%1: waiting for the network").arg(s.name);
    case WaitReason::CaptivePortal:
        return Text::tr("%1: waiting: the network wants a sign-in page first").arg(s.name);
    case WaitReason::Asleep:
        return Text::tr("%1: waiting for the computer to wake").arg(s.name);
    case WaitReason::Metered:
        return Text::tr("%1: paused on a metered connection").arg(s.name);
    case WaitReason::Paused:
        return Text::tr("%1: paused").arg(s.name);
    case WaitReason::None:
        break;
    }
    return Text::tr("%1: waiting").arg(s.name);
}
} // namespace

QString when(const QDateTime &time, const QDateTime &now)
{
    const QDateTime local = time.toLocalTime();
    if (local.date() == now.toLocalTime().date())
        return QLocale().toString(local.time(), QLocale::ShortFormat);
    return QLocale().toString(local, QLocale::ShortFormat);
}

QString accountLine(const TrayAccount &account, const QDateTime &now)
{
    const AccountStatus &s = account.status;
    switch (s.state) {
    case AccountState::Syncing:
        if (s.progress.total > 0)
            return Text::tr("%1: archiving… %2 of %3").arg(s.name, number(s.progress.done), number(s.progress.total));
        if (s.progress.done > 0)
            return Text::tr("%1: archiving… %n message(s) so far", nullptr, int(s.progress.done)).arg(s.name);
        return Text::tr("%1: archiving…").arg(s.name);
    case AccountState::NeedsSignIn:
        return Text::tr("%1: needs you to sign in again").arg(s.name);
    case AccountState::Failed:
        return Text::tr("%1: stopped. %2").arg(s.name, StatusText::failure(s.lastFailure));
    case AccountState::Waiting:
        return waitingLine(s);
    case AccountState::Backoff:
        if (s.nextDue.isValid())
            return Text::tr("%1: will try again at %2").arg(s.name, when(s.nextDue, now));
        return Text::tr("%1: will try again soon").arg(s.name);
    case AccountState::Idle:
        break;
    }
    if (!s.lastSuccess.isValid())
        return Text::tr("%1: not archived yet").arg(s.name);
    if (account.messages < 0)
        return Text::tr("%1: up to date · last archived %2").arg(s.name, when(s.lastSuccess, now));
    return Text::tr("%1: up to date · %n message(s) · last archived %2", nullptr,
                    int(qMin<qint64>(account.messages, INT_MAX)))
        .arg(s.name, when(s.lastSuccess, now));
}

QString toolTip(const QList<TrayAccount> &accounts, bool paused, const QDateTime &pausedUntil, const QDateTime &now)
{
    QStringList lines{QStringLiteral("vaulttray")};
    if (paused)
        lines << (pausedUntil.isValid() ? Text::tr("Paused until %1").arg(when(pausedUntil, now))
                                        : Text::tr("Paused until you resume"));
    if (accounts.isEmpty())
        lines << Text::tr("No accounts yet");
    for (const TrayAccount &a : accounts)
        lines << accountLine(a, now);
    return lines.join(QLatin1Char('\n'));
}

} // namespace vaulttray::traytext
