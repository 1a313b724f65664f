#include "daemon/controlchannel.h"

#include "core/logging.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QLocalServer>
#include <QLocalSocket>
#include <QPointer>
#include <QStandardPaths>

namespace vaulttray {

namespace {
// This file's user-visible texts; their translation context is "ControlChannel".
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ControlChannel)
};

// A request is a few hundred bytes; anything far larger is not ours.
constexpr qint64 kMaxRequestBytes = 64 * 1024;
constexpr int kConnectTimeoutMs = 1000;
// The smallest sun_path among the systems we build for, less its terminating zero.
constexpr qsizetype kMaxSocketPathBytes = 104;
} // namespace

QString controlSocketName(const QString &archivePath)
{
    const QByteArray hash = QCryptographicHash::hash(QDir::cleanPath(archivePath).toUtf8(), QCryptographicHash::Sha256);
    const QString base = QStringLiteral("vaulttray-") + QString::fromLatin1(hash.toHex().left(16));
    // In the per-user runtime folder where there is one (0700 on Linux), else Qt's default place (the temporary
    // folder; the socket itself is then made owner-only by QLocalServer::UserAccessOption). A path longer than a unix
    // socket address holds (sun_path: 108 bytes on Linux, 104 on macOS and the BSDs, with its terminating zero)
    // cannot be listened on, so a deep runtime folder falls back to the default place too.
    const QString runtime = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (runtime.isEmpty())
        return base;
    const QString path = QDir(runtime).filePath(base);
    return QFile::encodeName(path).size() < kMaxSocketPathBytes ? path : base;
}

ControlServer::ControlServer(QString archivePath, Handler handler, QObject *parent)
    : QObject(parent), m_name(controlSocketName(archivePath)), m_handler(std::move(handler))
{
}

ControlServer::~ControlServer() = default;

bool ControlServer::listen(QString *error)
{
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_name)) {
        // A socket file left by a crashed instance: if nobody answers on it, it is stale.
        QLocalSocket probe;
        probe.connectToServer(m_name);
        if (probe.waitForConnected(kConnectTimeoutMs)) {
            *error = Text::tr("another vaulttray already runs for this archive");
            return false;
        }
        QLocalServer::removeServer(m_name);
        if (!m_server->listen(m_name)) {
            *error = m_server->errorString();
            return false;
        }
    }
    connect(m_server, &QLocalServer::newConnection, this, &ControlServer::onNewConnection);
    return true;
}

void ControlServer::onNewConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            if (!socket->canReadLine()) {
                if (socket->bytesAvailable() > kMaxRequestBytes)
                    socket->abort();
                return;
            }
            const QJsonDocument doc = QJsonDocument::fromJson(socket->readLine());
            const auto command = ControlCommand::fromJson(doc.object());
            QPointer<QLocalSocket> guard(socket);
            auto reply = [guard](const ControlReply &r) {
                if (!guard)
                    return;
                guard->write(QJsonDocument(r.toJson()).toJson(QJsonDocument::Compact) + '\n');
                // Now, not at the next turn of the event loop: the reply to `quit` is the last thing it runs.
                guard->flush();
                guard->disconnectFromServer();
            };
            if (!command) {
                reply(ControlReply{2, {}, Text::tr("unknown request")});
                return;
            }
            m_handler(*command, reply);
        });
    }
}

bool instanceRunning(const QString &archivePath)
{
    QLocalSocket socket;
    socket.connectToServer(controlSocketName(archivePath));
    return socket.waitForConnected(kConnectTimeoutMs);
}

std::optional<ControlReply> sendToRunningInstance(const QString &archivePath, const ControlCommand &command,
                                                  int timeoutMs)
{
    QLocalSocket socket;
    socket.connectToServer(controlSocketName(archivePath));
    if (!socket.waitForConnected(kConnectTimeoutMs))
        return std::nullopt;
    socket.write(QJsonDocument(command.toJson()).toJson(QJsonDocument::Compact) + '\n');
    socket.flush();
    QByteArray line;
    while (!socket.canReadLine()) {
        if (!socket.waitForReadyRead(timeoutMs))
            break;
    }
    line = socket.readLine();
    if (line.isEmpty()) {
        qCWarning(lcDaemon) << "the running instance did not answer";
        return ControlReply{6, {}, Text::tr("the running vaulttray did not answer")};
    }
    return ControlReply::fromJson(QJsonDocument::fromJson(line).object());
}

} // namespace vaulttray
