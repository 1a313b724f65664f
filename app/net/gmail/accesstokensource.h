#pragma once

#include "core/failure.h"

#include <QString>

#include <functional>

class QObject;

namespace vaulttray {

// Where a Gmail request gets its OAuth access token. The OAuth layer implements it for one account (refreshing,
// caching, one refresh in flight); tests hand out fixed tokens. Nothing behind it may prompt: a CredentialRejected
// failure is the daemon's cue to ask for a sign-in.
class AccessTokenSource
{
public:
    using Callback = std::function<void(const Failure &failure, const QString &token)>;

    virtual ~AccessTokenSource() = default;

    // Calls done exactly once with a token (failure ok) or the failure that kept one from being had, unless
    // context is destroyed first. May call back before returning; callers cope with both.
    virtual void accessToken(QObject *context, std::function<void(const Failure &, const QString &token)> done) = 0;

    // The API refused `token` (HTTP 401): forget it, so the next accessToken() gets a fresh one.
    virtual void invalidate(const QString &token) = 0;
};

} // namespace vaulttray
