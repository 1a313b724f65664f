// The Gmail client against the local Gmail API server (tests/gmail-server), over real sockets: profile, labels,
// paging through every message of an 800-message mailbox, raw bytes identical to the server's, history after
// additions, deletions and label changes, a vanished message, and an expired history id.
#include "fixedtokensource.h"
#include "gmailjobrunner.h"
#include "gmailserver.h"

#include "core/clock.h"
#include "net/gmail/getprofilejob.h"
#include "net/gmail/getrawmessagejob.h"
#include "net/gmail/gmailapi.h"
#include "net/gmail/listhistoryjob.h"
#include "net/gmail/listlabelsjob.h"
#include "net/gmail/listmessagesjob.h"
#include "net/gmail/quotalimiter.h"

#include <QHash>
#include <QNetworkAccessManager>
#include <QSet>
#include <QTest>

#include <memory>

using namespace vaulttray;
using namespace vaulttray::test;

namespace {

constexpr int kMessages = 800;
constexpr int kSeed = 5;
// Every n-th message's raw bytes are compared: ~40 messages across the whole mailbox and its kinds.
constexpr int kRawSampleStride = 20;
constexpr int kAddedMessages = 3;

QString str(const char *s)
{
    return QString::fromLatin1(s);
}

QStringList labelsOf(const QJsonObject &message)
{
    QStringList out;
    const QJsonArray labels = message.value(str("labelIds")).toArray();
    for (const QJsonValue &v : labels)
        out << v.toString();
    return out;
}

struct HistoryPages
{
    std::optional<GmailHistoryResult> last; // the last page's result (or the failing one)
    QList<GmailHistoryRecord> records;
    int pages = 0;
};

} // namespace

class TestGmailClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        GmailServerOptions options;
        options.messages = kMessages;
        options.seed = kSeed;
        // As some Google front ends do: '=' in raw arrives as \u003d.
        options.extraArguments << str("--json-escape");
        m_server = std::make_unique<GmailServer>(options);
        const QString error = m_server->start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_tokens = std::make_unique<FixedTokenSource>(QStringList{m_server->token()});
        m_api = std::make_unique<GmailApi>(&m_network, m_clock, *m_tokens, m_limiter);
        QVERIFY(m_api->setBaseUrl(m_server->baseUrl()).ok());
    }

    void cleanupTestCase() { m_server.reset(); }

    void profile()
    {
        const auto result = runJob<GmailProfileResult>(new GetProfileJob(*m_api));
        QVERIFY(result);
        QVERIFY2(result->ok(), qPrintable(result->failure.detail));
        QCOMPARE(result->profile.emailAddress, m_server->email());
        QCOMPARE(result->profile.messagesTotal, qint64(m_server->initialMessages()));
        QVERIFY(result->profile.threadsTotal > 0 && result->profile.threadsTotal < kMessages);
        QCOMPARE(QString::number(result->profile.historyId), m_server->initialHistoryId());
    }

    void labels()
    {
        const auto result = runJob<GmailLabelsResult>(new ListLabelsJob(*m_api));
        QVERIFY(result);
        QVERIFY2(result->ok(), qPrintable(result->failure.detail));
        QHash<QString, GmailLabel> byId;
        for (const GmailLabel &l : result->labels)
            byId.insert(l.id, l);
        for (const char *system : {"INBOX", "SENT", "TRASH", "SPAM", "UNREAD", "STARRED", "CATEGORY_SOCIAL"}) {
            QVERIFY2(byId.contains(str(system)), system);
            QCOMPARE(byId.value(str(system)).type, str("system"));
        }
        QStringList userNames;
        for (const GmailLabel &l : result->labels) {
            if (l.type == QLatin1String("user"))
                userNames << l.name;
        }
        QVERIFY2(userNames.contains(QStringLiteral("Projects/Zürich")), qPrintable(userNames.join(u',')));
        QCOMPARE(result->skippedItems, 0);
    }

    void pagingListsEveryMessageOnce()
    {
        QStringList ids;
        QHash<QString, QString> threadOf;
        QString pageToken;
        int pages = 0;
        do {
            const auto page = runJob<GmailMessageListResult>(new ListMessagesJob(*m_api, pageToken));
            QVERIFY(page);
            QVERIFY2(page->ok(), qPrintable(page->failure.detail));
            QVERIFY(page->messages.size() <= GmailApi::kMaxPageSize);
            QCOMPARE(page->resultSizeEstimate, qint64(kMessages));
            for (const GmailMessageRef &m : page->messages) {
                ids << m.id;
                threadOf.insert(m.id, m.threadId);
            }
            pageToken = page->nextPageToken;
            ++pages;
        } while (!pageToken.isEmpty() && pages <= kMessages);
        QCOMPARE(pages, (kMessages + GmailApi::kMaxPageSize - 1) / GmailApi::kMaxPageSize);
        QCOMPARE(ids.size(), kMessages);
        QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), kMessages); // each id once

        // Exactly the server's mailbox, spam and trash included, newest first, with the right threads.
        const QJsonArray all = m_server->allMessages(true);
        QCOMPARE(all.size(), kMessages);
        for (int i = 0; i < all.size(); ++i) {
            const QJsonObject m = all.at(i).toObject();
            QCOMPARE(ids.at(i), m.value(str("id")).toString());
            QCOMPARE(threadOf.value(ids.at(i)), m.value(str("threadId")).toString());
        }
    }

    void rawBytesAreTheServers()
    {
        const QJsonArray all = m_server->allMessages(true);
        QHash<QString, QJsonObject> expected;
        for (int i = 0; i < all.size(); i += kRawSampleStride) {
            const QJsonObject m = all.at(i).toObject();
            expected.insert(m.value(str("id")).toString(), m);
        }
        // All at once: the limiter paces and bounds them.
        QHash<QString, GmailRawMessageResult> &results = m_rawResults;
        for (const QString &id : expected.keys()) {
            auto *job = new GetRawMessageJob(*m_api, id);
            connect(job, &GetRawMessageJob::finished, this,
                    [this, id](const GmailRawMessageResult &r) { m_rawResults.insert(id, r); });
            job->start();
        }
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), expected.size(), kJobWaitMs);
        QVERIFY(m_limiter.inFlight() == 0);

        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            const GmailRawMessageResult &r = results.value(it.key());
            QVERIFY2(r.ok(), qPrintable(r.failure.detail));
            const GmailRawMessage &m = r.message;
            const QByteArray raw = m_server->raw(it.key());
            QVERIFY(!raw.isEmpty());
            QVERIFY2(m.raw == raw, qPrintable(QStringLiteral("message %1: bytes differ").arg(it.key())));
            QCOMPARE(m.sizeEstimate, qint64(raw.size()));
            QCOMPARE(m.id, it.key());
            QCOMPARE(m.threadId, it->value(str("threadId")).toString());
            QCOMPARE(m.labelIds, labelsOf(*it));
            QCOMPARE(QString::number(m.historyId), it->value(str("historyId")).toString());
            QCOMPARE(QString::number(m.internalDateMs), it->value(str("internalDate")).toString());
            QVERIFY(raw.contains("\r\n"));
        }
    }

    void historyAfterMutations()
    {
        const auto before = runJob<GmailProfileResult>(new GetProfileJob(*m_api));
        QVERIFY(before && before->ok());
        const quint64 start = before->profile.historyId;
        m_startBeforeMutations = start;

        // Pick an INBOX message for label changes, and another to delete for good.
        const QJsonArray all = m_server->allMessages(true);
        QString relabelled, deleted;
        for (const QJsonValue &v : all) {
            const QJsonObject m = v.toObject();
            const QStringList labels = labelsOf(m);
            if (relabelled.isEmpty() && labels.contains(str("INBOX")) && !labels.contains(str("STARRED")))
                relabelled = m.value(str("id")).toString();
            else if (deleted.isEmpty() && !labels.contains(str("INBOX")))
                deleted = m.value(str("id")).toString();
        }
        QVERIFY(!relabelled.isEmpty() && !deleted.isEmpty());

        const QJsonObject added = m_server->addMessages(kAddedMessages, {str("INBOX"), str("UNREAD")});
        QStringList addedIds;
        for (const QJsonValue &v : added.value(str("messages")).toArray())
            addedIds << v.toObject().value(str("id")).toString();
        QCOMPARE(addedIds.size(), kAddedMessages);
        QVERIFY(!m_server->modifyLabels({relabelled}, {str("STARRED")}, {str("INBOX")}).isEmpty());
        const QJsonObject last = m_server->deletePermanently({deleted});
        QVERIFY(!last.isEmpty());
        m_deleted = deleted;

        const HistoryPages history = allHistory(start);
        QVERIFY(history.last);
        QVERIFY2(history.last->ok(), qPrintable(history.last->failure.detail));
        QCOMPARE(QString::number(history.last->historyId), last.value(str("historyId")).toString());

        QStringList seenAdded, seenDeleted, starred, unInboxed;
        quint64 previous = start;
        for (const GmailHistoryRecord &r : history.records) {
            QVERIFY2(r.id > previous, "records come in increasing id order, after startHistoryId");
            previous = r.id;
            for (const GmailHistoryMessage &m : r.messagesAdded) {
                seenAdded << m.id;
                QVERIFY(m.labelIds.contains(str("INBOX")));
                QVERIFY(!m.threadId.isEmpty());
            }
            for (const GmailHistoryMessage &m : r.messagesDeleted)
                seenDeleted << m.id;
            for (const GmailLabelChange &c : r.labelsAdded) {
                if (c.labelIds.contains(str("STARRED")))
                    starred << c.message.id;
            }
            for (const GmailLabelChange &c : r.labelsRemoved) {
                if (c.labelIds.contains(str("INBOX"))) {
                    unInboxed << c.message.id;
                    QVERIFY2(!c.message.labelIds.contains(str("INBOX")), "the message's labels after the change");
                }
            }
        }
        QCOMPARE(seenAdded, addedIds);
        QCOMPARE(seenDeleted, QStringList{deleted});
        QCOMPARE(starred, QStringList{relabelled});
        QCOMPARE(unInboxed, QStringList{relabelled});
        QCOMPARE(previous, history.last->historyId);
    }

    void historyFromNowIsEmpty()
    {
        const auto now = runJob<GmailProfileResult>(new GetProfileJob(*m_api));
        QVERIFY(now && now->ok());
        const auto page = runJob<GmailHistoryResult>(new ListHistoryJob(*m_api, now->profile.historyId));
        QVERIFY(page);
        QVERIFY2(page->ok(), qPrintable(page->failure.detail));
        QVERIFY(page->records.isEmpty());
        QVERIFY(page->nextPageToken.isEmpty());
        QCOMPARE(page->historyId, now->profile.historyId);
    }

    void vanishedMessageIsNotFound()
    {
        QVERIFY(!m_deleted.isEmpty());
        const auto result = runJob<GmailRawMessageResult>(new GetRawMessageJob(*m_api, m_deleted));
        QVERIFY(result);
        QCOMPARE(toString(result->failure.kind), toString(FailureKind::BadData));
        QVERIFY(result->notFound);
        QCOMPARE(result->message.id, m_deleted);
    }

    void expiredHistoryAsksForAFullSync()
    {
        QVERIFY(m_startBeforeMutations > 0);
        const QJsonObject expired = m_server->expireHistory(QString::number(m_startBeforeMutations + 1));
        QVERIFY(!expired.isEmpty());
        const auto page = runJob<GmailHistoryResult>(new ListHistoryJob(*m_api, m_startBeforeMutations));
        QVERIFY(page);
        QVERIFY(page->historyExpired);
        QCOMPARE(toString(page->failure.kind), toString(FailureKind::BadData));
        QVERIFY(page->records.isEmpty());

        // The bad variant: a history id the server still keeps is not "expired".
        const auto now = runJob<GmailProfileResult>(new GetProfileJob(*m_api));
        QVERIFY(now && now->ok());
        const auto fine = runJob<GmailHistoryResult>(new ListHistoryJob(*m_api, now->profile.historyId));
        QVERIFY(fine);
        QVERIFY(!fine->historyExpired);
        QVERIFY(fine->ok());
    }

private:
    HistoryPages allHistory(quint64 start)
    {
        HistoryPages out;
        QString pageToken;
        do {
            out.last = runJob<GmailHistoryResult>(new ListHistoryJob(*m_api, start, pageToken));
            if (!out.last || !out.last->ok())
                return out;
            out.records << out.last->records;
            pageToken = out.last->nextPageToken;
            ++out.pages;
        } while (!pageToken.isEmpty());
        return out;
    }

    std::unique_ptr<GmailServer> m_server;
    QNetworkAccessManager m_network;
    SystemClock m_clock;
    QuotaLimiter m_limiter{m_clock};
    std::unique_ptr<FixedTokenSource> m_tokens;
    std::unique_ptr<GmailApi> m_api;
    quint64 m_startBeforeMutations = 0;
    QString m_deleted;
    QHash<QString, GmailRawMessageResult> m_rawResults;
};

QTEST_GUILESS_MAIN(TestGmailClient)
#include "tst_gmailclient.moc"
