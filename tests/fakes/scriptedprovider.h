#pragma once

#include "store/writebatch.h"
#include "sync/syncjob.h"

#include <QList>
#include <QPointer>

#include <deque>
#include <memory>
#include <optional>

namespace vaulttray::test {

// A sync provider whose runs end as the test scripts them: each job takes the next outcome of
// its account's script when it starts. An outcome of std::nullopt means "keep running until
// cancelled or finished by the test" (a sync in flight).
class ScriptedProvider
{
public:
    class Job : public SyncJob
    {
    public:
        Job(ScriptedProvider &provider, qint64 accountId, std::optional<Failure> outcome);
        void start() override;
        void cancel() override;
        void finishWith(const Failure &result);
        qint64 accountId() const { return m_accountId; }
        bool cancelled() const { return m_cancelled; }

    private:
        ScriptedProvider &m_provider;
        qint64 m_accountId;
        std::optional<Failure> m_outcome;
        bool m_cancelled = false;
        bool m_done = false;
    };

    std::unique_ptr<SyncJob> create(const AccountRecord &account);

    // Outcomes for the next runs of an account, in order; when the script is empty, runs succeed.
    void script(qint64 accountId, const QList<std::optional<Failure>> &outcomes);
    void scriptForever(qint64 accountId, const std::optional<Failure> &outcome);

    int started(qint64 accountId) const;
    int startedTotal() const { return m_startedTotal; }
    int cancelledTotal() const { return m_cancelledTotal; }
    Job *running(qint64 accountId) const; // the job in flight, if any

private:
    friend class Job;
    QHash<qint64, std::deque<std::optional<Failure>>> m_scripts;
    QHash<qint64, std::optional<Failure>> m_forever;
    QHash<qint64, int> m_started;
    QHash<qint64, QPointer<Job>> m_running;
    int m_startedTotal = 0;
    int m_cancelledTotal = 0;
};

} // namespace vaulttray::test
