#pragma once

#include "sync/syncjob.h"

#include <QTimer>

namespace vaulttray {

// A run that cannot start says why, through the same finished() every run ends with.
class FailedJob final : public SyncJob
{
public:
    explicit FailedJob(Failure failure)
        : m_failure(std::move(failure))
    {
    }
    void start() override
    {
        QTimer::singleShot(0, this, [this] { emit finished(m_failure); });
    }
    void cancel() override {}

private:
    Failure m_failure;
};

} // namespace vaulttray
