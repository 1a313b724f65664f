#include "net/oauth/codeexchangejob.h"

namespace vaulttray {

namespace {

FormFields exchangeForm(const ClientConfig &client, const QString &code, const QByteArray &codeVerifier,
                        const QUrl &redirectUri)
{
    FormFields form{{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                    {QStringLiteral("code"), code},
                    {QStringLiteral("redirect_uri"), redirectUri.toString(QUrl::FullyEncoded)},
                    {QStringLiteral("client_id"), client.clientId},
                    {QStringLiteral("client_secret"), client.clientSecret}};
    if (!codeVerifier.isEmpty())
        form.append({QStringLiteral("code_verifier"), QString::fromLatin1(codeVerifier)});
    return form;
}

} // namespace

CodeExchangeJob::CodeExchangeJob(QNetworkAccessManager *network, Clock &clock, const ClientConfig &client,
                                 const QString &code, const QByteArray &codeVerifier, const QUrl &redirectUri,
                                 QObject *parent)
    : TokenEndpointJob(network, clock, client.tokenUri, exchangeForm(client, code, codeVerifier, redirectUri),
                       QStringLiteral("code exchange"), parent)
{
}

} // namespace vaulttray
