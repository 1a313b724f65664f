// libFuzzer target for the OAuth token endpoint's answers: the classifier (error bodies, HTML portals, odd statuses),
// the success reader and the id_token's email claim. Built by tests/fuzz/CMakeLists.txt with clang (ASan/UBSan), run
// by the ctest fuzz_oauthbody for a bounded time on seeds that seeds.py writes (RFC 6749 §5.1/§5.2 and Google's
// shapes).
//
// Input: one byte choosing the HTTP status (kStatuses), one choosing the Content-Type (kContentTypes), then the body.
#include "core/classify.h"
#include "net/oauth/tokenresponse.h"

#include <QLoggingCategory>

#include <array>
#include <cstddef>
#include <cstdint>

using namespace vaulttray;

namespace {
constexpr std::array kStatuses{200, 302, 400, 401, 403, 429, 500, 503};
constexpr std::array kContentTypes{"application/json; charset=utf-8", "text/html; charset=UTF-8", "text/plain", ""};
} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    QLoggingCategory::setFilterRules(QStringLiteral("*=false"));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const int status = kStatuses[data[0] % kStatuses.size()];
    const QByteArray contentType(kContentTypes[data[1] % kContentTypes.size()]);
    const QByteArray body(reinterpret_cast<const char *>(data + 2), qsizetype(size - 2));
    const QDateTime requestedAt = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);

    const Failure failure = classifyOAuthTokenResponse(status, contentType, body, std::chrono::seconds(30));
    if (failure.ok()) {
        const TokenResult result = parseTokenResponse(body, requestedAt);
        if (result.ok())
            (void)idTokenEmail(result.grant.idToken);
    }
    (void)idTokenEmail(body);
    return 0;
}
