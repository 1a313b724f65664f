#include "store/compression.h"

#include <zstd.h>

namespace vaulttray {

namespace {
constexpr int kZstdLevel = 3; // zstd's default: the knee of its speed/ratio curve
}

QByteArray compressRaw(const QByteArray &raw)
{
    QByteArray out(static_cast<qsizetype>(ZSTD_compressBound(static_cast<size_t>(raw.size()))), Qt::Uninitialized);
    const size_t n = ZSTD_compress(out.data(), static_cast<size_t>(out.size()), raw.constData(),
                                   static_cast<size_t>(raw.size()), kZstdLevel);
    if (ZSTD_isError(n))
        return {}; // cannot happen with a buffer of compressBound bytes
    out.truncate(static_cast<qsizetype>(n));
    return out;
}

std::optional<QByteArray> decompressRaw(const QByteArray &data, qint64 rawSize)
{
    QByteArray out(static_cast<qsizetype>(rawSize), Qt::Uninitialized);
    const size_t n = ZSTD_decompress(out.data(), static_cast<size_t>(out.size()), data.constData(),
                                     static_cast<size_t>(data.size()));
    if (ZSTD_isError(n) || static_cast<qint64>(n) != rawSize)
        return std::nullopt;
    return out;
}

} // namespace vaulttray
