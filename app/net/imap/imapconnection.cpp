#include "net/imap/imapconnection.h"

#include "net/imap/imapcommand.h"
#include "net/imap/imaplog.h"
#include "net/imap/responsedata.h"
#include "net/imap/responsetokenizer.h"
#include "net/networkfailure.h"

#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>

#include <algorithm>

namespace vaulttray {

namespace {

using K = FailureKind;

QString seconds(std::chrono::milliseconds ms)
{
    return QString::number(double(ms.count()) / 1000.0, 'g', 3);
}

QString certificateName(const QSslCertificate &c, QSslCertificate::SubjectInfo info, bool issuer)
{
    const QStringList values = issuer ? c.issuerInfo(info) : c.subjectInfo(info);
    return values.isEmpty() ? QStringLiteral("?") : values.join(QLatin1Char(','));
}

} // namespace

ImapConnection::ImapConnection(ImapEndpoint endpoint, QObject *parent)
    : QObject(parent), m_endpoint(std::move(endpoint))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ImapConnection::onTimeout);
}

ImapConnection::~ImapConnection()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
    for (auto &c : m_inFlight)
        delete c.data();
    for (auto &c : m_queued)
        delete c.data();
}

bool ImapConnection::isEncrypted() const
{
    return m_socket && m_socket->isEncrypted();
}

bool ImapConnection::hasCapability(const QByteArray &name) const
{
    return m_capabilities.contains(name.toUpper());
}

bool ImapConnection::isEnabled(const QByteArray &extension) const
{
    return m_enabled.contains(extension.toUpper());
}

void ImapConnection::open()
{
    if (m_state != State::Idle)
        return;
    m_state = State::Connecting;
    const Failure bad = checkEndpoint(m_endpoint);
    if (bad) {
        QTimer::singleShot(0, this, [this, bad] { close(bad); });
        return;
    }
    m_socket = std::make_unique<QSslSocket>();
    connect(m_socket.get(), &QSslSocket::readyRead, this, &ImapConnection::onReadyRead);
    connect(m_socket.get(), &QSslSocket::encrypted, this, &ImapConnection::onEncrypted);
    connect(m_socket.get(), &QSslSocket::errorOccurred, this, &ImapConnection::onSocketError);
    connect(m_socket.get(), &QSslSocket::sslErrors, this, &ImapConnection::onSslErrors);
    connect(m_socket.get(), &QSslSocket::disconnected, this, &ImapConnection::onDisconnected);
    m_timer.start(m_endpoint.connectTimeout);
    qCDebug(lcImap) << "connecting to" << m_endpoint.host << m_endpoint.port;
    if (m_endpoint.security == ImapSecurity::Imaps) {
        if (!configureTls())
            return;
        m_socket->connectToHostEncrypted(m_endpoint.host, m_endpoint.port);
    } else {
        m_socket->connectToHost(m_endpoint.host, m_endpoint.port);
    }
}

bool ImapConnection::configureTls()
{
    if (!QSslSocket::supportsSsl()) {
        QTimer::singleShot(0, this, [this] {
            close(Failure::of(K::Local, QStringLiteral("IMAP: no TLS support in this Qt installation")));
        });
        return false;
    }
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!m_endpoint.caFile.isEmpty()) {
        const QList<QSslCertificate> cas = QSslCertificate::fromPath(m_endpoint.caFile, QSsl::Pem);
        if (cas.isEmpty()) {
            const Failure f = Failure::of(
                K::ClientMisconfigured,
                QStringLiteral("IMAP: the CA file %1 is missing or holds no PEM certificate").arg(m_endpoint.caFile));
            QTimer::singleShot(0, this, [this, f] { close(f); });
            return false;
        }
        config.addCaCertificates(cas);
    }
    m_socket->setSslConfiguration(config);
    m_socket->setPeerVerifyName(m_endpoint.host);
    return true;
}

void ImapConnection::send(ImapCommand *command)
{
    command->m_connection = this;
    command->setParent(this);
    if (m_state != State::Open) {
        const Failure f =
            m_closeFailure ? m_closeFailure : Failure::of(K::NetworkTransient, QStringLiteral("IMAP: not connected"));
        QTimer::singleShot(0, command, [command, f] { command->complete(f); });
        return;
    }
    m_queued.emplace_back(command);
    sendQueued();
}

