// ImapSyncJob against a real Dovecot (a generated 2,000-message mailbox in 9 folders, nested and non-ASCII names, some
// messages copied into a second folder) into a real archive. What the server holds is read from its Maildir files,
// so every comparison is against the server's own copy: each message byte-identical (CRLF), stored once, with the
// folders that hold it as labels and the flags its file name carries. Then another client changes the mailbox (new
// mail, a move, expunges, flags, a UIDVALIDITY reset) and each incremental run is shown to do exactly that work:
// the counts of what it fetched, stored, relabelled and marked are the test's, derived from the changes made.
#include "dovecottestbed.h"
#include "imaptestutil.h"
#include "maildirgenerator.h"

#include "core/clock.h"
#include "store/archive.h"
#include "store/archivereader.h"
#include "store/archivewriter.h"
#include "sync/imap/imapcredentialsource.h"
#include "sync/imap/imapsyncjob.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

#include <unistd.h>

using namespace vaulttray;
using namespace vaulttray::test;

namespace {

constexpr int kMessages = 2000;
constexpr quint64 kSeed = 11;
constexpr int kCopies = 25; // INBOX messages also filed in Archive/2023
constexpr int kRunWaitMs = 90000;
const QString kInbox = QStringLiteral("INBOX");

QString str(const char *s)
{
    return QString::fromUtf8(s);
}

QByteArray sha256(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256);
}

QSet<QString> imapFlags(const QString &fileName)
{
    QSet<QString> flags;
    const qsizetype info = fileName.lastIndexOf(QStringLiteral(":2,"));
    if (info < 0)
        return flags;
    for (const QChar f : fileName.mid(info + 3)) {
        if (f == QLatin1Char('S'))
            flags << str("\\Seen");
        else if (f == QLatin1Char('F'))
            flags << str("\\Flagged");
        else if (f == QLatin1Char('R'))
            flags << str("\\Answered");
        else if (f == QLatin1Char('D'))
            flags << str("\\Draft");
    }
    return flags;
}

// What the server holds, from its Maildir: by content, the folders holding it and its flags.
struct ServerMessage
{
    QSet<QString> folders;
    QList<QSet<QString>> flags; // of each file (a copy in another folder may be flagged differently)
};
using ServerState = QHash<QByteArray, ServerMessage>;

// Logs in with a password, as the keychain would hand it out; counts how often it was asked.
class PasswordSource final : public ImapCredentialSource
{
public:
    PasswordSource(QString user, QByteArray password)
        : m_user(std::move(user)), m_password(std::move(password))
    {
    }
    void credentials(QObject *context, std::function<void(const Failure &, const ImapCredentials &)> done) override
    {
        ++asked;
        const ImapCredentials c{ImapAuthMethod::Password, m_user, m_password};
        QMetaObject::invokeMethod(context, [done, c] { done(Failure::none(), c); }, Qt::QueuedConnection);
    }
    void invalidate(const QByteArray &) override {}
    int asked = 0;

private:
    QString m_user;
    QByteArray m_password;
};

struct RunResult
{
    bool finished = false;
    Failure failure;
    ImapSyncJob::Stats stats;
};

} // namespace

class TestImapSync : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void fullSyncStoresEveryMessageOnceWithItsFolders();
    void unchangedMailboxFetchesNothing();
    void incrementalAppliesNewMovedExpungedAndFlagged();
    void uidValidityResetRelabelsWithoutStoringAgain();
    void withoutQResyncSearchFindsWhatChanged();
    void folderFilterLeavesExcludedFoldersAlone();
    void cancelKeepsWhatArrivedAndResumeFetchesTheRest();
    void wrongPasswordIsCredentialRejectedOnce();
    void untrustedCertificateIsAClearError();
    void stoppedServerIsTransient();
    void cleanupTestCase();

private:
    qint64 addAccount(const QString &name, const QByteArray &settings = "{}");
    RunResult runSync(qint64 accountId, ImapSyncOptions options = {}, ImapEndpoint endpoint = {},
                      ImapCredentialSource *credentials = nullptr,
                      const std::function<void(ImapSyncJob &)> &hook = {});
    ServerState serverState() const;
    void verifyArchive(qint64 accountId, const QSet<QString> &onlyFolders = {});
    QString folderDir(const QString &folder) const { return MaildirGenerator::folderPath(m_dovecot.mailRoot(), folder); }
    QStringList files(const QString &folder) const;
    bool doveadm(const QStringList &arguments);
    qint64 labelRows(qint64 accountId);

    DovecotTestbed m_dovecot;
    MaildirOptions m_mail;
    QTemporaryDir m_dir;
    QString m_path;
    SystemClock m_clock;
    std::unique_ptr<ArchiveWriter> m_writer;
    std::unique_ptr<PasswordSource> m_password;
    qint64 m_account = 0;
    QSet<QByteArray> m_expunged; // contents expunged from the server: archived, marked deleted
};

