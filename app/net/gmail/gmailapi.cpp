#include "net/gmail/gmailapi.h"

#include "net/gmail/gmaillog.h"
#include "net/loopback.h"

#include <QStringList>

namespace vaulttray {

namespace {

constexpr char kGoogleGmailApiBase[] = "https://gmail.googleapis.com";
constexpr char kUserPath[] = "/gmail/v1/users/me/";

} // namespace

QUrl googleGmailApiBase()
{
    return QUrl(QString::fromLatin1(kGoogleGmailApiBase));
}

QUrl gmailApiBaseFromEnvironment()
{
    const QString fromEnv = qEnvironmentVariable(kGmailApiBaseEnvironmentVariable).trimmed();
    if (fromEnv.isEmpty())
        return googleGmailApiBase();
    return QUrl(fromEnv, QUrl::StrictMode);
}

QString gmailApiBaseProblem(const QUrl &base)
{
    if (!base.isValid() || base.isRelative() || base.host().isEmpty())
        return QStringLiteral("is not an absolute URL");
    if (base.hasQuery() || base.hasFragment() || !base.userInfo().isEmpty())
        return QStringLiteral("carries a query, a fragment or credentials; give scheme, host, port and path only");
    const QString scheme = base.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return {};
    if (scheme == QLatin1String("http"))
        return isLoopbackHost(base.host()) ? QString()
                                           : QStringLiteral("uses plain http on a host that is not a loopback "
                                                            "address: refused, since access tokens would cross the "
                                                            "network unencrypted");
    return QStringLiteral("is not an http(s) URL");
}

GmailApi::GmailApi(QNetworkAccessManager *network, Clock &clock, AccessTokenSource &tokens, QuotaLimiter &limiter)
    : m_network(network), m_clock(clock), m_tokens(tokens), m_limiter(limiter), m_baseUrl(googleGmailApiBase())
{
}

Failure GmailApi::setBaseUrl(const QUrl &base)
{
    m_baseUrl = base;
    const Failure failure = baseUrlFailure();
    if (failure)
        qCCritical(lcGmail).noquote() << failure.detail;
    else if (base != googleGmailApiBase())
        qCInfo(lcGmail).noquote() << "Gmail API root:" << base.toDisplayString();
    return failure;
}

Failure GmailApi::baseUrlFailure() const
{
    const QString problem = gmailApiBaseProblem(m_baseUrl);
    if (problem.isEmpty())
        return Failure::none();
    return Failure::of(FailureKind::ClientMisconfigured,
                       QStringLiteral("Gmail API root \"%1\" %2")
                           .arg(m_baseUrl.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery), problem));
}

QUrl GmailApi::endpoint(const QString &path, const Query &query) const
{
    QUrl url = m_baseUrl;
    QString prefix = url.path(QUrl::FullyEncoded);
    while (prefix.endsWith(QLatin1Char('/')))
        prefix.chop(1);
    url.setPath(prefix + QLatin1String(kUserPath) + path, QUrl::TolerantMode);
    QStringList items;
    for (const auto &[name, value] : query)
        items << QString::fromLatin1(QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value));
    if (!items.isEmpty())
        url.setQuery(items.join(QLatin1Char('&')), QUrl::StrictMode);
    return url;
}

} // namespace vaulttray
