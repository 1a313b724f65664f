#include "net/oauth/clientconfig.h"
#include "net/loopback.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace vaulttray {

namespace {

// Google's client files are well under 1 KiB; anything this large is some other file picked by mistake.
constexpr qint64 kMaxClientFileBytes = 64 * 1024;

constexpr char kInstalled[] = "installed";
constexpr char kWeb[] = "web";

Failure misconfigured(const QString &origin, const QString &what)
{
    return Failure::of(FailureKind::ClientMisconfigured, QStringLiteral("%1: %2").arg(origin, what));
}

ClientConfigResult refused(const QString &origin, const QString &what)
{
    return ClientConfigResult{misconfigured(origin, what), {}};
}

// A required, non-empty string field of the "installed" object; sets *problem when it is missing.
QString requiredString(const QJsonObject &installed, const char *name, QString *problem)
{
    const QJsonValue value = installed.value(QLatin1String(name));
    if (!value.isString() || value.toString().trimmed().isEmpty()) {
        if (problem->isEmpty())
            *problem = value.isUndefined() ? QStringLiteral("the \"installed\" client has no \"%1\"").arg(name)
                                           : QStringLiteral("\"%1\" is empty or not a string").arg(name);
        return {};
    }
    return value.toString().trimmed();
}

QUrl requiredEndpoint(const QJsonObject &installed, const char *name, QString *problem)
{
    const QString text = requiredString(installed, name, problem);
    if (text.isEmpty())
        return {};
    const QUrl url(text, QUrl::StrictMode);
    const QString why = endpointProblem(url);
    if (!why.isEmpty() && problem->isEmpty())
        *problem =
            QStringLiteral("\"%1\" (%2) %3").arg(QLatin1String(name), url.toDisplayString(QUrl::RemoveQuery), why);
    return url;
}

} // namespace

QString endpointProblem(const QUrl &url)
{
    if (!url.isValid() || url.isRelative() || url.host().isEmpty())
        return QStringLiteral("is not an absolute URL");
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return {};
    if (scheme == QLatin1String("http"))
        return isLoopbackHost(url.host())
                   ? QString()
                   : QStringLiteral("uses plain http on a host that is not a loopback address: refused, since "
                                    "tokens would cross the network unencrypted");
    return QStringLiteral("is not an http(s) URL");
}

ClientConfigResult parseClientConfig(const QByteArray &json, const QString &origin)
{
    if (json.trimmed().isEmpty())
        return refused(origin, QStringLiteral("the file is empty"));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return refused(origin, QStringLiteral("not JSON (%1 at offset %2); expected the client_secret.json that "
                                              "Google Cloud Console downloads")
                                   .arg(parseError.errorString())
                                   .arg(parseError.offset));
    if (!doc.isObject())
        return refused(origin, QStringLiteral("not a Google OAuth client file (the JSON is not an object)"));
    const QJsonObject root = doc.object();
    const QJsonValue installedValue = root.value(QLatin1String(kInstalled));
    if (!installedValue.isObject()) {
        if (root.contains(QLatin1String(kWeb)))
            return refused(origin, QStringLiteral("this is a \"Web application\" client; vaulttray needs a "
                                                  "\"Desktop app\" client (an \"installed\" object)"));
        const QStringList keys = root.keys();
        return refused(origin, QStringLiteral("no \"installed\" object (found: %1); vaulttray needs a Google "
                                              "\"Desktop app\" client file")
                                   .arg(keys.isEmpty() ? QStringLiteral("nothing") : keys.join(QStringLiteral(", "))));
    }
    const QJsonObject installed = installedValue.toObject();

    ClientConfig config;
    QString problem;
    config.clientId = requiredString(installed, "client_id", &problem);
    config.clientSecret = requiredString(installed, "client_secret", &problem);
    config.authUri = requiredEndpoint(installed, "auth_uri", &problem);
    config.tokenUri = requiredEndpoint(installed, "token_uri", &problem);
    if (!problem.isEmpty())
        return refused(origin, problem);
    const QJsonArray redirects = installed.value(QLatin1String("redirect_uris")).toArray();
    for (const QJsonValue &redirect : redirects)
        config.redirectUris << QUrl(redirect.toString());
    return ClientConfigResult{Failure::none(), config};
}

ClientConfigResult loadClientConfig(const QString &path)
{
    const QString origin = QStringLiteral("client file %1").arg(path);
    const QFileInfo info(path);
    if (!info.exists())
        return refused(origin, QStringLiteral("no such file"));
    if (info.isDir())
        return refused(origin, QStringLiteral("is a folder, not a file"));
    if (!info.isFile())
        return refused(origin, QStringLiteral("is not a regular file"));
    if (info.size() > kMaxClientFileBytes)
        return refused(origin,
                       QStringLiteral("too large (%1 bytes) to be a Google OAuth client file").arg(info.size()));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return refused(origin, QStringLiteral("cannot be read: %1").arg(file.errorString()));
    return parseClientConfig(file.read(kMaxClientFileBytes + 1), origin);
}

} // namespace vaulttray