void TestImapSync::initTestCase()
{
    QString error;
    QVERIFY2(m_dovecot.start(&error), qPrintable(error));
    m_mail.root = m_dovecot.mailRoot();
    m_mail.messages = kMessages;
    m_mail.seed = kSeed;
    m_mail.uid = m_dovecot.mailUid();
    m_mail.gid = m_dovecot.mailGid();
    QList<GeneratedMessage> generated;
    QVERIFY2(MaildirGenerator::generate(m_mail, &generated, &error), qPrintable(error));
    // Another mail client filed some INBOX messages in a second folder too: same bytes, another UID.
    const QStringList inbox = files(kInbox);
    QVERIFY(inbox.size() > kCopies);
    for (int i = 0; i < kCopies; ++i) {
        const QFileInfo source(inbox.at(i * 7));
        const QString target = folderDir(str("Archive/2023")) + str("/cur/copy") + QString::number(i) + QLatin1Char('.') +
                               source.fileName();
        QVERIFY(QFile::copy(source.filePath(), target));
        QVERIFY(::chown(QFile::encodeName(target).constData(), m_mail.uid, m_mail.gid) == 0);
    }
    m_password = std::make_unique<PasswordSource>(m_dovecot.user(), m_dovecot.password());

    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(str("archive.sqlite"));
    QVERIFY(!Archive::prepare(m_path));
    m_writer = std::make_unique<ArchiveWriter>(m_path);
    QVERIFY(!m_writer->start());
    m_account = addAccount(str("imap-main"));
    QVERIFY(m_account > 0);
}

qint64 TestImapSync::addAccount(const QString &name, const QByteArray &settings)
{
    AccountRecord account;
    account.name = name;
    account.provider = str("imap");
    account.settingsJson = settings;
    account.createdAt = QDateTime::currentDateTimeUtc();
    qint64 id = 0;
    if (const StoreError error = m_writer->addAccount(account, &id))
        qWarning() << error.message;
    return id;
}

RunResult TestImapSync::runSync(qint64 accountId, ImapSyncOptions options, ImapEndpoint endpoint,
                                ImapCredentialSource *credentials, const std::function<void(ImapSyncJob &)> &hook)
{
    AccountRecord account;
    account.id = accountId;
    account.provider = str("imap");
    if (endpoint.host.isEmpty())
        endpoint = m_dovecot.endpoint(ImapSecurity::Imaps);
    ImapSyncJob job(account, endpoint, credentials ? *credentials : *m_password, *m_writer, m_clock, m_path, options);
    QSignalSpy spy(&job, &SyncJob::finished);
    if (hook)
        hook(job);
    job.start();
    RunResult run;
    run.finished = spy.wait(kRunWaitMs) && spy.size() == 1;
    if (run.finished)
        run.failure = spy.at(0).at(0).value<Failure>();
    run.stats = job.stats();
    return run;
}

QStringList TestImapSync::files(const QString &folder) const
{
    QStringList out;
    for (const char *sub : {"cur", "new"}) {
        QDir dir(folderDir(folder) + QLatin1Char('/') + QLatin1String(sub));
        for (const QString &name : dir.entryList(QDir::Files, QDir::Name))
            out << dir.filePath(name);
    }
    return out;
}

ServerState TestImapSync::serverState() const
{
    ServerState state;
    for (const GeneratedFolder &folder : MaildirGenerator::folders()) {
        for (const QString &path : files(folder.name)) {
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                continue;
            ServerMessage &m = state[sha256(MaildirGenerator::toCrlf(f.readAll()))];
            m.folders.insert(folder.name);
            m.flags << imapFlags(QFileInfo(path).fileName());
        }
    }
    return state;
}

bool TestImapSync::doveadm(const QStringList &arguments)
{
    QByteArray output;
    const bool ok = m_dovecot.doveadm(arguments, &output);
    if (!ok)
        qWarning("doveadm %s: %s", qPrintable(arguments.join(QLatin1Char(' '))), output.constData());
    return ok;
}

qint64 TestImapSync::labelRows(qint64 accountId)
{
    ArchiveReader reader(m_path);
    return reader.folderMemberships(accountId).value_or(QList<FolderMembership>()).size();
}

