#pragma once

#include "net/imap/imapendpoint.h"
#include "net/loopback.h"

#include "core/failure.h"

#include <QByteArray>
#include <QString>

namespace vaulttray {

// How to reach an IMAP account; stored as the account's settings JSON. Never holds a secret.
struct ImapConfig
{
    enum class Security { Imaps, StartTls, Plain };
    enum class Auth { Password, OAuth };

    QString host;
    int port = 0;
    Security security = Security::Imaps;
    QString user;
    Auth auth = Auth::Password;
    QString oauthClientFile; // for Auth::OAuth (XOAUTH2)
    QString caFile;          // extra trusted CA (PEM) for a self-signed server
    bool allowPlaintext = false;

    QByteArray toJson() const;
    static ImapConfig fromJson(const QByteArray &json);
};

bool parseSecurity(const QString &text, ImapConfig::Security *out);
QString securityName(ImapConfig::Security security);

// Checks a configuration before anything is stored. Returns ClientMisconfigured with a sentence a
// person can act on, or Failure::none(). Plaintext is refused except to loopback addresses unless the
// person explicitly allowed it, because it would send the password in the clear.
Failure validate(const ImapConfig &config);

// Where a login to the account goes, with the default timeouts.
ImapEndpoint endpointFor(const ImapConfig &config);


// Account names are how people refer to accounts on the command line and in the tray.
Failure validateAccountName(const QString &name);

} // namespace vaulttray
