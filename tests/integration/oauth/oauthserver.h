#pragma once

#include "net/oauth/clientconfig.h"
#include "net/oauth/formencoding.h"

#include <QByteArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QString>
#include <QUrl>

#include <chrono>
#include <memory>

namespace vaulttray::test {

// Generous for one local HTTP round trip or a node start on a loaded 2-core machine, far below a test's timeout.
inline constexpr std::chrono::milliseconds kServerWait{15000};

// The real OAuth 2.0 server of the tests: `node tests/oauth-server/oauth-mock.mjs 0` (npm oauth2-mock-server,
// made Google-like), on 127.0.0.1 with a port the system picks, registered with one "Desktop app" client whose
// secret is fresh per run (so a leak check can look for it). Needs `npm ci --prefix tests/oauth-server` first.
// The process dies with the test process, also when the test crashes.
class OAuthServer
{
public:
    OAuthServer();
    ~OAuthServer(); // stop()

    OAuthServer(const OAuthServer &) = delete;
    OAuthServer &operator=(const OAuthServer &) = delete;

    bool start(QString *error); // needs a QCoreApplication
    void stop();                // afterwards its port refuses connections
    bool isRunning() const;

    quint16 port() const { return m_port; }
    QUrl url(const QString &path = QStringLiteral("/")) const; // http://127.0.0.1:PORT/path
    QString clientId() const { return m_clientId; }
    QString clientSecret() const { return m_clientSecret; }
    // A client_secret.json for this server, as Google Cloud Console writes one for a Desktop app.
    QByteArray clientFileJson() const;
    ClientConfig clientConfig() const;

    // Controls (see oauth-mock.mjs); each waits for the server's answer. False when it did not come.
    // kind: invalid_grant, invalid_client, unauthorized_client, http500, http503, html200.
    bool failNextRefresh(const QString &kind, int retryAfterSeconds = 0);
    bool setRotation(bool enabled);
    // Every refresh is answered this late (and counted in the stats on arrival), until reset().
    bool delayRefreshes(std::chrono::milliseconds delay);
    bool setNextUser(const QString &email);
    bool revoke(const QByteArray &token);
    bool reset();
    QJsonObject stats();
    int tokenRequests(const QString &grantType); // -1 when the stats could not be read

    // Everything the server printed so far, stdout and stderr.
    QByteArray output() const;

private:
    bool control(const QString &path, const FormFields &query, QJsonObject *answer = nullptr);

    QString m_clientId;
    QString m_clientSecret;
    std::unique_ptr<QProcess> m_process;
    std::unique_ptr<QNetworkAccessManager> m_network;
    quint16 m_port = 0;
    std::shared_ptr<QByteArray> m_output;
};

} // namespace vaulttray::test