// The archive against the server's Maildir: every live message once, byte-identical, with exactly the folders that
// hold it (restricted to onlyFolders when given) and its flags; every expunged one kept and marked deleted.
void TestImapSync::verifyArchive(qint64 accountId, const QSet<QString> &onlyFolders)
{
    ServerState server = serverState();
    if (!onlyFolders.isEmpty()) {
        for (auto it = server.begin(); it != server.end();) {
            it->folders &= onlyFolders;
            it = it->folders.isEmpty() ? server.erase(it) : std::next(it);
        }
    }
    ArchiveReader reader(m_path);
    QVERIFY(!reader.openError());
    QSqlQuery q(reader.database());
    QVERIFY(q.exec(str("PRAGMA integrity_check")) && q.next());
    QCOMPARE(q.value(0).toString(), str("ok"));
    QVERIFY(q.prepare(str("SELECT provider_id, flags, deleted_at IS NOT NULL FROM messages WHERE account_id = ?")));
    q.addBindValue(accountId);
    QVERIFY(q.exec());
    QSet<QByteArray> seen;
    int live = 0;
    while (q.next()) {
        const QString key = q.value(0).toString();
        const std::optional<QByteArray> raw = reader.rawMessage(accountId, key);
        QVERIFY2(raw.has_value(), qPrintable(key));
        const QByteArray hash = sha256(*raw);
        QVERIFY2(!seen.contains(hash), qPrintable(QStringLiteral("stored twice: %1").arg(key)));
        seen.insert(hash);
        if (q.value(2).toBool()) {
            QVERIFY2(!server.contains(hash), qPrintable(QStringLiteral("marked deleted but on the server: %1").arg(key)));
            QVERIFY2(reader.labelsOf(accountId, key).isEmpty(), qPrintable(key));
            continue;
        }
        ++live;
        const auto expected = server.constFind(hash);
        QVERIFY2(expected != server.cend(), qPrintable(QStringLiteral("archived, not on the server: %1").arg(key)));
        const QStringList labels = reader.labelsOf(accountId, key);
        QCOMPARE(QSet<QString>(labels.begin(), labels.end()), expected->folders);
        QSet<QString> flags;
        for (const QString &f : q.value(1).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts))
            if (f != QLatin1String("\\Recent"))
                flags << f;
        QVERIFY2(expected->flags.contains(flags), qPrintable(QStringList(flags.begin(), flags.end()).join(QLatin1Char(' '))));
    }
    QCOMPARE(live, int(server.size()));
    if (accountId == m_account)
        for (const QByteArray &hash : std::as_const(m_expunged))
            QVERIFY(seen.contains(hash));
}

void TestImapSync::fullSyncStoresEveryMessageOnceWithItsFolders()
{
    const RunResult run = runSync(m_account);
    QVERIFY(run.finished);
    QVERIFY2(run.failure.ok(), qPrintable(run.failure.detail));
    QCOMPARE(run.stats.folders, 9); // "Lists" is \Noselect
    QCOMPARE(run.stats.fetched, kMessages + kCopies);
    QCOMPARE(run.stats.stored, kMessages);
    QCOMPARE(run.stats.labelled, kCopies);
    QCOMPARE(run.stats.softDeleted, 0);
    verifyArchive(m_account);
    ArchiveReader reader(m_path);
    QCOMPARE(reader.messageCount(m_account, true), qint64(kMessages));
    for (const GeneratedFolder &folder : MaildirGenerator::folders())
        QVERIFY2(reader.checkpoint(m_account, folder.name, str("highestModSeq")).value_or(QString()).toULongLong() > 0,
                 qPrintable(folder.name));
}

void TestImapSync::unchangedMailboxFetchesNothing()
{
    const RunResult run = runSync(m_account);
    QVERIFY(run.finished);
    QVERIFY2(run.failure.ok(), qPrintable(run.failure.detail));
    QVERIFY(run.stats.qresync);
    QCOMPARE(run.stats.fetched, 0);
    QCOMPARE(run.stats.labelsRemoved, 0);
    QCOMPARE(run.stats.flagChanges, 0);
    verifyArchive(m_account);
}

