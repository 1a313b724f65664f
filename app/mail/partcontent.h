#pragma once

#include "mail/gmimeutil.h"

#include <QByteArray>
#include <QString>

namespace vaulttray {

// The decoded content of one leaf part.
struct PartContent
{
    QByteArray bytes;        // decoded; filled only when asked for
    qint64 size = 0;         // decoded bytes
    QString encodingProblem; // why the transfer encoding looked damaged; empty when it did not
};

// Reads a part through GMime's transfer decoders. Those decoders skip what they cannot read without a word,
// so base64 and quoted-printable content is checked on the way for damage that lost data.
class PartContentReader
{
public:
    enum class Keep { SizeOnly, Bytes };
    static PartContent read(GMimePart *part, Keep keep);
};

} // namespace vaulttray
