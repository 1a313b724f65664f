#pragma once

#include "net/loopback.h"

#include "core/failure.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace vaulttray {

// Read-only Gmail: everything an archiver needs, nothing that could change or send mail.
inline constexpr char kGmailReadOnlyScope[] = "https://www.googleapis.com/auth/gmail.readonly";

// A Google "Desktop app" OAuth client, as read from the client_secret.json that Google Cloud Console downloads
// ({"installed": {...}}). Its endpoints come from the file, which is also how tests point vaulttray at a local
// OAuth server.
struct ClientConfig
{
    QString clientId;
    // Google says a Desktop app's secret is not confidential (it ships inside the app); it is kept out of logs and
    // failure details all the same.
    QString clientSecret;
    QUrl authUri;
    QUrl tokenUri;
    QList<QUrl> redirectUris; // informational: sign-in always redirects to its own loopback listener
    QStringList scopes{QString::fromLatin1(kGmailReadOnlyScope)};
};

struct ClientConfigResult
{
    Failure failure; // ClientMisconfigured, its detail naming what is wrong with the file
    ClientConfig config;

    bool ok() const { return failure.ok(); }
};

// Reads and checks a client file. Refuses, with a detail naming the problem: no such file, a folder, an unreadable
// or empty or oversized file, not JSON, a "web" (or other) client instead of "installed", a missing or empty field,
// an endpoint that is not a URL, or one over plain http on a host that is not a loopback address.
ClientConfigResult loadClientConfig(const QString &path);

// The same checks on the file's bytes; `origin` names the file in failure details.
ClientConfigResult parseClientConfig(const QByteArray &json, const QString &origin = QStringLiteral("client file"));

// Why an OAuth endpoint may not be used, or an empty string when it may: https anywhere, http only on a loopback
// address (127.0.0.0/8, ::1, localhost), where nothing crosses a network.
QString endpointProblem(const QUrl &url);


} // namespace vaulttray