void TestImapSync::incrementalAppliesNewMovedExpungedAndFlagged()
{
    const QString user = m_dovecot.user();
    QString error;
    // 5 new messages delivered to INBOX.
    for (int i = 0; i < 5; ++i) {
        GeneratedMessage delivered;
        QVERIFY2(MaildirGenerator::deliver(m_mail, kInbox, 100 + i, &delivered, &error), qPrintable(error));
    }
    // 3 moved from Archive to Sent (the file moves: the server expunges it in one folder, adds it to the other).
    const QStringList archive = files(str("Archive"));
    for (int i = 0; i < 3; ++i) {
        const QFileInfo source(archive.at(i * 11));
        QVERIFY(QFile::rename(source.filePath(), folderDir(str("Sent")) + str("/cur/") + source.fileName()));
    }
    // 4 expunged from Lists/dev, where they were alone.
    const ServerState before = serverState();
    for (const QString &path : files(str("Lists/dev")).mid(0, 4)) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        m_expunged.insert(sha256(MaildirGenerator::toCrlf(f.readAll())));
    }
    QVERIFY(doveadm({str("expunge"), str("-u"), user, str("mailbox"), str("Lists/dev"), str("uid"), str("1:4")}));
    // 2 flagged in INBOX by another client.
    QVERIFY(doveadm({str("flags"), str("add"), str("-u"), user, str("\\Flagged"), str("mailbox"), kInbox, str("uid"),
                     str("3:4")}));
    for (const QByteArray &hash : std::as_const(m_expunged))
        QCOMPARE(before.value(hash).folders, QSet<QString>{str("Lists/dev")});

    const RunResult run = runSync(m_account);
    QVERIFY(run.finished);
    QVERIFY2(run.failure.ok(), qPrintable(run.failure.detail));
    QVERIFY(run.stats.qresync);
    QCOMPARE(run.stats.fetched, 5 + 3); // the new ones, and the moved ones under their new UIDs
    QCOMPARE(run.stats.stored, 5);      // a moved message is not stored again
    QCOMPARE(run.stats.labelled, 3);
    QCOMPARE(run.stats.labelsRemoved, 3 + 4);
    QCOMPARE(run.stats.softDeleted, 4);
    QCOMPARE(run.stats.flagChanges, 2);
    QCOMPARE(run.stats.uidValidityResets, 0);
    verifyArchive(m_account);
}

void TestImapSync::uidValidityResetRelabelsWithoutStoringAgain()
{
    const QString folder = str("Reçus");
    const int inFolder = int(files(folder).size());
    QVERIFY(inFolder > 0);
    QVERIFY(doveadm({str("mailbox"), str("update"), str("-u"), m_dovecot.user(), str("--uid-validity"), str("4242"),
                     folder}));
    ArchiveReader reader(m_path);
    const qint64 stored = reader.messageCount(m_account, true);
    const RunResult run = runSync(m_account);
    QVERIFY(run.finished);
    QVERIFY2(run.failure.ok(), qPrintable(run.failure.detail));
    QCOMPARE(run.stats.uidValidityResets, 1);
    QCOMPARE(run.stats.fetched, inFolder);
    QCOMPARE(run.stats.stored, 0);
    QCOMPARE(run.stats.labelled, inFolder);
    QCOMPARE(run.stats.labelsRemoved, inFolder);
    QCOMPARE(run.stats.softDeleted, 0);
    QCOMPARE(reader.messageCount(m_account, true), stored);
    QCOMPARE(reader.checkpoint(m_account, folder, str("uidValidity")), std::optional<QString>(str("4242")));
    verifyArchive(m_account);
}

void TestImapSync::withoutQResyncSearchFindsWhatChanged()
{
    QString error;
    for (int i = 0; i < 2; ++i) {
        GeneratedMessage delivered;
        QVERIFY2(MaildirGenerator::deliver(m_mail, str("Drafts"), 200 + i, &delivered, &error), qPrintable(error));
    }
    const QStringList announce = files(str("Lists/announce"));
    for (const QString &path : announce.mid(0, 2)) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        m_expunged.insert(sha256(MaildirGenerator::toCrlf(f.readAll())));
    }
    QVERIFY(doveadm({str("expunge"), str("-u"), m_dovecot.user(), str("mailbox"), str("Lists/announce"), str("uid"),
                     str("1:2")}));
    QVERIFY(doveadm({str("flags"), str("add"), str("-u"), m_dovecot.user(), str("\\Answered"), str("mailbox"),
                     str("Sent"), str("uid"), str("5")}));
    ImapSyncOptions options;
    options.useQResync = false;
    const RunResult run = runSync(m_account, options);
    QVERIFY(run.finished);
    QVERIFY2(run.failure.ok(), qPrintable(run.failure.detail));
    QVERIFY(!run.stats.qresync);
    QCOMPARE(run.stats.fetched, 2);
    QCOMPARE(run.stats.stored, 2);
    QCOMPARE(run.stats.labelsRemoved, 2);
    QCOMPARE(run.stats.softDeleted, 2);
    QCOMPARE(run.stats.flagChanges, 1); // CONDSTORE: FETCH (FLAGS) (CHANGEDSINCE)
    verifyArchive(m_account);
}

