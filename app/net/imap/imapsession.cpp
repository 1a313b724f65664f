#include "net/imap/imapsession.h"

#include "net/imap/authenticateplaincommand.h"
#include "net/imap/authenticatexoauth2command.h"
#include "net/imap/capabilitycommand.h"
#include "net/imap/enablecommand.h"
#include "net/imap/imapconnection.h"
#include "net/imap/imaplog.h"
#include "net/imap/logincommand.h"
#include "net/imap/logoutcommand.h"
#include "net/imap/starttlscommand.h"

#include <QPointer>

namespace vaulttray {

namespace {

using K = FailureKind;

} // namespace

ImapSession::ImapSession(ImapEndpoint endpoint, ImapCredentials credentials, ImapSessionOptions options,
                         QObject *parent)
    : QObject(parent), m_credentials(std::move(credentials)), m_options(options),
      m_connection(new ImapConnection(std::move(endpoint), this))
{
    m_connection->setAuthMethod(m_credentials.method);
    connect(m_connection, &ImapConnection::opened, this, &ImapSession::onConnectionOpened);
    connect(m_connection, &ImapConnection::closed, this, &ImapSession::onConnectionClosed);
}

ImapSession::~ImapSession()
{
    m_credentials.secret.fill('\0');
}

void ImapSession::open()
{
    if (m_opening || m_open)
        return;
    m_opening = true;
    m_connection->open();
}

void ImapSession::close()
{
    if (m_connection->state() != ImapConnection::State::Open) {
        m_connection->abort();
        return;
    }
    m_connection->send(new LogoutCommand);
}

void ImapSession::abort()
{
    m_connection->abort();
}

void ImapSession::onConnectionOpened(const Failure &failure)
{
    if (failure) {
        fail(failure);
        return;
    }
    if (m_connection->endpoint().security == ImapSecurity::StartTls) {
        if (m_connection->isPreAuthenticated()) {
            fail(Failure::of(K::ClientMisconfigured,
                             QStringLiteral("IMAP: the server greeted with PREAUTH before STARTTLS, so the connection "
                                            "cannot be encrypted")));
            return;
        }
        if (m_connection->capabilities().isEmpty())
            askCapabilities(&ImapSession::startTls);
        else
            startTls();
        return;
    }
    if (m_connection->isPreAuthenticated()) {
        afterAuthentication();
        return;
    }
    if (m_connection->capabilities().isEmpty())
        askCapabilities(&ImapSession::authenticate);
    else
        authenticate();
}

void ImapSession::askCapabilities(void (ImapSession::*next)())
{
    auto *command = new CapabilityCommand;
    connect(command, &CapabilityCommand::finished, this, [this, next](const Failure &failure) {
        if (failure)
            fail(failure);
        else
            (this->*next)();
    });
    m_connection->send(command);
}

void ImapSession::startTls()
{
    if (!m_connection->hasCapability("STARTTLS")) {
        fail(Failure::of(
            K::ClientMisconfigured,
            QStringLiteral("IMAP: the server does not offer STARTTLS; use imaps, or plain on this machine")));
        return;
    }
    auto *command = new StartTlsCommand;
    connect(command, &StartTlsCommand::finished, this, [this](const Failure &failure) {
        if (failure)
            fail(failure);
        else
            askCapabilities(&ImapSession::authenticate);
    });
    m_connection->send(command);
}

void ImapSession::authenticate()
{
    const QByteArray secret = m_credentials.secret;
    m_credentials.secret.fill('\0');
    m_credentials.secret.clear();
    m_capabilitiesBeforeLogin = m_connection->capabilityUpdates();
    if (m_credentials.method == ImapAuthMethod::XOAuth2) {
        if (!m_connection->hasCapability("AUTH=XOAUTH2")) {
            fail(Failure::of(K::ClientMisconfigured, QStringLiteral("IMAP: the server does not offer XOAUTH2")));
            return;
        }
        auto *command = new AuthenticateXOAuth2Command(m_credentials.user, secret);
        connect(command, &AuthenticateXOAuth2Command::finished, this, [this](const ImapXOAuth2Result &result) {
            if (result.failure)
                fail(result.failure, result.tokenRejected);
            else
                afterAuthentication();
        });
        m_connection->send(command);
        return;
    }
    const auto done = [this](const Failure &failure) {
        if (failure)
            fail(failure);
        else
            afterAuthentication();
    };
    if (m_connection->hasCapability("AUTH=PLAIN")) {
        auto *command = new AuthenticatePlainCommand(m_credentials.user, secret);
        connect(command, &AuthenticatePlainCommand::finished, this, done);
        m_connection->send(command);
    } else if (!m_connection->hasCapability("LOGINDISABLED")) {
        auto *command = new LoginCommand(m_credentials.user, secret);
        connect(command, &LoginCommand::finished, this, done);
        m_connection->send(command);
    } else {
        fail(Failure::of(K::ClientMisconfigured,
                         QStringLiteral("IMAP: the server offers neither AUTH=PLAIN nor LOGIN on this connection")));
    }
}

void ImapSession::afterAuthentication()
{
    // A server offers more once authenticated; the list from before is stale unless the login's answer had one.
    if (m_connection->capabilityUpdates() == m_capabilitiesBeforeLogin)
        m_connection->forgetCapabilities();
    if (m_connection->capabilities().isEmpty())
        askCapabilities(&ImapSession::enableExtensions);
    else
        enableExtensions();
}

void ImapSession::enableExtensions()
{
    if (!m_options.enableQResync || !m_connection->hasCapability("QRESYNC") || !m_connection->hasCapability("ENABLE")) {
        succeed();
        return;
    }
    auto *command = new EnableCommand({"QRESYNC"});
    connect(command, &EnableCommand::finished, this, [this](const Failure &failure) {
        // A refused ENABLE only costs the faster resync: the session is still good.
        if (failure)
            qCInfo(lcImap) << "ENABLE QRESYNC refused:" << failure.detail;
        succeed();
    });
    m_connection->send(command);
}

void ImapSession::succeed()
{
    m_opening = false;
    m_open = true;
    emit opened(ImapOpenResult{});
}

void ImapSession::fail(const Failure &failure, bool tokenRejected)
{
    if (!m_opening)
        return;
    m_opening = false;
    m_credentials.secret.fill('\0');
    const QPointer<ImapSession> self(this);
    emit opened(ImapOpenResult{failure, tokenRejected});
    if (self)
        m_connection->abort();
}

void ImapSession::onConnectionClosed(const Failure &failure)
{
    if (m_opening) {
        fail(failure);
        return;
    }
    if (!m_open)
        return;
    m_open = false;
    emit closed(failure);
}

} // namespace vaulttray
