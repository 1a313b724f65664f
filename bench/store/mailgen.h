#pragma once

#include <QByteArray>

namespace vaulttray::bench {

// A synthetic but realistic raw message (RFC 5322, CRLF): 2-60 KB, log-uniformly spread; plain text,
// multipart/alternative (text + HTML) or multipart/mixed with base64 attachments; some UTF-8 names,
// subjects (RFC 2047) and attachment names (RFC 2231). Message `index` is the same bytes on every run.
QByteArray syntheticMessage(quint64 index);

} // namespace vaulttray::bench