void ImapConnection::abort()
{
    close(Failure::of(K::Cancelled, QStringLiteral("IMAP: connection closed on request")));
}

void ImapConnection::fail(const Failure &failure)
{
    close(failure);
}

void ImapConnection::sendQueued()
{
    while (m_state == State::Open && !m_queued.empty() && m_unsentParts.isEmpty() && !m_tlsDone) {
        QPointer<ImapCommand> next = m_queued.front();
        if (!next) {
            m_queued.pop_front();
            continue;
        }
        if (!m_inFlight.empty() && (next->isExclusive() || (m_inFlight.front() && m_inFlight.front()->isExclusive())))
            break;
        m_queued.pop_front();
        next->m_tag = 'A' + QByteArray::number(m_nextTag++);
        m_unsentParts = next->arguments(*this).render(next->m_tag, next->name(), hasCapability("LITERAL+"));
        m_inFlight.push_back(next);
        qCDebug(lcImap) << "sent" << next->m_tag << next->name();
        writePart();
        next->sent();
    }
    armTimer();
}

void ImapConnection::writePart()
{
    if (!m_unsentParts.isEmpty())
        m_socket->write(m_unsentParts.takeFirst());
}

void ImapConnection::onEncrypted()
{
    qCDebug(lcImap) << "TLS established" << m_socket->sessionProtocol();
    if (m_tlsDone) {
        auto done = std::move(m_tlsDone);
        m_tlsDone = nullptr;
        done(Failure::none());
    }
}

void ImapConnection::startTls(std::function<void(const Failure &)> done)
{
    // Whatever the server sent after its OK arrived in plaintext: a man in the middle can inject responses there
    // (the STARTTLS injection flaws, CVE-2011-0411 and its siblings in IMAP servers and clients). It is refused,
    // never read as if it had come through TLS.
    if (m_parser.hasResponse() || m_parser.pendingBytes() > 0 || m_socket->bytesAvailable() > 0) {
        close(Failure::of(K::ClientMisconfigured,
                          QStringLiteral("IMAP: the server sent data after accepting STARTTLS (a response injection "
                                         "in transit?); refusing the connection")));
        return;
    }
    m_parser = ImapResponseParser();
    m_tlsDone = std::move(done);
    if (!configureTls())
        return;
    m_socket->startClientEncryption();
    armTimer();
}

void ImapConnection::onReadyRead()
{
    const QPointer<ImapConnection> self(this);
    if (m_state == State::Closed)
        return;
    const QByteArray data = m_socket->readAll();
    if (data.isEmpty())
        return;
    ++m_readCount;
    m_bytesReceived += data.size();
    m_parser.feed(data);
    while (self && m_state != State::Closed && !m_tlsDone) {
        const auto response = m_parser.next();
        if (!response)
            break;
        handleResponse(*response);
    }
    if (self && m_state == State::Open)
        armTimer();
}

void ImapConnection::handleResponse(const ImapResponse &response)
{
    if (!m_greeted) {
        handleGreeting(response);
        return;
    }
    switch (response.kind) {
    case ImapResponse::Kind::Untagged:
        handleUntagged(response);
        break;
    case ImapResponse::Kind::Tagged:
        handleTagged(response);
        break;
    case ImapResponse::Kind::Continuation:
        handleContinuation(response);
        break;
    case ImapResponse::Kind::ParseError:
        handleParseError(response);
        break;
    }
}

void ImapConnection::handleGreeting(const ImapResponse &response)
{
    if (response.kind == ImapResponse::Kind::Untagged && response.status) {
        const ImapStatus status = *response.status;
        if (status == ImapStatus::Ok || status == ImapStatus::PreAuth) {
            m_greeted = true;
            m_preAuthenticated = status == ImapStatus::PreAuth;
            noteCapabilities(response);
            finishOpening(Failure::none());
            return;
        }
        close(classifyImapStatus(status, response.codeRaw, response.text, ImapPhase::Greeting, m_authMethod));
        return;
    }
    close(Failure::of(K::ClientMisconfigured,
                      QStringLiteral("IMAP: %1:%2 did not greet as an IMAP server (wrong port or security setting?)")
                          .arg(m_endpoint.host)
                          .arg(m_endpoint.port)));
}

