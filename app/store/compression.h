#pragma once

#include <QByteArray>

#include <optional>

namespace vaulttray {

// Raw MIME is stored zstd-compressed: mail text compresses ~3-5x at level 3 at several hundred MB/s,
// faster and smaller than zlib's deflate at comparable levels, and libzstd ships in every distribution.
QByteArray compressRaw(const QByteArray &raw);
std::optional<QByteArray> decompressRaw(const QByteArray &data, qint64 rawSize);

} // namespace vaulttray
