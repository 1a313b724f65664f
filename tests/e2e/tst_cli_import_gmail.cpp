// Seeding a Gmail account from Google Takeout, then syncing it, as a person does it: `account add-gmail` (the
// browser sign-in against the real OAuth server), `import mbox` of a Takeout export of the older part of the
// mailbox, `sync --once`. The sync fetches exactly the rest (the local Gmail server counts its messages.get calls),
// and the archive holds every message once, byte-identical to the server's raw bytes, with the server's thread and
// label ids. A later, complete Takeout adds nothing.
#include "clirun.h"
#include "gmailserver.h"
#include "mailcorpus.h"
#include "oauthserver.h"
#include "secretstestbed.h"
#include "secretstestmain.h"

#include "store/archivereader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace vaulttray;
using namespace vaulttray::test;

namespace {
constexpr int kMessages = 60;
constexpr int kInTakeout = 40; // the oldest ones: a Takeout taken before the newer mail arrived
constexpr int kSeed = 9;
const QString kEmail = QStringLiteral("ann@example.org");
const QString kAccount = QStringLiteral("me");

using Run = CliRun;

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}
} // namespace

class TestCliImportGmail : public QObject
{
    Q_OBJECT

public:
    explicit TestCliImportGmail(SecretsTestBed &bed) : m_bed(bed) {}

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_oauth.start(&error), qPrintable(error));
        GmailServerOptions gmail;
        gmail.messages = kMessages;
        gmail.seed = kSeed;
        gmail.email = kEmail;
        gmail.tokens.clear();
        gmail.introspectUrl = m_oauth.url(QStringLiteral("/introspect-jwt")).toString();
        m_gmail = std::make_unique<GmailServer>(gmail);
        error = m_gmail->start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        qputenv("VAULTTRAY_GMAIL_API_BASE", m_gmail->baseUrl().toString().toUtf8());
        m_archive = m_bed.root() + QStringLiteral("/archive/archive.db");
        qputenv("VAULTTRAY_ARCHIVE", m_archive.toUtf8());

        const QString clientFile = m_bed.root() + QStringLiteral("/client_secret.json");
        QVERIFY(writeFile(clientFile, m_oauth.clientFileJson()));
        const QString browser = writeCurlBrowser(m_bed.root());
        QVERIFY(!browser.isEmpty());
        qputenv("BROWSER", browser.toUtf8());

        // Added while vaulttray is not running: the account exists, its first sync has not happened.
        QVERIFY(m_oauth.setNextUser(kEmail));
        const Run added = run({QStringLiteral("account"), QStringLiteral("add-gmail"), kAccount,
                               QStringLiteral("--client-file"), clientFile});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        QCOMPARE(m_gmail->stats().value(QStringLiteral("messagesGetCalls")).toInt(), 0);
    }

    void aTakeoutSeedsTheAccountAndTheSyncFetchesOnlyTheRest()
    {
        const QString takeout = m_bed.root() + QStringLiteral("/All mail Including Spam and Trash.mbox");
        const TakeoutExport exported = writeTakeout(takeout, kMessages, kSeed, kEmail, kInTakeout);
        QVERIFY2(exported.error.isEmpty(), qPrintable(exported.error));
        QCOMPARE(exported.ids.size(), kInTakeout);

        const Run imported =
            run({QStringLiteral("import"), QStringLiteral("mbox"), takeout, QStringLiteral("--account"), kAccount});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QCOMPARE(imported.out,
                 QStringLiteral("Imported %1 messages from %2 into \"%3\".\n").arg(kInTakeout).arg(takeout, kAccount));
        QCOMPARE(m_gmail->stats().value(QStringLiteral("messagesGetCalls")).toInt(), 0); // offline

        const Run synced = run({QStringLiteral("sync"), QStringLiteral("--once"), kAccount});
        QVERIFY2(synced.exitCode == 0, qPrintable(synced.err));
        QCOMPARE(m_gmail->stats().value(QStringLiteral("messagesGetCalls")).toInt(), kMessages - kInTakeout);
        verifyArchive();
    }

    // The other way round: a complete Takeout of an account that has synced adds nothing, and a second sync fetches
    // nothing either.
    void aLaterCompleteTakeoutAddsNothing()
    {
        const QString takeout = m_bed.root() + QStringLiteral("/Takeout later.mbox");
        const TakeoutExport exported = writeTakeout(takeout, kMessages, kSeed, kEmail);
        QVERIFY2(exported.error.isEmpty(), qPrintable(exported.error));
        const Run imported =
            run({QStringLiteral("import"), QStringLiteral("mbox"), takeout, QStringLiteral("--account"), kAccount});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QCOMPARE(imported.out, QStringLiteral("Imported 0 messages from %1 into \"%2\"; %3 already archived.\n")
                                   .arg(takeout, kAccount)
                                   .arg(kMessages));
        const int fetched = m_gmail->stats().value(QStringLiteral("messagesGetCalls")).toInt();
        const Run synced = run({QStringLiteral("sync"), QStringLiteral("--once"), kAccount});
        QVERIFY2(synced.exitCode == 0, qPrintable(synced.err));
        QCOMPARE(m_gmail->stats().value(QStringLiteral("messagesGetCalls")).toInt(), fetched);
        verifyArchive();
    }

private:
    Run run(const QStringList &args)
    {
        return runVaulttray(args);
    }

    // Every message of the server once, as the server has it: raw bytes, thread, labels.
    void verifyArchive()
    {
        ArchiveReader reader(m_archive);
        QVERIFY(!reader.openError());
        const std::optional<AccountRecord> account = reader.account(kAccount);
        QVERIFY(account);
        QHash<QString, ArchivedMessage> archived;
        for (const ArchivedMessage &m : archivedMessages(reader, account->id)) {
            QVERIFY2(!archived.contains(m.providerId), qPrintable(m.providerId));
            archived.insert(m.providerId, m);
        }
        const QJsonArray onServer = m_gmail->allMessages(true);
        QCOMPARE(archived.size(), onServer.size());
        for (const QJsonValue &v : onServer) {
            const QString id = v[QStringLiteral("id")].toString();
            QVERIFY2(archived.contains(id), qPrintable(id));
            const ArchivedMessage &m = archived.value(id);
            QCOMPARE(m.raw, m_gmail->raw(id));
            QCOMPARE(m.threadId, v[QStringLiteral("threadId")].toString());
            QStringList labels;
            for (const QJsonValue &l : v[QStringLiteral("labelIds")].toArray())
                labels << l.toString();
            QCOMPARE(m.labels, sorted(labels));
        }
    }

    SecretsTestBed &m_bed;
    OAuthServer m_oauth;
    std::unique_ptr<GmailServer> m_gmail;
    QString m_archive;
};

int main(int argc, char **argv)
{
    return execWithSecretsTestBed<TestCliImportGmail>(SecretsTestBed::Bus::WithKeyring, argc, argv);
}

#include "tst_cli_import_gmail.moc"
