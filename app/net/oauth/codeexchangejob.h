#pragma once

#include "net/oauth/clientconfig.h"
#include "net/oauth/tokenendpointjob.h"

namespace vaulttray {

// grant_type=authorization_code (RFC 6749 §4.1.3) with the PKCE code_verifier (RFC 7636 §4.5) and the same
// redirect_uri the authorization request named. An empty verifier is left out of the form (a client without PKCE).
class CodeExchangeJob final : public TokenEndpointJob
{
    Q_OBJECT

public:
    CodeExchangeJob(QNetworkAccessManager *network, Clock &clock, const ClientConfig &client, const QString &code,
                    const QByteArray &codeVerifier, const QUrl &redirectUri, QObject *parent = nullptr);
};

} // namespace vaulttray
