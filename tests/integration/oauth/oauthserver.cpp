#include "oauthserver.h"

#include "net/oauth/formencoding.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QTimer>

#include <csignal>
#include <sys/prctl.h>

namespace vaulttray::test {

namespace {

constexpr int kStopTimeoutMs = 3000;
constexpr int kRandomBytes = 16;

QString randomHex()
{
    QByteArray bytes(kRandomBytes, Qt::Uninitialized);
    for (char &c : bytes)
        c = char(QRandomGenerator::global()->bounded(256));
    return QString::fromLatin1(bytes.toHex());
}

QString serverDir()
{
    const QByteArray fromEnv = qgetenv("VAULTTRAY_OAUTH_SERVER_DIR");
    return fromEnv.isEmpty() ? QStringLiteral(VAULTTRAY_OAUTH_SERVER_DIR) : QString::fromLocal8Bit(fromEnv);
}

void dieWithParent()
{
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
}

} // namespace

OAuthServer::OAuthServer()
    : m_clientId(QStringLiteral("%1-test.apps.googleusercontent.com").arg(randomHex())),
      m_clientSecret(QStringLiteral("GOCSPX-test-%1").arg(randomHex())), m_output(std::make_shared<QByteArray>())
{
}

OAuthServer::~OAuthServer()
{
    stop();
}

bool OAuthServer::start(QString *error)
{
    const QString dir = serverDir();
    if (!QFileInfo::exists(dir + QStringLiteral("/node_modules/oauth2-mock-server/package.json"))) {
        *error = QStringLiteral("the OAuth server's npm packages are missing in %1: run "
                                "`npm ci --prefix tests/oauth-server` (scripts/test does)")
                     .arg(dir);
        return false;
    }
    m_network = std::make_unique<QNetworkAccessManager>();
    m_process = std::make_unique<QProcess>();
    m_process->setChildProcessModifier(dieWithParent);
    m_process->setWorkingDirectory(dir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("OAUTH_MOCK_CLIENT_ID"), m_clientId);
    env.insert(QStringLiteral("OAUTH_MOCK_CLIENT_SECRET"), m_clientSecret);
    m_process->setProcessEnvironment(env);
    const std::shared_ptr<QByteArray> output = m_output;
    QProcess *process = m_process.get();
    QObject::connect(process, &QProcess::readyReadStandardError, process,
                     [output, process] { *output += process->readAllStandardError(); });
    m_process->start(QStringLiteral("node"), {dir + QStringLiteral("/oauth-mock.mjs"), QStringLiteral("0")});
    if (!m_process->waitForStarted(int(kServerWait.count()))) {
        *error =
            QStringLiteral("node did not start (is Node.js >= 20.19 installed?): %1").arg(m_process->errorString());
        return false;
    }
    // Waiting for real I/O: the server's one line {"ready":true,"port":N}.
    QByteArray line;
    const QDeadlineTimer deadline(kServerWait);
    while (!line.contains('\n') && m_process->waitForReadyRead(int(deadline.remainingTime())))
        line += m_process->readAllStandardOutput();
    *m_output += line;
    const QJsonObject ready = QJsonDocument::fromJson(line.left(line.indexOf('\n'))).object();
    m_port = quint16(ready.value(QLatin1String("port")).toInt());
    if (!ready.value(QLatin1String("ready")).toBool() || m_port == 0) {
        *error = QStringLiteral("the OAuth server did not become ready: %1 %2")
                     .arg(QString::fromUtf8(line), QString::fromUtf8(*m_output + m_process->readAllStandardError()));
        return false;
    }
    QObject::connect(process, &QProcess::readyReadStandardOutput, process,
                     [output, process] { *output += process->readAllStandardOutput(); });
    return true;
}

void OAuthServer::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(kStopTimeoutMs)) {
            m_process->kill();
            m_process->waitForFinished(kStopTimeoutMs);
        }
    }
    *m_output += m_process->readAllStandardOutput() + m_process->readAllStandardError();
    m_process.reset();
}

bool OAuthServer::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QUrl OAuthServer::url(const QString &path) const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    url.setPath(path);
    return url;
}

QByteArray OAuthServer::clientFileJson() const
{
    const QJsonObject installed{
        {QStringLiteral("client_id"), m_clientId},
        {QStringLiteral("project_id"), QStringLiteral("vaulttray-tests")},
        {QStringLiteral("auth_uri"), url(QStringLiteral("/authorize")).toString()},
        {QStringLiteral("token_uri"), url(QStringLiteral("/token")).toString()},
        {QStringLiteral("auth_provider_x509_cert_url"), url(QStringLiteral("/jwks")).toString()},
        {QStringLiteral("client_secret"), m_clientSecret},
        {QStringLiteral("redirect_uris"), QJsonArray{QStringLiteral("http://localhost")}},
    };
    return QJsonDocument(QJsonObject{{QStringLiteral("installed"), installed}}).toJson();
}

ClientConfig OAuthServer::clientConfig() const
{
    return parseClientConfig(clientFileJson()).config;
}

bool OAuthServer::control(const QString &path, const QList<std::pair<QString, QString>> &query, QJsonObject *answer)
{
    QUrl target = url(QStringLiteral("/__control/") + path);
    target.setQuery(QString::fromLatin1(formEncode(query)), QUrl::StrictMode);
    QNetworkRequest request(target);
    request.setTransferTimeout(int(kServerWait.count()));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    QNetworkReply *reply =
        path == QLatin1String("stats") ? m_network->get(request) : m_network->post(request, QByteArray());
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec(); // real I/O; the transfer timeout ends it
    reply->deleteLater();
    if (reply->error() != QNetworkReply::NoError)
        return false;
    if (answer)
        *answer = QJsonDocument::fromJson(reply->readAll()).object();
    return true;
}

bool OAuthServer::failNextRefresh(const QString &kind, int retryAfterSeconds)
{
    return control(
        QStringLiteral("fail-next-refresh"),
        {{QStringLiteral("with"), kind}, {QStringLiteral("retry_after"), QString::number(retryAfterSeconds)}});
}

bool OAuthServer::setRotation(bool enabled)
{
    return control(QStringLiteral("rotation"),
                   {{QStringLiteral("enabled"), enabled ? QStringLiteral("true") : QStringLiteral("false")}});
}

bool OAuthServer::delayRefreshes(std::chrono::milliseconds delay)
{
    return control(QStringLiteral("delay-refresh"), {{QStringLiteral("ms"), QString::number(delay.count())}});
}

bool OAuthServer::setNextUser(const QString &email)
{
    return control(QStringLiteral("next-user"), {{QStringLiteral("email"), email}});
}

bool OAuthServer::revoke(const QByteArray &token)
{
    return control(QStringLiteral("revoke"), {{QStringLiteral("token"), QString::fromUtf8(token)}});
}

bool OAuthServer::reset()
{
    return control(QStringLiteral("reset"), {});
}

QJsonObject OAuthServer::stats()
{
    QJsonObject answer;
    control(QStringLiteral("stats"), {}, &answer);
    return answer;
}

int OAuthServer::tokenRequests(const QString &grantType)
{
    const QJsonObject s = stats();
    if (s.isEmpty())
        return -1;
    return s.value(QLatin1String("token")).toObject().value(grantType).toInt(0);
}

QByteArray OAuthServer::output() const
{
    return *m_output;
}

} // namespace vaulttray::test
