#pragma once

#include "core/failure.h"

#include <QMetaType>
#include <QObject>

namespace vaulttray {

struct SyncProgress
{
    qint64 done = 0;
    qint64 total = -1; // -1 while unknown
};

// One sync run of one account. Jobs report progress and end with exactly one finished(result).
// cancel() (sleep, quit, offline) stops network I/O, lets the writer commit what is complete, and
// then finishes with FailureKind::Cancelled.
class SyncJob : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~SyncJob() override = default;

    virtual void start() = 0;
    virtual void cancel() = 0;

signals:
    void progressed(const vaulttray::SyncProgress &progress);
    void finished(const vaulttray::Failure &result);
};

} // namespace vaulttray

Q_DECLARE_METATYPE(vaulttray::SyncProgress)
