#pragma once

#include "core/failure.h"
#include "net/oauth/authorizationcodeflow.h"

#include <QString>

namespace vaulttray {

class Clock;
class SecretStore;

// Identity comes from the id_token, so sign-in asks for it next to read-only Gmail. Google returns these
// scopes in exactly these spellings in its "scope" answer, which the flow checks.
inline constexpr char kOpenIdScope[] = "openid";
inline constexpr char kEmailScope[] = "https://www.googleapis.com/auth/userinfo.email";

struct GmailSignIn
{
    QString accountName;
    QString clientFile;
    QString expectedEmail; // on re-authorisation: the account's address; empty when adding
};

struct GmailSignInOutcome
{
    Failure failure;
    QString email;
    bool ok() const { return failure.ok(); }
};

// Runs the browser sign-in, checks who signed in, and only then stores the refresh token: a sign-in as
// the wrong Google account overwrites nothing. Blocks in a local event loop: for the command line.
GmailSignInOutcome signInToGmail(const GmailSignIn &request, SecretStore &secrets, Clock &clock,
                                 const AuthorizationCodeFlow::BrowserOpener &openBrowser);

} // namespace vaulttray
