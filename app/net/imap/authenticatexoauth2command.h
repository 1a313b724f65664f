#pragma once

#include "net/imap/imapcommand.h"

#include <QMetaType>

namespace vaulttray {

struct ImapXOAuth2Result
{
    Failure failure;
    // The server refused the access token itself (its error says 400/401, or NO [AUTHENTICATIONFAILED]). The
    // failure is then CredentialRejected for this token: a caller holding a refresh token refreshes once and tries
    // again, and only a fresh token refused the same way means the person must sign in again.
    bool tokenRejected = false;
    // The "status" of the server's JSON error (Google's format: {"status":"401","schemes":...}), when it sent one.
    QString serverStatus;
};

// AUTHENTICATE XOAUTH2 (Google's SASL mechanism, also Microsoft's and Dovecot's): user and bearer token in one
// initial response. On a refused token the server first sends a "+" carrying a base64 JSON error, which must be
// answered with an empty line before the tagged NO arrives.
class AuthenticateXOAuth2Command : public ImapCommand
{
    Q_OBJECT

public:
    AuthenticateXOAuth2Command(QString user, QByteArray accessToken, QObject *parent = nullptr);

signals:
    void finished(const vaulttray::ImapXOAuth2Result &result);

protected:
    ImapArguments arguments(const ImapConnection &connection) override;
    bool handleContinuation(const ImapResponse &response, QByteArray *reply) override;
    void handleTagged(const ImapResponse &response) override;
    ImapPhase phase() const override { return ImapPhase::Login; }
    void finish(const Failure &failure) override;

private:
    QByteArray initialResponse() const;

    QString m_user;
    QByteArray m_token;
    bool m_initialSent = false;
    ImapXOAuth2Result m_result;
};

} // namespace vaulttray

Q_DECLARE_METATYPE(vaulttray::ImapXOAuth2Result)
