#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace vaulttray {

// IMAP's modified UTF-7 for mailbox names (RFC 3501 §5.1.3): printable US-ASCII stands for itself, "&-" for "&",
// and "&...-" wraps UTF-16BE in base64 with "," in place of "/" and no padding.
//
// nullopt when the bytes are not valid modified UTF-7: a byte outside 0x20..0x7e, a "&" run that is not closed by
// "-", a character outside the modified base64 alphabet, leftover bits that are not zero, a UTF-16 sequence that
// ends mid-unit or with an unpaired surrogate. Non-canonical but unambiguous spellings (a run encoding printable
// ASCII, two adjacent runs) are accepted: being strict there would lose a folder, not protect anything.
std::optional<QString> decodeModifiedUtf7(const QByteArray &encoded);
// Always succeeds; the output is the canonical encoding, so decode(encode(s)) == s for every s without unpaired
// surrogates.
QByteArray encodeModifiedUtf7(const QString &name);

// What a LIST/STATUS mailbox name means: modified UTF-7 when it is valid, else UTF-8 (servers with UTF8=ACCEPT
// enabled, and some that ignore RFC 3501 and send raw UTF-8 anyway).
QString decodeMailboxName(const QByteArray &wire);

} // namespace vaulttray
