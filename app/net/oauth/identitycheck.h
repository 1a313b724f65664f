#pragma once

#include "core/failure.h"

#include <QString>

namespace vaulttray {

// After a sign-in for an existing account, the account the person actually signed in with (Gmail's
// users/me/profile emailAddress, fetched by the Gmail layer) must be the one being re-authorised: otherwise the
// new grant is refused and nothing is overwritten. Addresses compare without case and surrounding blanks; Gmail's
// dots and +tags are not folded, since the profile reports the canonical address the account was set up with.
// A mismatch is CredentialRejected ("sign in again, with the right account"); an empty actual address is
// ServerTransient (the profile could not be read, so nothing is known yet).
Failure verifyIdentity(const QString &expectedEmail, const QString &actualEmail);

} // namespace vaulttray
