#include "net/oauth/signinresult.h"

namespace vaulttray {

QString toString(SignInProblem problem)
{
    switch (problem) {
    case SignInProblem::None:
        return QStringLiteral("none");
    case SignInProblem::ListenFailed:
        return QStringLiteral("listen-failed");
    case SignInProblem::StateMismatch:
        return QStringLiteral("state-mismatch");
    case SignInProblem::MalformedCallback:
        return QStringLiteral("malformed-callback");
    case SignInProblem::Denied:
        return QStringLiteral("denied");
    case SignInProblem::TimedOut:
        return QStringLiteral("timed-out");
    case SignInProblem::Cancelled:
        return QStringLiteral("cancelled");
    case SignInProblem::ExchangeFailed:
        return QStringLiteral("exchange-failed");
    case SignInProblem::ScopeNotGranted:
        return QStringLiteral("scope-not-granted");
    }
    return QStringLiteral("unknown");
}

} // namespace vaulttray
