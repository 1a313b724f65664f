#include "net/imap/authenticatexoauth2command.h"

#include "net/imap/imapconnection.h"
#include "net/imap/imaplog.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace vaulttray {

namespace {

// The HTTP-like statuses of the JSON error that mean "this token is no good" (Google sends 400 for an expired or
// revoked token, Dovecot's oauth2 passdb 401).
bool tokenStatus(const QString &status)
{
    return status == QLatin1String("400") || status == QLatin1String("401");
}

} // namespace

AuthenticateXOAuth2Command::AuthenticateXOAuth2Command(QString user, QByteArray accessToken, QObject *parent)
    : ImapCommand("AUTHENTICATE XOAUTH2", true, parent), m_user(std::move(user)), m_token(std::move(accessToken))
{
}

QByteArray AuthenticateXOAuth2Command::initialResponse() const
{
    return ("user=" + m_user.toUtf8() + "\x01" + "auth=Bearer " + m_token + "\x01\x01").toBase64();
}

ImapArguments AuthenticateXOAuth2Command::arguments(const ImapConnection &connection)
{
    ImapArguments a;
    if (connection.hasCapability("SASL-IR")) {
        a.atom(initialResponse());
        m_initialSent = true;
    }
    return a;
}

bool AuthenticateXOAuth2Command::handleContinuation(const ImapResponse &response, QByteArray *reply)
{
    if (!m_initialSent) {
        *reply = initialResponse();
        m_initialSent = true;
        return true;
    }
    // The error challenge: remember what it says, answer with an empty line, and the tagged NO follows.
    const QJsonObject error = QJsonDocument::fromJson(QByteArray::fromBase64(response.text.trimmed())).object();
    m_result.serverStatus = error.value(QLatin1String("status")).toString();
    qCDebug(lcImap) << "XOAUTH2 error status" << m_result.serverStatus;
    reply->clear();
    return true;
}

void AuthenticateXOAuth2Command::handleTagged(const ImapResponse &response)
{
    if (response.status == ImapStatus::Ok) {
        complete(Failure::none());
        return;
    }
    const ImapStatus status = response.status.value_or(ImapStatus::Bad);
    const bool refused =
        tokenStatus(m_result.serverStatus) ||
        imapNeedsTokenRefresh(status, response.codeRaw, response.text, ImapPhase::Login, ImapAuthMethod::XOAuth2);
    if (refused && status == ImapStatus::No) {
        m_result.tokenRejected = true;
        QString detail = QStringLiteral("AUTHENTICATE XOAUTH2: the server rejected the access token");
        if (!m_result.serverStatus.isEmpty())
            detail += QStringLiteral(" (status %1)").arg(m_result.serverStatus);
        complete(Failure::of(FailureKind::CredentialRejected, detail));
        return;
    }
    complete(classify(response));
}

void AuthenticateXOAuth2Command::finish(const Failure &failure)
{
    m_token.fill('\0');
    m_result.failure = failure;
    emit finished(m_result);
}

} // namespace vaulttray
