// libFuzzer target for the Gmail JSON handling: every gmailparse reader, and the classifiers that read Google's error
// bodies, on one answer. Built by tests/fuzz/CMakeLists.txt with clang (ASan/UBSan), run by the ctest fuzz_gmailjson
// for a bounded time on seeds that seeds.py writes (Google's documented shapes).
//
// Input: one byte choosing the HTTP status (kStatuses), then the body.
#include "core/classify.h"
#include "net/gmail/gmailparse.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include <array>
#include <cstddef>
#include <cstdint>

using namespace vaulttray;

namespace {
constexpr std::array kStatuses{200, 204, 400, 401, 403, 404, 429, 500, 503};
}

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    QLoggingCategory::setFilterRules(QStringLiteral("*=false"));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const int status = kStatuses[data[0] % kStatuses.size()];
    const QByteArray body(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));

    (void)parseProfile(body);
    (void)parseLabels(body);
    (void)parseMessageList(body);
    if (const GmailRawMessageResult raw = parseRawMessage(body); raw.ok())
        (void)raw.message.raw.size();
    (void)parseHistory(body);
    (void)decodeBase64Url(body);
    for (const QJsonValue &v : QJsonDocument::fromJson(body).object())
        (void)parseGmailUInt64(v);
    (void)gmailRateLimited(status, body);
    (void)classifyGmailApiError(status, body);
    (void)gmailNeedsTokenRefresh(status, body);
    (void)gmailHistoryExpired(status, body);
    return 0;
}
