// libFuzzer target for the IMAP response parser, built by tests/fuzz/CMakeLists.txt with clang and run by the ctest
// fuzz_imapparser (cmake/VaulttrayFuzz.cmake) for a bounded time, seeded with the rows of tst_responseparser.
//
// The first input bytes choose how the rest is split into feed() calls, so one input exercises one chunking; the
// fuzzer explores the chunkings. Every response is also run through every typed accessor and mUTF-7 decoder.
#include "net/imap/mutf7.h"
#include "net/imap/responsedata.h"
#include "net/imap/responseparser.h"

#include <QLoggingCategory>

#include <cstddef>
#include <cstdint>

using namespace vaulttray;

namespace {

// How many leading bytes are chunk sizes (each 1..kMaxChunk, cycled through while feeding).
constexpr size_t kSplitBytes = 4;
constexpr qsizetype kMaxChunk = 256;
constexpr quint64 kMaxExpand = 1000;

void exercise(const ImapResponse &r)
{
    (void)r.toDebugString();
    (void)imapCapabilities(r);
    (void)imapCodeNumber(r, "UIDVALIDITY");
    (void)imapFlags(r);
    if (const auto e = imapListEntry(r)) {
        (void)e->isSelectable();
        (void)e->specialUse();
        (void)encodeModifiedUtf7(e->name);
    }
    (void)imapStatusData(r);
    (void)imapNumbered(r, "EXISTS");
    (void)imapSearchData(r);
    if (const auto e = imapESearchData(r); e && e->all)
        (void)e->all->toList(kMaxExpand);
    (void)imapFetchData(r);
    if (const auto v = imapVanishedData(r))
        (void)v->uids.toList(kMaxExpand);
    for (const ImapValue &v : r.args)
        (void)decodeModifiedUtf7(v.bytes());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const bool quiet = [] {
        QLoggingCategory::setFilterRules(QStringLiteral("vaulttray.net.imap.debug=false"));
        return true;
    }();
    (void)quiet;
    if (size < kSplitBytes)
        return 0;
    qsizetype chunkSizes[kSplitBytes];
    for (size_t i = 0; i < kSplitBytes; ++i)
        chunkSizes[i] = 1 + data[i] % kMaxChunk;
    const char *stream = reinterpret_cast<const char *>(data + kSplitBytes);
    const qsizetype streamSize = qsizetype(size - kSplitBytes);

    ImapResponseParser parser;
    qsizetype offset = 0;
    for (size_t turn = 0; offset < streamSize; ++turn) {
        const qsizetype n = std::min(chunkSizes[turn % kSplitBytes], streamSize - offset);
        parser.feed(QByteArray(stream + offset, n));
        offset += n;
        while (const auto r = parser.next())
            exercise(*r);
    }
    (void)parser.pendingBytes();
    return 0;
}
