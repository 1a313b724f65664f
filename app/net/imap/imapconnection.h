#pragma once

#include "core/classify.h"
#include "core/failure.h"
#include "net/imap/imapendpoint.h"
#include "net/imap/responseparser.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslError>
#include <QTimer>

#include <deque>
#include <functional>
#include <memory>

class QSslSocket;

namespace vaulttray {

class ImapCommand;

// One IMAP connection over QSslSocket: connect, TLS, greeting, then a queue of tagged commands.
//
// Pipelining: a command is written as soon as it is queued, while earlier ones still wait for their answers, except
// around exclusive commands (ImapCommand::isExclusive) and while a synchronising literal waits for the server's "+".
// Untagged responses are offered to the commands in flight, oldest first; what none takes goes out as
// untaggedResponse(). Capability lists (untagged or in response codes) are tracked here.
//
// TLS: certificates are verified against the system's CAs plus the endpoint's caFile, for the endpoint's host name;
// errors are never ignored. A certificate the connection cannot trust ends it with ClientMisconfigured naming the
// problem and the certificate. Plaintext only as checkEndpoint() allows.
//
// Timeouts: connecting (TCP, TLS, greeting) within endpoint.connectTimeout; while a command is in flight, the server
// may stay silent for at most endpoint.commandTimeout. Either ends the connection with NetworkTransient.
//
// Failures end the connection: every queued and in-flight command ends with the same classified failure, then
// closed(failure) is emitted once. Nothing here retries. Destroying the connection drops its commands unfinished.
class ImapConnection : public QObject
{
    Q_OBJECT

public:
    enum class State { Idle, Connecting, Open, Closed };

    explicit ImapConnection(ImapEndpoint endpoint, QObject *parent = nullptr);
    ~ImapConnection() override;

    // Connects and waits for the greeting; opened(failure) follows exactly once.
    void open();
    // Queues a command and takes ownership. On a connection that is not open, the command ends with the failure
    // that closed it (or a NetworkTransient "not connected"), from the event loop.
    void send(ImapCommand *command);
    // Ends the connection now (sleep, quit): every command ends with Cancelled; closed() follows.
    void abort();
    // Ends the connection with a failure found above the wire (a command's protocol violation).
    void fail(const Failure &failure);

    State state() const { return m_state; }
    const ImapEndpoint &endpoint() const { return m_endpoint; }
    bool isEncrypted() const;
    // The greeting was PREAUTH: already authenticated.
    bool isPreAuthenticated() const { return m_preAuthenticated; }

    // The server's latest capability list (upper-cased); empty until it sent one.
    const QList<QByteArray> &capabilities() const { return m_capabilities; }
    bool hasCapability(const QByteArray &name) const;
    // How many capability lists the server has sent: tells whether a command's answer brought a new one.
    int capabilityUpdates() const { return m_capabilityUpdates; }
    // STARTTLS and authentication change what a server offers: the old list is void.
    void forgetCapabilities() { m_capabilities.clear(); }
    // Extensions the server confirmed with "* ENABLED" (upper-cased).
    bool isEnabled(const QByteArray &extension) const;
    // Which account kind the login was, for classifying an [EXPIRED] later.
    void setAuthMethod(ImapAuthMethod method) { m_authMethod = method; }
    ImapAuthMethod authMethod() const { return m_authMethod; }

    // Socket reads so far and bytes received: tests show that literals arrived split over many reads.
    qint64 readCount() const { return m_readCount; }
    qint64 bytesReceived() const { return m_bytesReceived; }

    // For StartTlsCommand after its tagged OK: starts the TLS handshake; done(failure) once it ended.
    void startTls(std::function<void(const Failure &)> done);
    // For LogoutCommand: the BYE that follows is expected, and the close after it is no failure.
    void expectLogout() { m_loggingOut = true; }

signals:
    void opened(const vaulttray::Failure &failure);
    // The connection ended: a clean logout (no failure) or the failure that ended it. Emitted once.
    void closed(const vaulttray::Failure &failure);
    // An untagged response no command in flight took (EXISTS, EXPUNGE, unsolicited FETCH, ALERT ...).
    void untaggedResponse(const vaulttray::ImapResponse &response);

private:
    friend class ImapCommand;

    void onEncrypted();
    void onReadyRead();
    void onSocketError();
    void onSslErrors(const QList<QSslError> &errors);
    void onDisconnected();
    void onTimeout();

    bool configureTls();
    void handleResponse(const ImapResponse &response);
    void handleGreeting(const ImapResponse &response);
    void handleUntagged(const ImapResponse &response);
    void handleTagged(const ImapResponse &response);
    void handleContinuation(const ImapResponse &response);
    void handleParseError(const ImapResponse &response);
    void noteCapabilities(const ImapResponse &response);
    void sendQueued();
    void writePart();
    void commandCompleted(ImapCommand *command);
    void finishOpening(const Failure &failure);
    void close(const Failure &failure);
    void armTimer();
    QString certificateDescription() const;

    ImapEndpoint m_endpoint;
    std::unique_ptr<QSslSocket> m_socket;
    ImapResponseParser m_parser;
    QTimer m_timer;
    State m_state = State::Idle;
    bool m_greeted = false;
    bool m_preAuthenticated = false;
    bool m_loggingOut = false;
    bool m_closeNotified = false;
    ImapAuthMethod m_authMethod = ImapAuthMethod::Password;

    std::deque<QPointer<ImapCommand>> m_queued;
    std::deque<QPointer<ImapCommand>> m_inFlight;
    QList<QByteArray> m_unsentParts; // of the newest in-flight command, waiting for "+"
    quint64 m_nextTag = 1;

    QList<QByteArray> m_capabilities;
    QList<QByteArray> m_enabled;
    QList<QSslError> m_sslErrors;
    QList<QSslCertificate> m_rejectedChain;
    Failure m_byeFailure;
    Failure m_closeFailure;
    std::function<void(const Failure &)> m_tlsDone;

    int m_capabilityUpdates = 0;
    qint64 m_readCount = 0;
    qint64 m_bytesReceived = 0;
};

} // namespace vaulttray
