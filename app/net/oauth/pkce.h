#pragma once

#include <QByteArray>

namespace vaulttray {

// RFC 7636 (PKCE) with the S256 method: the authorization request carries the challenge, the code exchange the
// verifier, so a code intercepted on its way to the loopback listener is useless to whoever caught it.
struct Pkce
{
    static constexpr char kMethod[] = "S256";
    // 48 random bytes give a 64-character verifier: inside RFC 7636's 43..128, 384 bits of entropy.
    static constexpr int kVerifierBytes = 48;

    QByteArray verifier;  // base64url without padding: only unreserved characters
    QByteArray challenge; // BASE64URL(SHA256(ASCII(verifier)))

    // A fresh verifier from the system's CSPRNG, and its challenge.
    static Pkce generate();
    static QByteArray challengeFor(const QByteArray &verifier);
};

// `bytes` bytes from the system's CSPRNG (QRandomGenerator::system()), base64url-encoded without padding.
QByteArray randomUrlSafeToken(int bytes);

} // namespace vaulttray
