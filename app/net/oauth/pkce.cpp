#include "net/oauth/pkce.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace vaulttray {

QByteArray randomUrlSafeToken(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    // system(), not global(): it reads the operating system's CSPRNG and is never seeded predictably.
    QRandomGenerator *random = QRandomGenerator::system();
    for (char &c : raw)
        c = char(random->bounded(256));
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

Pkce Pkce::generate()
{
    Pkce pkce;
    pkce.verifier = randomUrlSafeToken(kVerifierBytes);
    pkce.challenge = challengeFor(pkce.verifier);
    return pkce;
}

QByteArray Pkce::challengeFor(const QByteArray &verifier)
{
    return QCryptographicHash::hash(verifier, QCryptographicHash::Sha256)
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

} // namespace vaulttray
