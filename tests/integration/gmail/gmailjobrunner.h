#pragma once

#include <QSignalSpy>

#include <optional>

namespace vaulttray::test {

// Real I/O against the local server: generous on a loaded two-core machine, far above the milliseconds a local
// answer takes.
inline constexpr int kJobWaitMs = 20000;

// Starts a job and waits (real I/O) for its one finished(result); nullopt when none came in time.
// runJob<GmailProfileResult>(new GetProfileJob(api))
template <typename Result, typename Job> std::optional<Result> runJob(Job *job, int waitMs = kJobWaitMs)
{
    QSignalSpy spy(job, &Job::finished);
    job->start();
    if (!spy.wait(waitMs))
        return std::nullopt;
    return spy.at(0).at(0).template value<Result>();
}

} // namespace vaulttray::test
