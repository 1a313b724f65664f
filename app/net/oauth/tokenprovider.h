#pragma once

#include "net/oauth/clientconfig.h"
#include "net/oauth/tokenresponse.h"
#include "net/secrets/secretresult.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>

#include <chrono>
#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace vaulttray {

class Clock;
class SecretStore;

struct AccessTokenResult
{
    Failure failure;
    SecretProblem secretProblem = SecretProblem::None; // set when the SecretStore was the trouble
    QByteArray accessToken;
    QDateTime expiresAt;

    bool ok() const { return failure.ok(); }
};

// One account's access tokens. The refresh token lives in the SecretStore only; the access token in memory only.
// accessToken() hands out the cached token unless it expires within the refresh margin (on the wall clock, which
// keeps running through suspend), otherwise refreshes: one refresh in flight per account, every caller meanwhile
// waiting for that one. A refresh token the server rotates is written to the SecretStore before the new access
// token is handed out. Nothing here ever prompts: a CredentialRejected result (and credentialRejected()) is the
// daemon's cue to ask for a sign-in.
class TokenProvider : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const AccessTokenResult &)>;

    // Refresh this long before expiry, so a token is never handed out to die in the middle of a request.
    static constexpr std::chrono::minutes kRefreshMargin{5};

    TokenProvider(QString accountName, ClientConfig client, std::shared_ptr<SecretStore> secrets,
                  QNetworkAccessManager *network, Clock &clock, QObject *parent = nullptr);
    ~TokenProvider() override;

    // Calls back exactly once (unless the provider is destroyed first), always from the event loop, never from
    // inside this call.
    void accessToken(Callback callback);
    // The same, but no call back once `context` is gone.
    void accessToken(const QObject *context, Callback callback);

    // The API answered 401 with `rejectedAccessToken`: drop it, so the next accessToken() refreshes once. A token
    // other than the cached one is ignored (a second 401 for an old token must not throw away a fresh one); an
    // empty one drops whatever is cached.
    void invalidate(const QByteArray &rejectedAccessToken = {});

    // After a sign-in whose identity the caller verified: stores the refresh token, then caches the access token.
    // Calls back with the access token, or with the SecretStore's failure (nothing cached then).
    void adoptSignIn(const TokenGrant &grant, Callback callback);

    void setTransferTimeout(std::chrono::milliseconds timeout) { m_transferTimeout = timeout; }
    QString accountName() const { return m_accountName; }
    bool isRefreshing() const { return m_refreshing; }

signals:
    // The server refused the refresh token (invalid_grant), or none is stored: the account needs a new sign-in.
    void credentialRejected(const vaulttray::Failure &failure);

private:
    struct Waiter
    {
        bool bound = false;
        QPointer<const QObject> context;
        Callback callback;
    };

    void enqueue(Waiter waiter);
    bool cachedTokenUsable() const;
    AccessTokenResult cachedResult() const;
    void startRefresh();
    void onRefreshTokenRead(const SecretResult &result);
    void refreshWith(const QByteArray &refreshToken);
    void onRefreshed(const TokenResult &result);
    void onRotatedTokenStored(const TokenGrant &grant, const SecretResult &stored);
    void cache(const TokenGrant &grant);
    void completeAll(const AccessTokenResult &result);
    static void deliver(const Waiter &waiter, const AccessTokenResult &result);

    QString m_accountName;
    QString m_secretKey;
    ClientConfig m_client;
    std::shared_ptr<SecretStore> m_secrets;
    QNetworkAccessManager *m_network;
    Clock &m_clock;
    std::chrono::milliseconds m_transferTimeout;

    QByteArray m_accessToken;
    QDateTime m_obtainedAt;
    QDateTime m_expiresAt;
    QByteArray m_usedRefreshToken;
    // A rotated refresh token the SecretStore refused: the stored one is dead at the server, so the next refresh
    // uses this one (and tries to store its successor again).
    QByteArray m_unstoredRefreshToken;
    bool m_refreshing = false;
    QList<Waiter> m_waiters;
};

} // namespace vaulttray

Q_DECLARE_METATYPE(vaulttray::AccessTokenResult)
