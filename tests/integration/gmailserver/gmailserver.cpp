#include "gmailserver.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTimer>

#include <chrono>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

namespace vaulttray::test {

namespace {

using namespace std::chrono_literals;

// Generous for a loaded two-core machine: a 10,000-message mailbox with --warm builds in ~3 s.
constexpr std::chrono::milliseconds kStartTimeout = 60s;
constexpr std::chrono::milliseconds kStopTimeout = 5s;

// Debian's interpreter: `python3` on PATH may be another build. The server needs only the standard library.
QString pythonInterpreter()
{
    const QString system = QStringLiteral("/usr/bin/python3");
    return QFileInfo::exists(system) ? system : QStringLiteral("python3");
}

QString serverScript()
{
    const QByteArray fromEnv = qgetenv("VAULTTRAY_GMAIL_FAKE");
    return fromEnv.isEmpty() ? QStringLiteral(VAULTTRAY_GMAIL_FAKE_SCRIPT) : QString::fromLocal8Bit(fromEnv);
}

QString number(double value)
{
    return QString::number(value, 'g', 12);
}

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

} // namespace

QJsonObject GmailHttpReply::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QByteArray decodeBase64Url(const QByteArray &text, bool *ok)
{
    const auto result =
        QByteArray::fromBase64Encoding(text, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (ok)
        *ok = bool(result);
    return result ? *result : QByteArray();
}

GmailServer::GmailServer(GmailServerOptions options) : m_options(std::move(options)) {}

GmailServer::~GmailServer()
{
    stop();
}

QString GmailServer::start()
{
    QStringList arguments{
        serverScript(),           QStringLiteral("--messages"),    QString::number(m_options.messages),
        QStringLiteral("--seed"), QString::number(m_options.seed), QStringLiteral("--email"),
        m_options.email,          QStringLiteral("--quota"),       number(m_options.unitsPerSecond)};
    if (m_options.burst >= 0)
        arguments << QStringLiteral("--burst") << number(m_options.burst);
    for (const QString &token : std::as_const(m_options.tokens))
        arguments << QStringLiteral("--token") << token;
    if (m_options.latencyMs > 0)
        arguments << QStringLiteral("--latency-ms") << QString::number(m_options.latencyMs);
    if (!m_options.introspectUrl.isEmpty())
        arguments << QStringLiteral("--introspect") << m_options.introspectUrl;
    if (m_options.warm)
        arguments << QStringLiteral("--warm");
    arguments << m_options.extraArguments;

#ifdef Q_OS_LINUX
    // The server dies with the test process, even when that crashes, so none outlives a failed run.
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
#endif
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer clock;
    clock.start();
    m_process.start(pythonInterpreter(), arguments);
    if (!m_process.waitForStarted(int(kStartTimeout.count())))
        return QStringLiteral("cannot start %1: %2").arg(pythonInterpreter(), m_process.errorString());
    QDeadlineTimer deadline(kStartTimeout);
    while (!m_process.canReadLine()) {
        if (m_process.state() == QProcess::NotRunning)
            return QStringLiteral("the fake Gmail server exited with %1 before it was ready").arg(m_process.exitCode());
        if (deadline.hasExpired() || !m_process.waitForReadyRead(int(deadline.remainingTime()))) {
            if (m_process.state() == QProcess::NotRunning)
                continue;
            stop();
            return QStringLiteral("the fake Gmail server printed no ready line in time");
        }
    }
    const QByteArray line = m_process.readLine();
    m_ready = QJsonDocument::fromJson(line).object();
    m_readyAfterMs = clock.elapsed();
    if (!m_ready.value(QStringLiteral("ready")).toBool()) {
        stop();
        return QStringLiteral("unexpected first line from the fake Gmail server: %1").arg(QString::fromUtf8(line));
    }
    m_port = quint16(m_ready.value(QStringLiteral("port")).toInt());
    return {};
}

void GmailServer::stop()
{
    m_network.reset(); // drop kept-alive connections before the server goes
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.kill();
    m_process.waitForFinished(int(kStopTimeout.count()));
}

QUrl GmailServer::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_port);
    return url;
}

QUrl GmailServer::apiUrl(const QString &pathAndQuery) const
{
    return QUrl(baseUrl().toString() + QStringLiteral("/gmail/v1/users/me/") + pathAndQuery);
}

QNetworkAccessManager *GmailServer::network()
{
    if (!m_network)
        m_network = std::make_unique<QNetworkAccessManager>();
    return m_network.get();
}

QNetworkRequest GmailServer::apiRequest(const QString &pathAndQuery, const QString &token) const
{
    QNetworkRequest request(apiUrl(pathAndQuery));
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    return request;
}

GmailHttpReply GmailServer::get(const QString &pathAndQuery, int timeoutMs)
{
    return getWithToken(pathAndQuery, token(), timeoutMs);
}

GmailHttpReply GmailServer::getWithToken(const QString &pathAndQuery, const QString &token, int timeoutMs)
{
    QNetworkRequest request = apiRequest(pathAndQuery, token);
    request.setTransferTimeout(timeoutMs);
    return send(request, "GET");
}