void TestImapSync::folderFilterLeavesExcludedFoldersAlone()
{
    const qint64 account = addAccount(str("imap-filtered"));
    QString error;
    const ImapSyncOptions options =
        ImapSyncOptions::fromSettings(R"({"folders": {"include": ["INBOX", "Lists/*"], "exclude": ["*/announce"]}})",
                                      &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const RunResult run = runSync(account, options);
    QVERIFY(run.finished);
    QVERIFY2(run.failure.ok(), qPrintable(run.failure.detail));
    QCOMPARE(run.stats.folders, 2);
    QCOMPARE(run.stats.fetched, int(files(kInbox).size() + files(str("Lists/dev")).size()));
    verifyArchive(account, {kInbox, str("Lists/dev")});

    // The bad variant: a settings value of the wrong shape is reported, not silently taken as "everything".
    ImapSyncOptions::fromSettings(R"({"folders": {"include": "INBOX"}})", &error);
    QVERIFY(!error.isEmpty());
}

void TestImapSync::cancelKeepsWhatArrivedAndResumeFetchesTheRest()
{
    const qint64 account = addAccount(str("imap-cancel"));
    const int total = int(serverState().size());
    int filesOnServer = 0;
    for (const GeneratedFolder &folder : MaildirGenerator::folders())
        filesOnServer += int(files(folder.name).size());
    constexpr int kCancelAfter = 700;
    const RunResult cancelled = runSync(account, {}, {}, nullptr, [](ImapSyncJob &job) {
        QObject::connect(&job, &SyncJob::progressed, &job, [&job](const SyncProgress &p) {
            if (p.done == kCancelAfter)
                job.cancel();
        });
    });
    QVERIFY(cancelled.finished);
    QCOMPARE(toString(cancelled.failure.kind), toString(FailureKind::Cancelled));
    QCOMPARE(cancelled.stats.fetched, kCancelAfter);
    // Everything that arrived whole was committed, each with its folder's checkpoint.
    const qint64 kept = labelRows(account);
    QCOMPARE(kept, qint64(kCancelAfter));

    const RunResult resumed = runSync(account);
    QVERIFY(resumed.finished);
    QVERIFY2(resumed.failure.ok(), qPrintable(resumed.failure.detail));
    QCOMPARE(qint64(resumed.stats.fetched), filesOnServer - kept); // nothing committed is fetched again
    ArchiveReader reader(m_path);
    QCOMPARE(reader.messageCount(account, true), qint64(total));
    verifyArchive(account);
}

void TestImapSync::wrongPasswordIsCredentialRejectedOnce()
{
    PasswordSource wrong(m_dovecot.user(), "not-" + m_dovecot.password());
    const RunResult run = runSync(m_account, {}, {}, &wrong);
    QVERIFY(run.finished);
    QCOMPARE(toString(run.failure.kind), toString(FailureKind::CredentialRejected));
    QCOMPARE(wrong.asked, 1); // no second attempt with the same password
    QCOMPARE(run.stats.folders, 0);
}

void TestImapSync::untrustedCertificateIsAClearError()
{
    ImapEndpoint endpoint = m_dovecot.endpoint(ImapSecurity::Imaps);
    endpoint.caFile = m_dovecot.untrustedCaFile();
    const RunResult run = runSync(m_account, {}, endpoint);
    QVERIFY(run.finished);
    QCOMPARE(toString(run.failure.kind), toString(FailureKind::ClientMisconfigured));
    QVERIFY2(run.failure.detail.contains(str("certificate"), Qt::CaseInsensitive), qPrintable(run.failure.detail));
    QCOMPARE(run.stats.folders, 0);
}

void TestImapSync::stoppedServerIsTransient()
{
    QVERIFY(m_dovecot.stop());
    const RunResult run = runSync(m_account);
    QVERIFY(run.finished);
    QCOMPARE(toString(run.failure.kind), toString(FailureKind::NetworkTransient));
    QString error;
    QVERIFY2(m_dovecot.start(&error), qPrintable(error));
    const RunResult again = runSync(m_account);
    QVERIFY(again.finished);
    QVERIFY2(again.failure.ok(), qPrintable(again.failure.detail));
    QCOMPARE(again.stats.fetched, 0);
}

void TestImapSync::cleanupTestCase()
{
    m_writer.reset();
}

QTEST_GUILESS_MAIN(TestImapSync)
#include "tst_imapsync.moc"
