#include "fixedtokensource.h"

#include <QObject>
#include <QTimer>

namespace vaulttray::test {

FixedTokenSource::FixedTokenSource(QStringList tokens)
    : exhausted(Failure::of(FailureKind::CredentialRejected,
                            QStringLiteral("token endpoint: \"invalid_grant\" (HTTP 400) [test token source]"))),
      m_tokens(std::move(tokens))
{
}

void FixedTokenSource::accessToken(QObject *context, std::function<void(const Failure &, const QString &)> done)
{
    ++requests;
    const bool left = m_current < m_tokens.size();
    const Failure failure = left ? Failure::none() : exhausted;
    const QString token = left ? m_tokens.at(m_current) : QString();
    QTimer::singleShot(0, context, [done = std::move(done), failure, token] { done(failure, token); });
}

void FixedTokenSource::invalidate(const QString &token)
{
    invalidated << token;
    if (m_current < m_tokens.size() && m_tokens.at(m_current) == token)
        ++m_current;
}

void FixedTokenSource::reset(QStringList tokens)
{
    m_tokens = std::move(tokens);
    m_current = 0;
    requests = 0;
    invalidated.clear();
}

} // namespace vaulttray::test
