#include "net/secrets/secretresult.h"

namespace vaulttray {

QString toString(SecretProblem problem)
{
    switch (problem) {
    case SecretProblem::None:
        return QStringLiteral("none");
    case SecretProblem::NoKeychain:
        return QStringLiteral("no-keychain");
    case SecretProblem::KeychainDenied:
        return QStringLiteral("keychain-denied");
    case SecretProblem::KeychainTimedOut:
        return QStringLiteral("keychain-timed-out");
    case SecretProblem::KeychainError:
        return QStringLiteral("keychain-error");
    case SecretProblem::FileNotAllowed:
        return QStringLiteral("file-not-allowed");
    case SecretProblem::FileUnsafe:
        return QStringLiteral("file-unsafe");
    case SecretProblem::FileUnreadable:
        return QStringLiteral("file-unreadable");
    case SecretProblem::FileUnwritable:
        return QStringLiteral("file-unwritable");
    }
    return QStringLiteral("unknown");
}

SecretResult SecretResult::found(QByteArray secret)
{
    SecretResult r;
    r.secret = std::move(secret);
    return r;
}

SecretResult SecretResult::missing()
{
    SecretResult r;
    r.notFound = true;
    return r;
}

SecretResult SecretResult::done()
{
    return {};
}

SecretResult SecretResult::failed(SecretProblem problem, QString detail)
{
    SecretResult r;
    r.failure = Failure::of(FailureKind::Local, std::move(detail));
    r.problem = problem;
    return r;
}

} // namespace vaulttray
