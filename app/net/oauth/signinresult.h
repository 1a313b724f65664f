#pragma once

#include "net/oauth/tokenresponse.h"

#include <QMetaType>
#include <QString>

namespace vaulttray {

// Why a sign-in did not complete, for the UI to choose its words; the Failure carries the taxonomy and the detail.
enum class SignInProblem {
    None,
    ListenFailed,      // no loopback port for the redirect (Local)
    StateMismatch,     // a redirect that does not belong to this sign-in: refused, no exchange (BadData)
    MalformedCallback, // the redirect had the right state but no code (BadData)
    Denied,            // the person declined (Cancelled), or the server refused the request (ClientMisconfigured)
    TimedOut,          // nobody finished the sign-in in time (Cancelled)
    Cancelled,         // cancel() (Cancelled)
    ExchangeFailed,    // the token endpoint refused or could not be reached: its own classified failure
    ScopeNotGranted,   // the person left the Gmail permission unticked on the consent screen (ClientMisconfigured)
};

QString toString(SignInProblem problem);

struct SignInResult
{
    Failure failure;
    SignInProblem problem = SignInProblem::None;
    TokenGrant grant; // when ok(): access token, refresh token, expiry
    // The `email` claim of the id_token when the server sent one (scopes with "openid email"); a hint only: the
    // caller checks the account's identity with verifyIdentity against the provider's own profile answer.
    QString idTokenEmail;

    bool ok() const { return failure.ok(); }
};

} // namespace vaulttray

Q_DECLARE_METATYPE(vaulttray::SignInResult)
