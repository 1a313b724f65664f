#pragma once

#include "net/gmail/accesstokensource.h"

#include <QStringList>

namespace vaulttray::test {

// Hands out fixed access tokens in order: the first until it is invalidated, then the next. Once the last is
// invalidated, every request gets `exhausted` (by default CredentialRejected, as a refused refresh token would
// give). Calls back from the event loop, as the real provider does.
class FixedTokenSource final : public AccessTokenSource
{
public:
    explicit FixedTokenSource(QStringList tokens);

    void accessToken(QObject *context, std::function<void(const Failure &, const QString &token)> done) override;
    void invalidate(const QString &token) override;

    void reset(QStringList tokens);

    Failure exhausted;
    int requests = 0;
    QStringList invalidated;

private:
    QStringList m_tokens;
    int m_current = 0;
};

} // namespace vaulttray::test
