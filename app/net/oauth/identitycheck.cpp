#include "net/oauth/identitycheck.h"

namespace vaulttray {

Failure verifyIdentity(const QString &expectedEmail, const QString &actualEmail)
{
    const QString expected = expectedEmail.trimmed();
    const QString actual = actualEmail.trimmed();
    if (actual.isEmpty())
        return Failure::of(FailureKind::ServerTransient,
                           QStringLiteral("could not tell which account signed in; nothing was changed"));
    if (expected.compare(actual, Qt::CaseInsensitive) != 0)
        return Failure::of(FailureKind::CredentialRejected,
                           QStringLiteral("signed in as %1, but this account is %2: the sign-in was refused and "
                                          "nothing was changed; sign in again with %2")
                               .arg(actual, expected));
    return Failure::none();
}

} // namespace vaulttray