void ImapConnection::finishOpening(const Failure &failure)
{
    m_state = State::Open;
    m_timer.stop();
    qCDebug(lcImap) << "greeted" << (m_preAuthenticated ? "PREAUTH" : "OK") << "encrypted:" << isEncrypted();
    emit opened(failure);
}

void ImapConnection::noteCapabilities(const ImapResponse &response)
{
    if (const auto caps = imapCapabilities(response)) {
        m_capabilities = *caps;
        ++m_capabilityUpdates;
    }
}

void ImapConnection::handleUntagged(const ImapResponse &response)
{
    noteCapabilities(response);
    if (response.status == ImapStatus::Bye) {
        if (m_loggingOut)
            return;
        m_byeFailure =
            classifyImapStatus(ImapStatus::Bye, response.codeRaw, response.text, ImapPhase::Command, m_authMethod);
        close(m_byeFailure);
        return;
    }
    if (!response.status && response.name == "ENABLED") {
        for (const ImapValue &v : response.args)
            if (!m_enabled.contains(v.bytes().toUpper()))
                m_enabled.append(v.bytes().toUpper());
    }
    // A copy: a command may end, and leave the list, while it handles the response.
    const auto inFlight = m_inFlight;
    for (const QPointer<ImapCommand> &c : inFlight)
        if (c && c->handleUntagged(response))
            return;
    if (response.status && response.code == "ALERT")
        qCWarning(lcImap) << "server alert:" << response.text.left(imaptokenizer::kMaxErrorLineBytes);
    emit untaggedResponse(response);
}

void ImapConnection::handleTagged(const ImapResponse &response)
{
    const auto it = std::find_if(m_inFlight.begin(), m_inFlight.end(),
                                 [&](const QPointer<ImapCommand> &c) { return c && c->m_tag == response.tag; });
    if (it == m_inFlight.end()) {
        qCWarning(lcImap) << "tagged response for no command in flight:" << response.tag;
        return;
    }
    const QPointer<ImapCommand> command = *it;
    if (!response.status) {
        command->complete(Failure::of(K::BadData, QStringLiteral("IMAP: a tagged answer without a status")));
        return;
    }
    if (command == m_inFlight.back())
        m_unsentParts.clear(); // refused before its literal went out
    noteCapabilities(response);
    qCDebug(lcImap) << "done" << response.tag << command->name() << imapStatusName(*response.status) << response.code;
    command->handleTagged(response);
}

void ImapConnection::handleContinuation(const ImapResponse &response)
{
    if (!m_unsentParts.isEmpty()) {
        writePart();
        if (m_unsentParts.isEmpty())
            sendQueued();
        return;
    }
    QByteArray reply;
    ImapCommand *waiting = m_inFlight.empty() ? nullptr : m_inFlight.back().data();
    if (waiting && waiting->handleContinuation(response, &reply)) {
        m_socket->write(reply + "\r\n");
        return;
    }
    close(Failure::of(K::BadData, QStringLiteral("IMAP: the server asked for a continuation no command expected")));
}

void ImapConnection::handleParseError(const ImapResponse &response)
{
    qCWarning(lcImap) << "unreadable response:" << response.errorDetail;
    const QByteArray tag = response.errorLine.left(response.errorLine.indexOf(' '));
    const auto it = std::find_if(m_inFlight.begin(), m_inFlight.end(),
                                 [&](const QPointer<ImapCommand> &c) { return c && c->m_tag == tag; });
    if (it != m_inFlight.end() && *it) {
        (*it)->complete(Failure::of(
            K::BadData, QStringLiteral("IMAP: unreadable answer to %1").arg(QString::fromLatin1((*it)->name()))));
        return;
    }
    const auto inFlight = m_inFlight;
    for (const QPointer<ImapCommand> &c : inFlight)
        if (c && c->handleUntagged(response))
            return;
}

void ImapConnection::commandCompleted(ImapCommand *command)
{
    const auto drop = [command](std::deque<QPointer<ImapCommand>> &list) {
        list.erase(std::remove_if(list.begin(), list.end(),
                                  [command](const QPointer<ImapCommand> &c) { return !c || c == command; }),
                   list.end());
    };
    drop(m_inFlight);
    drop(m_queued);
    command->deleteLater();
    if (m_state == State::Open)
        sendQueued();
}

