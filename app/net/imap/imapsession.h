#pragma once

#include "core/classify.h"
#include "core/failure.h"
#include "net/imap/imapendpoint.h"

#include <QByteArray>
#include <QMetaType>
#include <QObject>
#include <QString>

namespace vaulttray {

class ImapConnection;
class ImapCommand;

struct ImapCredentials
{
    ImapAuthMethod method = ImapAuthMethod::Password;
    QString user;
    QByteArray secret; // the password, or the OAuth access token; wiped once used
};

struct ImapSessionOptions
{
    // ENABLE QRESYNC when the server offers it, so ExamineCommand can resynchronise a folder in one round trip.
    bool enableQResync = true;
};

struct ImapOpenResult
{
    Failure failure;
    // XOAUTH2: the server refused the access token (see ImapXOAuth2Result::tokenRejected).
    bool tokenRejected = false;
};

// An authenticated IMAP session: connect → (STARTTLS → CAPABILITY) → CAPABILITY if the greeting listed none →
// LOGIN / AUTHENTICATE PLAIN / AUTHENTICATE XOAUTH2 → CAPABILITY if the login's answer listed none → ENABLE QRESYNC.
// opened(result) once; then commands go to connection() until close() or a failure (closed()).
//
// Choices: AUTHENTICATE PLAIN when the server offers AUTH=PLAIN, else LOGIN unless LOGINDISABLED; XOAUTH2 only
// when offered. STARTTLS missing in starttls mode, or a PREAUTH greeting before TLS there, is ClientMisconfigured:
// never a silent fall back to plaintext.
class ImapSession : public QObject
{
    Q_OBJECT

public:
    ImapSession(ImapEndpoint endpoint, ImapCredentials credentials, ImapSessionOptions options = {},
                QObject *parent = nullptr);
    ~ImapSession() override;

    void open();
    // LOGOUT, then the connection closes; closed() follows. While still opening: ends the opening, and opened()
    // reports Cancelled.
    void close();
    // Ends at once (sleep, quit): the commands in flight end Cancelled, then closed() (or, while opening, opened()).
    void abort();

    ImapConnection &connection() { return *m_connection; }
    bool isOpen() const { return m_open; }

signals:
    void opened(const vaulttray::ImapOpenResult &result);
    void closed(const vaulttray::Failure &failure);

private:
    void onConnectionOpened(const Failure &failure);
    void onConnectionClosed(const Failure &failure);
    void startTls();
    void askCapabilities(void (ImapSession::*next)());
    void authenticate();
    void afterAuthentication();
    void enableExtensions();
    void fail(const Failure &failure, bool tokenRejected = false);
    void succeed();

    ImapCredentials m_credentials;
    ImapSessionOptions m_options;
    ImapConnection *m_connection;
    int m_capabilitiesBeforeLogin = 0;
    bool m_opening = false;
    bool m_open = false;
};

} // namespace vaulttray

Q_DECLARE_METATYPE(vaulttray::ImapOpenResult)
