#include "net/oauth/tokenrefreshjob.h"

namespace vaulttray {

namespace {

FormFields refreshForm(const ClientConfig &client, const QByteArray &refreshToken)
{
    return {{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
            {QStringLiteral("refresh_token"), QString::fromUtf8(refreshToken)},
            {QStringLiteral("client_id"), client.clientId},
            {QStringLiteral("client_secret"), client.clientSecret}};
}

} // namespace

TokenRefreshJob::TokenRefreshJob(QNetworkAccessManager *network, Clock &clock, const ClientConfig &client,
                                 const QByteArray &refreshToken, QObject *parent)
    : TokenEndpointJob(network, clock, client.tokenUri, refreshForm(client, refreshToken), QStringLiteral("refresh"),
                       parent)
{
}

} // namespace vaulttray
