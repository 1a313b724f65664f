#pragma once

#include "net/secrets/secretjob.h"

#include <QSignalSpy>

#include <chrono>
#include <optional>

namespace vaulttray::test {

// Generous for a keychain on a loaded 2-core machine, far below the test's timeout.
inline constexpr std::chrono::milliseconds kJobWait{8000};

// Waits (real I/O) for the job's one finished(); nullopt if it never came.
inline std::optional<SecretResult> waitFor(SecretJob *job, std::chrono::milliseconds wait = kJobWait)
{
    QSignalSpy spy(job, &SecretJob::finished);
    if (spy.isEmpty() && !spy.wait(int(wait.count())))
        return std::nullopt;
    return spy.at(0).at(0).value<SecretResult>();
}

} // namespace vaulttray::test

// Waits for `job` and stores its result in `var`, failing the test when it never finishes.
#define VT_AWAIT(var, job)                                                                                             \
    const std::optional<vaulttray::SecretResult> var##Maybe = vaulttray::test::waitFor(job);                           \
    QVERIFY2(var##Maybe, "the secret job never finished");                                                             \
    const vaulttray::SecretResult &var = *var##Maybe
