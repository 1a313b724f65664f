// Power cuts across a real Gmail sync: GmailSyncJob fetches a mailbox from the local Gmail API server
// (tests/gmail-server) over real sockets and writes it through the app's ArchiveWriter into an archive whose I/O
// goes through PowercutVfs. At a random operation (anywhere, at or just after a commit's WAL sync, inside a WAL
// checkpoint) the power fails; the job and the writer stop as a dying process would. What a reboot finds must pass
// integrity_check and the app's start-up checks, hold every message of the last batch the writer acknowledged
// byte-identical, and carry checkpoints that claim nothing it does not hold; a sync on it then completes with every
// server message exactly once. The controls (the writer's connection at synchronous=NORMAL; a disk that ignores the
// WAL's fsync) must lose acknowledged messages across the same runs, or the harness could not see a loss.
//
// VAULTTRAY_POWERCUT_SYNC_CUTS=N sets the durable row's cuts (default 100; scripts/soak powercut runs
// more), VAULTTRAY_POWERCUT_SEED=S reproduces a run's cut plan (the network still decides the batches).
#include "fixedtokensource.h"
#include "gmailserver.h"
#include "syncpowercut.h"

#include "core/clock.h"
#include "net/gmail/gmailapi.h"
#include "net/gmail/quotalimiter.h"
#include "store/archivereader.h"
#include "sync/gmail/gmailsyncjob.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QTest>

using namespace vaulttray;
using namespace vaulttray::test;

namespace {

constexpr int kMessages = 80; // one messages.list page
constexpr int kServerSeed = 8;
constexpr quint64 kDefaultSeed = 20260601;
// The job commits what it fetched every second of its clock (or every 100 messages); this clock moves a step at
// every reading, so a run commits every few messages and has many batches to cut between.
constexpr qint64 kTickMs = 125;
constexpr qint64 kQuotaUnitsPerSecond = 100000;
constexpr qint64 kQuotaBurstSeconds = 10;

class TickingClock final : public Clock
{
public:
    QDateTime now() const override
    {
        m_now = m_now.addMSecs(kTickMs);
        return m_now;
    }

private:
    mutable QDateTime m_now = QDateTime(QDate(2026, 6, 1), QTime(8, 0), Qt::UTC);
};

class GmailSync final : public SyncUnderTest
{
public:
    QString start() override
    {
        GmailServerOptions options;
        options.messages = kMessages;
        options.seed = kServerSeed;
        options.unitsPerSecond = 0; // the quota is not this test's subject
        options.warm = true;        // every cut fetches the mailbox again: build it once
        m_server = std::make_unique<GmailServer>(options);
        if (QString error = m_server->start(); !error.isEmpty())
            return error;
        m_tokens = std::make_unique<FixedTokenSource>(QStringList{m_server->token()});
        m_limiter = std::make_unique<QuotaLimiter>(m_systemClock, kQuotaUnitsPerSecond, kQuotaBurstSeconds);
        m_api = std::make_unique<GmailApi>(&m_network, m_systemClock, *m_tokens, *m_limiter);
        if (!m_api->setBaseUrl(m_server->baseUrl()).ok())
            return QStringLiteral("the server's address is refused");
        for (const QJsonValue &v : m_server->allMessages(true)) {
            const QString id = v.toObject().value(QStringLiteral("id")).toString();
            m_messages.insert(id, m_server->raw(id));
            if (m_messages.value(id).isEmpty())
                return QStringLiteral("the server hands out no bytes for ") + id;
        }
        if (m_messages.size() != kMessages)
            return QStringLiteral("the server holds %1 messages").arg(m_messages.size());
        return {};
    }

    std::unique_ptr<SyncJob> makeJob(const AccountRecord &account, ArchiveWriter &writer,
                                     const QString &archivePath) override
    {
        return std::make_unique<GmailSyncJob>(account, writer, *m_api, m_jobClock, archivePath);
    }

    const QHash<QString, QByteArray> &serverMessages() const override { return m_messages; }

    // historyId (and fullSyncDone) are written with the batch that completes the pass: they claim every message.
    QStringList checkCheckpoints(ArchiveReader &reader, qint64 accountId, const AckSnapshot &last,
                                 bool complete) override
    {
        QStringList problems;
        const QHash<QString, QString> c = reader.checkpoints(accountId).value(QString());
        const bool done = c.value(QStringLiteral("fullSyncDone")) == QStringLiteral("1");
        const bool hasHistory = !c.value(QStringLiteral("historyId")).isEmpty();
        if (done != hasHistory)
            problems << QStringLiteral("fullSyncDone and historyId disagree");
        if (done || hasHistory) {
            const QSet<QString> stored = reader.providerIds(accountId);
            for (auto it = m_messages.cbegin(); it != m_messages.cend(); ++it) {
                if (!stored.contains(it.key())) {
                    problems << QStringLiteral("the checkpoint says the pass is done, %1 is missing").arg(it.key());
                    break;
                }
            }
        }
        if (last.checkpoints.value(QString()).value(QStringLiteral("fullSyncDone")) == QStringLiteral("1") && !done)
            problems << QStringLiteral("the acknowledged end of the pass is gone");
        if (complete && !done)
            problems << QStringLiteral("after the re-sync the pass is not done");
        return problems;
    }

private:
    SystemClock m_systemClock;
    TickingClock m_jobClock;
    QNetworkAccessManager m_network;
    std::unique_ptr<GmailServer> m_server;
    std::unique_ptr<FixedTokenSource> m_tokens;
    std::unique_ptr<QuotaLimiter> m_limiter;
    std::unique_ptr<GmailApi> m_api;
    QHash<QString, QByteArray> m_messages;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    GmailSync sync;
    SyncPowercutTest test(sync, QStringLiteral("gmail"), kMessages, kDefaultSeed);
    return QTest::qExec(&test, argc, argv);
}
