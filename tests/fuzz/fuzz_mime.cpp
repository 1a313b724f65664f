// libFuzzer target for MIME and header parsing: MimeParser (GMime) and buildMessageRecord, which every synced or
// imported message goes through, and the header-text decoder on its own. Built by tests/fuzz/CMakeLists.txt with
// clang (ASan/UBSan on vaulttray's code; GMime itself is the system library), run by the ctest fuzz_mime for a bounded
// time on seeds that seeds.py writes (the Gmail test server's generated messages: multipart, RFC 2047/2231, charsets).
#include "mail/mimeparser.h"
#include "sync/messagerecord.h"

#include <QLoggingCategory>

#include <cstddef>
#include <cstdint>

using namespace vaulttray;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    QLoggingCategory::setFilterRules(QStringLiteral("*=false"));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray raw(reinterpret_cast<const char *>(data), qsizetype(size));
    MessageOrigin origin;
    origin.providerId = QStringLiteral("18c0a1b2c3d4e5f6");
    const MessageRecord record = buildMessageRecord(raw, origin);
    (void)contentKey(QString(), raw);
    (void)MimeParser::decodeHeaderText(raw.left(1024));
    (void)record;
    return 0;
}
