#include "net/oauth/tokenresponse.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace vaulttray {

namespace {

constexpr int kJwtParts = 3; // header.payload.signature
// A longer expires_in is taken as this: refreshing early costs one request, while converting an absurd value
// (1e300) to an integer is undefined and adding it to a date overflows.
constexpr std::chrono::seconds kMaxTokenLifetime{std::chrono::hours(24 * 365)};

// expires_in is a number in RFC 6749, but some servers send it as a string.
std::chrono::seconds lifetime(const QJsonValue &value)
{
    double seconds = 0;
    if (value.isDouble())
        seconds = value.toDouble();
    else if (value.isString())
        seconds = value.toString().toDouble();
    if (!(seconds >= 1)) // also NaN
        return kAssumedTokenLifetime;
    if (seconds >= double(kMaxTokenLifetime.count()))
        return kMaxTokenLifetime;
    return std::chrono::seconds(qint64(seconds));
}

} // namespace

TokenResult parseTokenResponse(const QByteArray &body, const QDateTime &requestedAt)
{
    const QJsonObject obj = QJsonDocument::fromJson(body).object();
    const QString accessToken = obj.value(QLatin1String("access_token")).toString();
    if (accessToken.isEmpty())
        return {Failure::of(FailureKind::ServerTransient, QStringLiteral("token endpoint: no access_token")), {}};
    const QString type = obj.value(QLatin1String("token_type")).toString();
    if (!type.isEmpty() && type.compare(QLatin1String("Bearer"), Qt::CaseInsensitive) != 0)
        return {Failure::of(FailureKind::ClientMisconfigured,
                            QStringLiteral("token endpoint: token type \"%1\" is not Bearer").arg(type.left(32))),
                {}};

    TokenGrant grant;
    grant.accessToken = accessToken.toUtf8();
    grant.obtainedAt = requestedAt;
    grant.expiresAt = requestedAt.addSecs(lifetime(obj.value(QLatin1String("expires_in"))).count());
    grant.refreshToken = obj.value(QLatin1String("refresh_token")).toString().toUtf8();
    grant.idToken = obj.value(QLatin1String("id_token")).toString().toUtf8();
    const QString scope = obj.value(QLatin1String("scope")).toString();
    grant.grantedScopes = scope.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return {Failure::none(), grant};
}

QString idTokenEmail(const QByteArray &idToken)
{
    const QList<QByteArray> parts = idToken.split('.');
    if (parts.size() != kJwtParts)
        return {};
    const QByteArray payload = QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding);
    return QJsonDocument::fromJson(payload).object().value(QLatin1String("email")).toString();
}

} // namespace vaulttray
