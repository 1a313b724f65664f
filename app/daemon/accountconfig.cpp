#include "daemon/accountconfig.h"
#include "net/loopback.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslCertificate>

namespace vaulttray {

namespace {
constexpr int kMaxPort = 65535;
constexpr int kMaxNameLength = 64;

// This file's user-visible texts; their translation context is "AccountConfig".
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(AccountConfig)
};

Failure misconfigured(const QString &why)
{
    return Failure::of(FailureKind::ClientMisconfigured, why);
}
} // namespace

bool parseSecurity(const QString &text, ImapConfig::Security *out)
{
    if (text == QLatin1String("imaps"))
        *out = ImapConfig::Security::Imaps;
    else if (text == QLatin1String("starttls"))
        *out = ImapConfig::Security::StartTls;
    else if (text == QLatin1String("plain"))
        *out = ImapConfig::Security::Plain;
    else
        return false;
    return true;
}

QString securityName(ImapConfig::Security security)
{
    switch (security) {
    case ImapConfig::Security::Imaps: return QStringLiteral("imaps");
    case ImapConfig::Security::StartTls: return QStringLiteral("starttls");
    case ImapConfig::Security::Plain: return QStringLiteral("plain");
    }
    return QStringLiteral("imaps");
}

QByteArray ImapConfig::toJson() const
{
    QJsonObject o{{QStringLiteral("host"), host},
                  {QStringLiteral("port"), port},
                  {QStringLiteral("security"), securityName(security)},
                  {QStringLiteral("user"), user},
                  {QStringLiteral("auth"), auth == Auth::OAuth ? QStringLiteral("oauth") : QStringLiteral("password")}};
    if (!oauthClientFile.isEmpty())
        o.insert(QStringLiteral("oauthClientFile"), oauthClientFile);
    if (!caFile.isEmpty())
        o.insert(QStringLiteral("caFile"), caFile);
    if (allowPlaintext)
        o.insert(QStringLiteral("allowPlaintext"), true);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

ImapConfig ImapConfig::fromJson(const QByteArray &json)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    ImapConfig c;
    c.host = o.value(QStringLiteral("host")).toString();
    c.port = o.value(QStringLiteral("port")).toInt();
    parseSecurity(o.value(QStringLiteral("security")).toString(), &c.security);
    c.user = o.value(QStringLiteral("user")).toString();
    c.auth = o.value(QStringLiteral("auth")).toString() == QLatin1String("oauth") ? Auth::OAuth : Auth::Password;
    c.oauthClientFile = o.value(QStringLiteral("oauthClientFile")).toString();
    c.caFile = o.value(QStringLiteral("caFile")).toString();
    c.allowPlaintext = o.value(QStringLiteral("allowPlaintext")).toBool();
    return c;
}

Failure validate(const ImapConfig &config)
{
    if (config.host.trimmed().isEmpty())
        return misconfigured(Text::tr("the IMAP server's host name is missing (--host)"));
    if (config.port < 1 || config.port > kMaxPort)
        return misconfigured(Text::tr("the port must be between 1 and %1 (--port)").arg(kMaxPort));
    if (config.user.isEmpty())
        return misconfigured(Text::tr("the IMAP user name is missing (--user)"));
    if (config.security == ImapConfig::Security::Plain && !config.allowPlaintext && !isLoopbackHost(config.host))
        return misconfigured(Text::tr("plain IMAP would send your password unencrypted to %1; use imaps or "
                                      "starttls, or --allow-plaintext if you really mean it")
                                 .arg(config.host));
    if (!config.caFile.isEmpty()) {
        if (!QFileInfo(config.caFile).isReadable())
            return misconfigured(Text::tr("the CA file %1 cannot be read").arg(config.caFile));
        if (QSslCertificate::fromPath(config.caFile, QSsl::Pem).isEmpty())
            return misconfigured(Text::tr("the CA file %1 holds no PEM certificate").arg(config.caFile));
    }
    if (config.auth == ImapConfig::Auth::OAuth && !QFileInfo(config.oauthClientFile).isReadable())
        return misconfigured(Text::tr("the OAuth client file %1 cannot be read").arg(config.oauthClientFile));
    return Failure::none();
}

ImapEndpoint endpointFor(const ImapConfig &config)
{
    ImapEndpoint endpoint;
    endpoint.host = config.host;
    endpoint.port = quint16(config.port);
    switch (config.security) {
    case ImapConfig::Security::Imaps: endpoint.security = ImapSecurity::Imaps; break;
    case ImapConfig::Security::StartTls: endpoint.security = ImapSecurity::StartTls; break;
    case ImapConfig::Security::Plain: endpoint.security = ImapSecurity::Plain; break;
    }
    endpoint.caFile = config.caFile;
    endpoint.allowPlaintext = config.allowPlaintext;
    return endpoint;
}

Failure validateAccountName(const QString &name)
{
    if (name.trimmed().isEmpty())
        return misconfigured(Text::tr("the account needs a name"));
    if (name.size() > kMaxNameLength)
        return misconfigured(Text::tr("the account name is longer than %1 characters").arg(kMaxNameLength));
    if (name != name.trimmed() || name.contains(QLatin1Char('/')) || name.contains(QLatin1Char('\n')))
        return misconfigured(Text::tr("the account name may not contain '/', line breaks, or start or end "
                                      "with a space"));
    return Failure::none();
}

} // namespace vaulttray
