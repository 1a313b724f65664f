#include "fakes/scriptedprovider.h"

namespace vaulttray::test {

ScriptedProvider::Job::Job(ScriptedProvider &provider, qint64 accountId, std::optional<Failure> outcome)
    : m_provider(provider), m_accountId(accountId), m_outcome(std::move(outcome))
{
}

void ScriptedProvider::Job::start()
{
    if (m_outcome)
        finishWith(*m_outcome);
}

void ScriptedProvider::Job::cancel()
{
    if (m_done)
        return;
    m_cancelled = true;
    ++m_provider.m_cancelledTotal;
    finishWith(Failure::of(FailureKind::Cancelled, QStringLiteral("cancelled")));
}

void ScriptedProvider::Job::finishWith(const Failure &result)
{
    if (m_done)
        return;
    m_done = true;
    emit finished(result);
}

std::unique_ptr<SyncJob> ScriptedProvider::create(const AccountRecord &account)
{
    std::optional<Failure> outcome = Failure::none();
    auto &queue = m_scripts[account.id];
    if (!queue.empty()) {
        outcome = queue.front();
        queue.pop_front();
    } else if (m_forever.contains(account.id)) {
        outcome = m_forever.value(account.id);
    }
    ++m_started[account.id];
    ++m_startedTotal;
    auto job = std::make_unique<Job>(*this, account.id, outcome);
    m_running[account.id] = job.get();
    return job;
}

void ScriptedProvider::script(qint64 accountId, const QList<std::optional<Failure>> &outcomes)
{
    auto &queue = m_scripts[accountId];
    for (const auto &o : outcomes)
        queue.push_back(o);
}

void ScriptedProvider::scriptForever(qint64 accountId, const std::optional<Failure> &outcome)
{
    m_forever[accountId] = outcome;
}

int ScriptedProvider::started(qint64 accountId) const
{
    return m_started.value(accountId);
}

ScriptedProvider::Job *ScriptedProvider::running(qint64 accountId) const
{
    return m_running.value(accountId).data();
}

} // namespace vaulttray::test
