#include "net/oauth/tokenprovider.h"

#include "core/clock.h"
#include "net/oauth/oauthlog.h"
#include "net/oauth/tokenrefreshjob.h"
#include "net/secrets/secretstore.h"

#include <QTimer>

#include <algorithm>

namespace vaulttray {

namespace {

AccessTokenResult failed(Failure failure, SecretProblem problem = SecretProblem::None)
{
    AccessTokenResult result;
    result.failure = std::move(failure);
    result.secretProblem = problem;
    return result;
}

} // namespace

TokenProvider::TokenProvider(QString accountName, ClientConfig client, std::shared_ptr<SecretStore> secrets,
                             QNetworkAccessManager *network, Clock &clock, QObject *parent)
    : QObject(parent), m_accountName(std::move(accountName)),
      m_secretKey(secretKey(m_accountName, SecretKind::RefreshToken)), m_client(std::move(client)),
      m_secrets(std::move(secrets)), m_network(network), m_clock(clock),
      m_transferTimeout(TokenEndpointJob::kDefaultTransferTimeout)
{
}

TokenProvider::~TokenProvider() = default;

void TokenProvider::accessToken(Callback callback)
{
    enqueue(Waiter{false, nullptr, std::move(callback)});
}

void TokenProvider::accessToken(const QObject *context, Callback callback)
{
    enqueue(Waiter{true, context, std::move(callback)});
}

void TokenProvider::enqueue(Waiter waiter)
{
    if (!m_refreshing && cachedTokenUsable()) {
        // Still from the event loop, so every caller sees the same ordering whether the token was cached or not.
        QTimer::singleShot(0, this, [this, waiter = std::move(waiter)] { deliver(waiter, cachedResult()); });
        return;
    }
    m_waiters.append(std::move(waiter));
    if (!m_refreshing)
        startRefresh();
}

bool TokenProvider::cachedTokenUsable() const
{
    if (m_accessToken.isEmpty())
        return false;
    // A token that lives shorter than twice the margin is used for the first half of its life.
    const qint64 lifetimeSecs = m_obtainedAt.secsTo(m_expiresAt);
    const qint64 marginSecs = std::min<qint64>(std::chrono::seconds(kRefreshMargin).count(), lifetimeSecs / 2);
    return m_clock.now() < m_expiresAt.addSecs(-marginSecs);
}

AccessTokenResult TokenProvider::cachedResult() const
{
    AccessTokenResult result;
    result.accessToken = m_accessToken;
    result.expiresAt = m_expiresAt;
    return result;
}

void TokenProvider::invalidate(const QByteArray &rejectedAccessToken)
{
    if (m_accessToken.isEmpty() || (!rejectedAccessToken.isEmpty() && rejectedAccessToken != m_accessToken))
        return;
    qCDebug(lcOAuth).noquote() << m_accountName + QStringLiteral(":")
                               << "access token dropped after the API refused it";
    m_accessToken.clear();
}

void TokenProvider::startRefresh()
{
    m_refreshing = true;
    if (!m_unstoredRefreshToken.isEmpty()) {
        refreshWith(m_unstoredRefreshToken);
        return;
    }
    SecretJob *job = m_secrets->read(m_secretKey);
    connect(job, &SecretJob::finished, this, &TokenProvider::onRefreshTokenRead);
}

void TokenProvider::onRefreshTokenRead(const SecretResult &result)
{
    if (!result.ok()) {
        completeAll(failed(Failure::of(FailureKind::Local, QStringLiteral("%1: the refresh token could not be read: %2")
                                                               .arg(m_accountName, result.failure.detail)),
                           result.problem));
        return;
    }
    if (result.notFound || result.secret.isEmpty()) {
        const Failure signedOut = Failure::of(
            FailureKind::CredentialRejected,
            QStringLiteral("%1: no refresh token is stored for this account; it needs a sign-in").arg(m_accountName));
        emit credentialRejected(signedOut);
        completeAll(failed(signedOut));
        return;
    }
    refreshWith(result.secret);
}

void TokenProvider::refreshWith(const QByteArray &refreshToken)
{
    qCDebug(lcOAuth).noquote() << m_accountName + QStringLiteral(":") << "refreshing the access token";
    m_usedRefreshToken = refreshToken;
    auto *job = new TokenRefreshJob(m_network, m_clock, m_client, refreshToken, this);
    job->setTransferTimeout(m_transferTimeout);
    connect(job, &TokenEndpointJob::finished, this, &TokenProvider::onRefreshed);
    job->start();
}

void TokenProvider::onRefreshed(const TokenResult &result)
{
    if (!result.ok()) {
        if (result.failure.kind == FailureKind::CredentialRejected)
            emit credentialRejected(result.failure);
        completeAll(failed(result.failure));
        return;
    }
    const QByteArray rotated = result.grant.refreshToken;
    if (rotated.isEmpty() || rotated == m_usedRefreshToken) {
        m_unstoredRefreshToken.clear();
        cache(result.grant);
        return;
    }
    // The server replaced the refresh token and may already have retired the old one: it must be stored before
    // anything relies on this grant, or a restart would leave the account with a dead token.
    qCInfo(lcOAuth).noquote() << m_accountName + QStringLiteral(":")
                              << "the server rotated the refresh token; storing it";
    m_unstoredRefreshToken = rotated;
    const TokenGrant grant = result.grant;
    SecretJob *job = m_secrets->write(m_secretKey, rotated);
    connect(job, &SecretJob::finished, this,
            [this, grant](const SecretResult &stored) { onRotatedTokenStored(grant, stored); });
}

void TokenProvider::onRotatedTokenStored(const TokenGrant &grant, const SecretResult &stored)
{
    if (!stored.ok()) {
        qCCritical(lcOAuth).noquote() << m_accountName + QStringLiteral(":")
                                      << "the rotated refresh token could not be stored:" << stored.failure.detail;
        completeAll(failed(
            Failure::of(FailureKind::Local, QStringLiteral("%1: the server replaced the refresh token, but the new one "
                                                           "could not be stored: %2")
                                                .arg(m_accountName, stored.failure.detail)),
            stored.problem));
        return;
    }
    m_unstoredRefreshToken.clear();
    cache(grant);
}

void TokenProvider::adoptSignIn(const TokenGrant &grant, Callback callback)
{
    SecretJob *job = m_secrets->write(m_secretKey, grant.refreshToken);
    connect(job, &SecretJob::finished, this, [this, grant, callback = std::move(callback)](const SecretResult &stored) {
        if (!stored.ok()) {
            qCCritical(lcOAuth).noquote() << m_accountName + QStringLiteral(":")
                                          << "the new refresh token could not be stored:" << stored.failure.detail;
            callback(failed(Failure::of(FailureKind::Local,
                                        QStringLiteral("%1: signed in, but the refresh token could not be stored: %2")
                                            .arg(m_accountName, stored.failure.detail)),
                            stored.problem));
            return;
        }
        qCInfo(lcOAuth).noquote() << m_accountName + QStringLiteral(":") << "signed in; refresh token stored";
        m_unstoredRefreshToken.clear();
        m_accessToken = grant.accessToken;
        m_obtainedAt = grant.obtainedAt;
        m_expiresAt = grant.expiresAt;
        callback(cachedResult());
    });
}

void TokenProvider::cache(const TokenGrant &grant)
{
    m_accessToken = grant.accessToken;
    m_obtainedAt = grant.obtainedAt;
    m_expiresAt = grant.expiresAt;
    completeAll(cachedResult());
}

void TokenProvider::completeAll(const AccessTokenResult &result)
{
    m_refreshing = false;
    m_usedRefreshToken.clear();
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    for (const Waiter &waiter : waiters)
        deliver(waiter, result);
}

void TokenProvider::deliver(const Waiter &waiter, const AccessTokenResult &result)
{
    if (waiter.bound && !waiter.context)
        return;
    waiter.callback(result);
}

} // namespace vaulttray
