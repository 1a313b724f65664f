#pragma once

#include "core/failure.h"

#include <QByteArray>
#include <QDateTime>
#include <QMetaType>
#include <QStringList>

#include <chrono>

namespace vaulttray {

// Google documents one hour; used when a token endpoint does not say (RFC 6749 §5.1 makes expires_in optional).
inline constexpr std::chrono::seconds kAssumedTokenLifetime{3600};

// What a token endpoint granted. Never streamed to a log: there is deliberately no QDebug operator.
struct TokenGrant
{
    QByteArray accessToken;
    QDateTime obtainedAt; // wall clock when the request was sent, so the lifetime is never overestimated
    QDateTime expiresAt;  // wall clock
    // Empty unless the server sent one: always after a sign-in, after a refresh only when the server rotates it.
    QByteArray refreshToken;
    QByteArray idToken;        // OpenID Connect, when the scopes asked for it
    QStringList grantedScopes; // empty when the server did not say
};

// The one result of a token request (refresh or code exchange).
struct TokenResult
{
    Failure failure;
    TokenGrant grant; // set when ok()

    bool ok() const { return failure.ok(); }
};

// Reads a token endpoint answer that classifyOAuthTokenResponse found ok (RFC 6749 §5.1). A non-Bearer token
// type is refused (ClientMisconfigured): vaulttray can only use bearer tokens. requestedAt is the wall-clock time
// the request was sent.
TokenResult parseTokenResponse(const QByteArray &body, const QDateTime &requestedAt);

// The `email` claim of an OpenID Connect id_token's payload, or an empty string. The signature is not checked:
// the token came straight from the token endpoint over the connection vaulttray opened (OpenID Connect Core
// §3.1.3.7 allows this), and the identity that counts is the one the provider's API reports (verifyIdentity).
QString idTokenEmail(const QByteArray &idToken);

} // namespace vaulttray

Q_DECLARE_METATYPE(vaulttray::TokenResult)