GmailHttpReply GmailServer::send(const QNetworkRequest &request, const QByteArray &verb, const QByteArray &body)
{
    QElapsedTimer clock;
    clock.start();
    QNetworkReply *reply = network()->sendCustomRequest(request, verb, body);
    if (!reply->isFinished()) {
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }
    GmailHttpReply out;
    out.elapsedMs = clock.elapsed();
    out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.error = reply->error();
    out.errorString = reply->errorString();
    if (reply->isOpen())
        out.body = reply->readAll();
    for (const auto &pair : reply->rawHeaderPairs()) {
        const QByteArray name = pair.first.toLower();
        // Repeated headers (Vary) are joined, as HTTP allows.
        out.headers.insert(name,
                           out.headers.contains(name) ? out.headers.value(name) + ", " + pair.second : pair.second);
    }
    reply->deleteLater();
    return out;
}

GmailHttpReply GmailServer::control(const QByteArray &verb, const QString &path, const QJsonValue &body)
{
    QNetworkRequest request(QUrl(baseUrl().toString() + QStringLiteral("/__control/") + path));
    request.setTransferTimeout(kDefaultTimeoutMs);
    QByteArray payload;
    if (body.isObject())
        payload = QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
    else if (body.isArray())
        payload = QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact);
    if (!payload.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    return send(request, verb, payload);
}

QJsonObject GmailServer::controlObject(const QByteArray &verb, const QString &path, const QJsonValue &body)
{
    const GmailHttpReply reply = control(verb, path, body);
    if (reply.status != 200) {
        qWarning("fake Gmail control %s %s failed: %d %s", verb.constData(), qPrintable(path), reply.status,
                 reply.body.constData());
        return {};
    }
    return reply.json();
}

QJsonObject GmailServer::stats()
{
    return controlObject("GET", QStringLiteral("stats"), {});
}

void GmailServer::resetStats()
{
    controlObject("POST", QStringLiteral("stats/reset"), {});
}

QByteArray GmailServer::raw(const QString &messageId)
{
    const GmailHttpReply reply = control("GET", QStringLiteral("raw/") + messageId);
    return reply.status == 200 ? reply.body : QByteArray();
}

QJsonArray GmailServer::allMessages(bool includeSpamTrash)
{
    return controlObject("GET",
                         QStringLiteral("messages?includeSpamTrash=%1")
                             .arg(includeSpamTrash ? QStringLiteral("true") : QStringLiteral("false")),
                         {})
        .value(QStringLiteral("messages"))
        .toArray();
}

bool GmailServer::registerTokens(const QStringList &tokens)
{
    return !controlObject("POST", QStringLiteral("tokens"), toArray(tokens)).isEmpty();
}

bool GmailServer::revokeTokens(const QStringList &tokens)
{
    return !controlObject("POST", QStringLiteral("tokens/revoke"), toArray(tokens)).isEmpty();
}

bool GmailServer::addFault(const QJsonObject &rule)
{
    return !controlObject("POST", QStringLiteral("faults"), rule).isEmpty();
}

bool GmailServer::clearFaults()
{
    return control("DELETE", QStringLiteral("faults")).status == 200;
}

bool GmailServer::strandConnections()
{
    return !controlObject("POST", QStringLiteral("connections/strand"), QJsonObject()).isEmpty();
}

bool GmailServer::setQuota(double unitsPerSecond, double burst, double forbiddenShare)
{
    QJsonObject body{{QStringLiteral("unitsPerSecond"), unitsPerSecond},
                     {QStringLiteral("forbiddenShare"), forbiddenShare}};
    if (burst >= 0)
        body.insert(QStringLiteral("burst"), burst);
    return !controlObject("POST", QStringLiteral("quota"), body).isEmpty();
}

QJsonObject GmailServer::addMessages(int count, const QStringList &labelIds, const QString &threadId)
{
    QJsonObject body{{QStringLiteral("count"), count}};
    if (!labelIds.isEmpty())
        body.insert(QStringLiteral("labelIds"), toArray(labelIds));
    if (!threadId.isEmpty())
        body.insert(QStringLiteral("threadId"), threadId);
    return controlObject("POST", QStringLiteral("messages"), body);
}

QJsonObject GmailServer::modifyLabels(const QStringList &ids, const QStringList &add, const QStringList &remove)
{
    return controlObject("POST", QStringLiteral("messages/modify"),
                         QJsonObject{{QStringLiteral("ids"), toArray(ids)},
                                     {QStringLiteral("addLabelIds"), toArray(add)},
                                     {QStringLiteral("removeLabelIds"), toArray(remove)}});
}

QJsonObject GmailServer::trash(const QStringList &ids)
{
    return controlObject("POST", QStringLiteral("messages/trash"), QJsonObject{{QStringLiteral("ids"), toArray(ids)}});
}

QJsonObject GmailServer::deletePermanently(const QStringList &ids)
{
    return controlObject("POST", QStringLiteral("messages/delete"), QJsonObject{{QStringLiteral("ids"), toArray(ids)}});
}

QJsonObject GmailServer::expireHistory(const QString &oldestRetainedHistoryId)
{
    return controlObject("POST", QStringLiteral("history/expire"),
                         QJsonObject{{QStringLiteral("oldestRetained"), oldestRetainedHistoryId.toLongLong()}});
}

} // namespace vaulttray::test
