#pragma once

#include "net/oauth/clientconfig.h"
#include "net/oauth/tokenendpointjob.h"

namespace vaulttray {

// grant_type=refresh_token (RFC 6749 §6) with the client's id and secret in the form, as Google's Desktop-app
// clients do. The result carries the new access token, its wall-clock expiry and, when the server rotated it, the
// new refresh token, which the caller stores before it uses the access token.
class TokenRefreshJob final : public TokenEndpointJob
{
    Q_OBJECT

public:
    TokenRefreshJob(QNetworkAccessManager *network, Clock &clock, const ClientConfig &client,
                    const QByteArray &refreshToken, QObject *parent = nullptr);
};

} // namespace vaulttray
