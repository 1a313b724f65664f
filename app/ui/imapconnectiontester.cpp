#include "ui/imapconnectiontester.h"

#include "core/logging.h"
#include "net/imap/imapconnection.h"
#include "net/imap/imapsession.h"
#include "net/imap/listcommand.h"
#include "net/networkfailure.h"

#include <algorithm>

namespace vaulttray {

ConnectionVerdict verdictOf(const ConnectionTestResult &result)
{
    switch (result.failure.kind) {
    case FailureKind::None:
        return ConnectionVerdict::SignedIn;
    case FailureKind::NetworkTransient:
        return ConnectionVerdict::Unreachable;
    case FailureKind::CredentialRejected:
        return ConnectionVerdict::Rejected;
    case FailureKind::ServerTransient:
        return ConnectionVerdict::ServerBusy;
    case FailureKind::ClientMisconfigured:
        // The kind says "change the settings"; which setting, the TLS layer's own words tell (net/networkfailure.h).
        return isCertificateFailure({}, result.failure.detail) ? ConnectionVerdict::CertificateUntrusted
                                                               : ConnectionVerdict::Misconfigured;
    case FailureKind::Local:
    case FailureKind::BadData:
    case FailureKind::Cancelled:
        return ConnectionVerdict::Other;
    }
    return ConnectionVerdict::Other;
}

QString ConnectionTestText::answer(const ConnectionTestResult &result)
{
    switch (verdictOf(result)) {
    case ConnectionVerdict::SignedIn:
        return tr("Connected and signed in: %n folder(s).", nullptr, result.folders);
    case ConnectionVerdict::Unreachable:
        return tr("Could not reach the server. Check the server name and port, and that this computer is online.");
    case ConnectionVerdict::Rejected:
        return tr("The server rejected the user name or password.");
    case ConnectionVerdict::CertificateUntrusted:
        return tr("The server's certificate is not trusted. If the server uses a certificate of its own, choose its "
                  "CA file.");
    case ConnectionVerdict::ServerBusy:
        return tr("The server is not available right now. Try again later.");
    case ConnectionVerdict::Misconfigured:
        return tr("The server cannot be used with these settings: %1").arg(result.failure.detail);
    case ConnectionVerdict::Other:
        return tr("The test did not complete: %1").arg(result.failure.detail);
    }
    return {};
}

ImapConnectionTester::ImapConnectionTester(QObject *parent) : QObject(parent) {}

ImapConnectionTester::~ImapConnectionTester()
{
    if (m_session) {
        m_session->disconnect(this);
        delete m_session;
    }
}

void ImapConnectionTester::start(const ImapConfig &config, const QByteArray &password)
{
    abandon();
    if (const Failure bad = validate(config)) {
        // Answered from the event loop like every other outcome.
        QMetaObject::invokeMethod(
            this,
            [this, bad] {
                emit finished({bad, 0});
            },
            Qt::QueuedConnection);
        return;
    }
    ImapSessionOptions options;
    options.enableQResync = false; // nothing is examined
    const ImapAuthMethod method =
        config.auth == ImapConfig::Auth::OAuth ? ImapAuthMethod::XOAuth2 : ImapAuthMethod::Password;
    m_session = new ImapSession(endpointFor(config), ImapCredentials{method, config.user, password}, options);
    ImapSession *session = m_session;
    // However it ends, the session goes once closed: after a failed opening, or after the LOGOUT below.
    connect(session, &ImapSession::closed, session, &QObject::deleteLater);
    connect(session, &ImapSession::opened, this, [this, session](const ImapOpenResult &opened) {
        if (!opened.failure.ok()) {
            session->deleteLater();
            finish({opened.failure, 0});
            return;
        }
        auto *list = new ListCommand;
        connect(list, &ListCommand::finished, this, [this, session](const ImapListResult &listed) {
            const int folders = int(std::count_if(listed.mailboxes.begin(), listed.mailboxes.end(),
                                                  [](const ImapListEntry &e) { return e.isSelectable(); }));
            if (session->isOpen())
                session->close(); // LOGOUT; its answer changes nothing
            finish({listed.failure, listed.failure.ok() ? folders : 0});
        });
        session->connection().send(list);
    });
    qCInfo(lcUi).noquote() << "testing the connection to" << config.host << config.port;
    session->open();
}

void ImapConnectionTester::abandon()
{
    if (!m_session)
        return;
    ImapSession *session = std::exchange(m_session, nullptr);
    session->disconnect(this);
    session->abort();
    session->deleteLater();
}

void ImapConnectionTester::finish(const ConnectionTestResult &result)
{
    if (m_session)
        m_session->disconnect(this);
    m_session = nullptr;
    if (result.ok())
        qCInfo(lcUi).noquote() << "connection test: signed in," << result.folders << "folders";
    else
        qCInfo(lcUi).noquote() << "connection test:" << toString(result.failure.kind) << result.failure.detail;
    emit finished(result);
}

} // namespace vaulttray
