#include "net/oauth/redirectlistener.h"

#include "net/oauth/oauthlog.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <utility>

namespace vaulttray {

namespace {

constexpr int kHttpOk = 200;
constexpr int kHttpBadRequest = 400;
constexpr int kHttpNotFound = 404;
constexpr int kHttpMethodNotAllowed = 405;
constexpr char kCallbackPath[] = "/";
const char *const kPropertyHead = "vaulttrayRequestHead";

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case kHttpOk:
        return "OK";
    case kHttpBadRequest:
        return "Bad Request";
    case kHttpNotFound:
        return "Not Found";
    case kHttpMethodNotAllowed:
        return "Method Not Allowed";
    default:
        return "Error";
    }
}

// No scripts, styles or images: the page must not fetch anything, so the URL with the code never leaks further.
QByteArray renderPage(const RedirectPage &page)
{
    return QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%1</title></head>"
                          "<body><h1>%1</h1><p>%2</p></body></html>\n")
        .arg(page.title.toHtmlEscaped(), page.message.toHtmlEscaped())
        .toUtf8();
}

RedirectPage plainPage(int status, const char *message)
{
    return {status, QStringLiteral("vaulttray"), QString::fromLatin1(message)};
}

} // namespace

RedirectListener::RedirectListener(Handler handler, QObject *parent)
    : QObject(parent), m_handler(std::move(handler)), m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &RedirectListener::onNewConnection);
}

RedirectListener::~RedirectListener()
{
    close();
}

bool RedirectListener::listen(QString *error)
{
    // LocalHost, i.e. 127.0.0.1: RFC 8252 §8.3 prefers the literal address to "localhost", and any other address
    // would let the machine's network neighbours race the browser to the code.
    if (m_server->listen(QHostAddress(QHostAddress::LocalHost), 0))
        return true;
    *error = QStringLiteral("cannot listen on 127.0.0.1 for the sign-in redirect: %1").arg(m_server->errorString());
    return false;
}

void RedirectListener::close()
{
    if (m_server->isListening())
        qCDebug(lcOAuth) << "redirect listener on port" << m_server->serverPort() << "closed";
    m_server->close();
    const QList<QPointer<QTcpSocket>> waiting = std::exchange(m_waiting, {});
    for (const QPointer<QTcpSocket> &socket : waiting) {
        if (socket) {
            socket->abort();
            socket->deleteLater();
        }
    }
}

bool RedirectListener::isListening() const
{
    return m_server->isListening();
}

QHostAddress RedirectListener::address() const
{
    return m_server->serverAddress();
}

quint16 RedirectListener::port() const
{
    return m_server->serverPort();
}

QUrl RedirectListener::redirectUri() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(m_server->serverAddress().toString());
    url.setPort(m_server->serverPort());
    url.setPath(QString::fromLatin1(kCallbackPath));
    return url;
}

void RedirectListener::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        m_waiting.append(socket);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        QTimer::singleShot(kIdleConnectionTimeout, socket, [this, socket] {
            if (m_waiting.removeAll(socket) > 0) {
                socket->abort();
                socket->deleteLater();
            }
        });
    }
}

void RedirectListener::onReadyRead(QTcpSocket *socket)
{
    if (!m_waiting.contains(socket))
        return; // already answered
    QByteArray head = socket->property(kPropertyHead).toByteArray() + socket->readAll();
    const qsizetype end = head.indexOf("\r\n\r\n");
    if (end < 0) {
        if (head.size() > kMaxRequestHeadBytes)
            answer(socket, plainPage(kHttpBadRequest, "Request too large."));
        else
            socket->setProperty(kPropertyHead, head);
        return;
    }
    const QList<QByteArray> requestLine = head.left(head.indexOf("\r\n")).split(' ');
    if (requestLine.size() != 3 || !requestLine[2].startsWith("HTTP/1.")) {
        answer(socket, plainPage(kHttpBadRequest, "Not an HTTP/1.x request."));
        return;
    }
    if (requestLine[0] != "GET") {
        answer(socket, plainPage(kHttpMethodNotAllowed, "Only GET is answered here."));
        return;
    }
    const QByteArray target = requestLine[1];
    const qsizetype question = target.indexOf('?');
    const QByteArray path = question < 0 ? target : target.left(question);
    if (path != kCallbackPath) {
        answer(socket, plainPage(kHttpNotFound, "Nothing here."));
        return;
    }
    // Marked answered before the handler runs: it may close() the listener, which must not drop this socket.
    m_waiting.removeAll(socket);
    answer(socket, m_handler(formDecode(question < 0 ? QByteArray() : target.mid(question + 1))));
}

void RedirectListener::answer(QTcpSocket *socket, const RedirectPage &page)
{
    m_waiting.removeAll(socket);
    const QByteArray body = renderPage(page);
    QByteArray response = "HTTP/1.1 " + QByteArray::number(page.status) + ' ' + reasonPhrase(page.status) + "\r\n";
    response += "Content-Type: text/html; charset=utf-8\r\n"
                "Content-Length: " +
                QByteArray::number(body.size()) +
                "\r\n"
                "Cache-Control: no-store\r\n"
                "Referrer-Policy: no-referrer\r\n"
                "Content-Security-Policy: default-src 'none'\r\n"
                "Connection: close\r\n\r\n";
    socket->write(response + body);
    socket->disconnectFromHost(); // after the pending bytes are written
}

} // namespace vaulttray
