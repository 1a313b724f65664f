#pragma once

#include "core/failure.h"
#include "daemon/accountconfig.h"

#include <QCoreApplication>
#include <QMetaType>
#include <QObject>

namespace vaulttray {

class ImapSession;

struct ConnectionTestResult
{
    Failure failure;
    int folders = 0; // selectable folders listed after signing in
    bool ok() const { return failure.ok(); }
};

// What a connection test found, in the terms a person acts on.
enum class ConnectionVerdict {
    SignedIn,
    Unreachable,          // name lookup, refused, timed out, cut off: check the address, or the network
    Rejected,             // the server refused the user name or password
    CertificateUntrusted, // TLS verification failed: a self-signed server needs its CA file
    ServerBusy,           // the server said "not now"
    Misconfigured,        // anything else the settings must change for (no STARTTLS, an unreadable CA file, ...)
    Other,
};

ConnectionVerdict verdictOf(const ConnectionTestResult &result);

// The plain, translatable answer to "Test connection".
class ConnectionTestText
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionTestText)

public:
    static QString answer(const ConnectionTestResult &result);
};

// "Test connection": connects and signs in with the real IMAP client, lists the folders and logs out, all on the
// event loop (the socket never blocks the GUI thread). Stores nothing. Ends in one finished(result) per start().
class ImapConnectionTester : public QObject
{
    Q_OBJECT

public:
    explicit ImapConnectionTester(QObject *parent = nullptr);
    ~ImapConnectionTester() override;

    // The password is dropped once sent. A test still running is abandoned (it reports nothing).
    void start(const ImapConfig &config, const QByteArray &password);
    bool isRunning() const { return m_session != nullptr; }

signals:
    void finished(const vaulttray::ConnectionTestResult &result);

private:
    void abandon();
    void finish(const ConnectionTestResult &result);

    ImapSession *m_session = nullptr;
};

} // namespace vaulttray

Q_DECLARE_METATYPE(vaulttray::ConnectionTestResult)
