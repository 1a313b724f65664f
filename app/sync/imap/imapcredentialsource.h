#pragma once

#include "core/failure.h"
#include "net/imap/imapsession.h"

#include <QByteArray>
#include <QObject>

#include <functional>

namespace vaulttray {

// Where an IMAP sync gets what it logs in with: the password from the keychain, or an OAuth access token.
class ImapCredentialSource
{
public:
    virtual ~ImapCredentialSource() = default;

    // The credentials for one login; done(failure, credentials) runs later in context's thread.
    virtual void credentials(QObject *context, std::function<void(const Failure &, const ImapCredentials &)> done) = 0;
    // XOAUTH2: the server refused this access token. The next credentials() brings a fresh one.
    virtual void invalidate(const QByteArray &accessToken) = 0;
};

} // namespace vaulttray
