#pragma once

#include "net/oauth/formencoding.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <chrono>
#include <functional>

class QTcpServer;
class QTcpSocket;

namespace vaulttray {

// The page the browser shows after the redirect.
struct RedirectPage
{
    int status = 200;
    QString title;
    QString message;
};

// The loopback end of the OAuth redirect (RFC 8252 §7.3): a minimal HTTP/1.1 responder bound to 127.0.0.1 only,
// never to all interfaces, on a port the system picks. GET / with a query goes to the handler, which decides the
// page; anything else gets 404/405/400 and is otherwise ignored (a browser also asks for /favicon.ico).
class RedirectListener : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<RedirectPage(const FormFields &query)>;

    // A browser's request head is ~1 KiB; a bigger one is not a browser following our redirect.
    static constexpr int kMaxRequestHeadBytes = 16 * 1024;
    // Browsers open speculative connections that never send anything; they are dropped after this.
    static constexpr std::chrono::seconds kIdleConnectionTimeout{15};

    explicit RedirectListener(Handler handler, QObject *parent = nullptr);
    ~RedirectListener() override;

    bool listen(QString *error);
    // Stops listening at once and drops idle connections; a page being written is still delivered.
    void close();
    bool isListening() const;

    QHostAddress address() const;
    quint16 port() const;
    QUrl redirectUri() const; // http://127.0.0.1:PORT/

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void answer(QTcpSocket *socket, const RedirectPage &page);

    Handler m_handler;
    QTcpServer *m_server;
    QList<QPointer<QTcpSocket>> m_waiting; // connections whose request is still incomplete
};

} // namespace vaulttray