void ImapConnection::onSslErrors(const QList<QSslError> &errors)
{
    // Never ignored: Qt aborts the handshake after this signal, and onSocketError names what was wrong.
    m_sslErrors = errors;
    m_rejectedChain = m_socket->peerCertificateChain();
}

QString ImapConnection::certificateDescription() const
{
    if (m_rejectedChain.isEmpty())
        return {};
    const QSslCertificate &c = m_rejectedChain.constFirst();
    return QStringLiteral(" (certificate for %1, issued by %2, SHA-256 %3)")
        .arg(certificateName(c, QSslCertificate::CommonName, false),
             certificateName(c, QSslCertificate::CommonName, true),
             QString::fromLatin1(c.digest(QCryptographicHash::Sha256).toHex(':')));
}

void ImapConnection::onSocketError()
{
    if (m_state == State::Closed)
        return;
    const QAbstractSocket::SocketError error = m_socket->error();
    if (error == QAbstractSocket::RemoteHostClosedError) {
        onDisconnected();
        return;
    }
    Failure f = classifySocketError(error, m_socket->errorString(), m_sslErrors);
    if (isCertificateFailure(m_sslErrors, m_socket->errorString()))
        f.detail += certificateDescription();
    f.detail = QStringLiteral("IMAP %1:%2: ").arg(m_endpoint.host).arg(m_endpoint.port) + f.detail;
    close(f);
}

void ImapConnection::onDisconnected()
{
    if (m_state == State::Closed)
        return;
    if (m_loggingOut)
        close(Failure::none());
    else if (m_byeFailure)
        close(m_byeFailure);
    else if (m_tlsDone || (m_endpoint.security == ImapSecurity::Imaps && !isEncrypted()))
        close(Failure::of(K::NetworkTransient, QStringLiteral("IMAP: the server closed the connection during the "
                                                              "TLS handshake")));
    else
        close(Failure::of(K::NetworkTransient, QStringLiteral("IMAP: connection closed by the server")));
}

void ImapConnection::onTimeout()
{
    if (m_state == State::Connecting)
        close(Failure::of(K::NetworkTransient, QStringLiteral("IMAP %1:%2: no connection and greeting within %3 s")
                                                   .arg(m_endpoint.host)
                                                   .arg(m_endpoint.port)
                                                   .arg(seconds(m_endpoint.connectTimeout))));
    else if (m_state == State::Open)
        close(Failure::of(
            K::NetworkTransient,
            QStringLiteral("IMAP: the server did not answer for %1 s").arg(seconds(m_endpoint.commandTimeout))));
}

void ImapConnection::armTimer()
{
    if (m_state != State::Open)
        return;
    if (!m_inFlight.empty() || m_tlsDone)
        m_timer.start(m_endpoint.commandTimeout);
    else
        m_timer.stop();
}

void ImapConnection::close(const Failure &failure)
{
    if (m_state == State::Closed)
        return;
    const QPointer<ImapConnection> self(this);
    const bool wasOpening = m_state != State::Open;
    m_state = State::Closed;
    m_closeFailure = failure ? failure : Failure::of(K::NetworkTransient, QStringLiteral("IMAP: connection closed"));
    m_timer.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
    if (failure)
        qCInfo(lcImap) << "connection ended:" << failure.detail;
    else
        qCDebug(lcImap) << "connection closed after logout";
    if (m_tlsDone) {
        auto done = std::move(m_tlsDone);
        m_tlsDone = nullptr;
        done(m_closeFailure);
        if (!self)
            return;
    }
    if (wasOpening) {
        emit opened(failure);
        if (!self)
            return;
    }
    std::deque<QPointer<ImapCommand>> pending;
    pending.swap(m_inFlight);
    for (auto &c : m_queued)
        pending.push_back(c);
    m_unsentParts.clear();
    const qsizetype inFlightCount = qsizetype(pending.size()) - qsizetype(m_queued.size());
    for (qsizetype i = 0; i < qsizetype(pending.size()); ++i) {
        // After a clean logout the LOGOUT in flight succeeded; anything queued behind it never went out.
        if (const QPointer<ImapCommand> &c = pending[size_t(i)])
            c->complete(!failure && i < inFlightCount ? Failure::none() : m_closeFailure);
        if (!self)
            return;
    }
    m_queued.clear();
    if (!m_closeNotified) {
        m_closeNotified = true;
        emit closed(failure);
    }
}

} // namespace vaulttray
