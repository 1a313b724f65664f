// Power cuts across a real IMAP sync: ImapSyncJob fetches a generated mailbox (nine folders, nested and non-ASCII
// names, a large attachment, copies filed in two folders) from a real Dovecot and writes it through the app's
// ArchiveWriter into an archive whose I/O goes through PowercutVfs. The power fails at a random operation (anywhere,
// at or just after a commit's WAL sync, inside a WAL checkpoint); the job and the writer stop as a dying process
// would. What a reboot finds must pass integrity_check and the app's start-up checks, hold every message of the last
// batch the writer acknowledged byte-identical to the server's file, and carry per-folder checkpoints (UIDVALIDITY,
// the last UID, HIGHESTMODSEQ) that claim no UID it does not hold; a sync on it then completes with every message
// exactly once. The controls (synchronous=NORMAL; a disk that ignores the WAL's fsync) must lose acknowledged
// messages across the same runs.
//
// VAULTTRAY_POWERCUT_SYNC_CUTS=N sets the durable row's cuts (default 100; scripts/soak powercut runs
// more), VAULTTRAY_POWERCUT_SEED=S reproduces a run's cut plan (the network still decides the batches).
#include "dovecottestbed.h"
#include "maildirgenerator.h"
#include "syncpowercut.h"

#include "core/clock.h"
#include "store/archivereader.h"
#include "sync/imap/imapcredentialsource.h"
#include "sync/imap/imapsyncjob.h"
#include "sync/messagerecord.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTest>

#include <unistd.h>

using namespace vaulttray;
using namespace vaulttray::test;

namespace {

constexpr int kMessages = 100;
constexpr quint64 kServerSeed = 12;
// Small enough to keep a run short, large enough that its literal spans many socket reads and WAL frames.
constexpr qint64 kLargeMessageBytes = 256 * 1024;
// A batch for the writer every few messages: a run has many commits to cut between.
constexpr int kFlushMessages = 8;
constexpr quint64 kDefaultSeed = 20260602;
const QString kUidValidity = QStringLiteral("uidValidity");
const QString kLastUid = QStringLiteral("lastUid");
const QString kHighestModSeq = QStringLiteral("highestModSeq");

class PasswordSource final : public ImapCredentialSource
{
public:
    PasswordSource(QString user, QByteArray password) : m_user(std::move(user)), m_password(std::move(password)) {}
    void credentials(QObject *context, std::function<void(const Failure &, const ImapCredentials &)> done) override
    {
        const ImapCredentials c{ImapAuthMethod::Password, m_user, m_password};
        QMetaObject::invokeMethod(
            context, [done, c] { done(Failure::none(), c); }, Qt::QueuedConnection);
    }
    void invalidate(const QByteArray &) override {}

private:
    QString m_user;
    QByteArray m_password;
};

class ImapSync final : public SyncUnderTest
{
public:
    QString start() override
    {
        QString error;
        if (!m_dovecot.start(&error))
            return error;
        MaildirOptions mail;
        mail.root = m_dovecot.mailRoot();
        mail.messages = kMessages;
        mail.seed = kServerSeed;
        mail.largeMessageBytes = kLargeMessageBytes;
        mail.uid = m_dovecot.mailUid();
        mail.gid = m_dovecot.mailGid();
        QList<GeneratedMessage> generated;
        if (!MaildirGenerator::generate(mail, &generated, &error))
            return error;
        // Another client filed a few INBOX messages in a second folder too: the same bytes under another UID.
        QList<GeneratedMessage> inbox;
        for (const GeneratedMessage &m : std::as_const(generated)) {
            if (m.folder == QStringLiteral("INBOX"))
                inbox << m;
        }
        for (int i = 0; i < inbox.size() && i < kCopies; ++i) {
            const QString target = MaildirGenerator::folderPath(mail.root, QStringLiteral("Archive/2023")) +
                                   QStringLiteral("/cur/copy%1.").arg(i) + QFileInfo(inbox.at(i).path).fileName();
            if (!QFile::copy(inbox.at(i).path, target) ||
                ::chown(QFile::encodeName(target).constData(), mail.uid, mail.gid) != 0)
                return QStringLiteral("cannot copy ") + inbox.at(i).path;
        }
        // What the server hands out for each file, under the key the archive stores it by.
        for (const GeneratedFolder &folder : MaildirGenerator::folders()) {
            for (const char *sub : {"cur", "new"}) {
                const QDir dir(MaildirGenerator::folderPath(mail.root, folder.name) + QLatin1Char('/') +
                               QLatin1String(sub));
                for (const QString &name : dir.entryList(QDir::Files)) {
                    QFile f(dir.filePath(name));
                    if (!f.open(QIODevice::ReadOnly))
                        return f.errorString();
                    const QByteArray raw = MaildirGenerator::toCrlf(f.readAll());
                    m_messages.insert(contentKey(buildMessageRecord(raw, {}).messageId, raw), raw);
                }
            }
        }
        if (m_messages.size() != kMessages)
            return QStringLiteral("the server holds %1 distinct messages").arg(m_messages.size());
        m_password = std::make_unique<PasswordSource>(m_dovecot.user(), m_dovecot.password());
        return {};
    }

    std::unique_ptr<SyncJob> makeJob(const AccountRecord &account, ArchiveWriter &writer,
                                     const QString &archivePath) override
    {
        ImapSyncOptions options;
        options.flushMessages = kFlushMessages;
        return std::make_unique<ImapSyncJob>(account, m_dovecot.endpoint(ImapSecurity::Plain), *m_password, writer,
                                             m_clock, archivePath, options);
    }

    const QHash<QString, QByteArray> &serverMessages() const override { return m_messages; }

    // The server's UIDs, from the reference run's archive (its messages already compared with the server's files).
    QString learnReference(ArchiveReader &reader, qint64 accountId) override
    {
        const std::optional<QList<FolderMembership>> memberships = reader.folderMemberships(accountId);
        if (!memberships || memberships->isEmpty())
            return QStringLiteral("the reference archive has no folder memberships");
        for (const FolderMembership &m : *memberships)
            m_uids[m.folder].insert(m.uid, m.providerId);
        m_uidValidity.clear();
        const auto checkpoints = reader.checkpoints(accountId);
        for (auto it = checkpoints.cbegin(); it != checkpoints.cend(); ++it) {
            if (!it.key().isEmpty())
                m_uidValidity.insert(it.key(), it.value().value(kUidValidity));
        }
        if (m_uids.size() < 2 || m_uidValidity.size() < m_uids.size())
            return QStringLiteral("the reference archive has %1 folders with mail, %2 with a UIDVALIDITY")
                .arg(m_uids.size())
                .arg(m_uidValidity.size());
        return {};
    }

    // lastUid says every UID up to it is archived; highestModSeq that the folder is complete.
    QStringList checkCheckpoints(ArchiveReader &reader, qint64 accountId, const AckSnapshot &last,
                                 bool complete) override
    {
        QStringList problems;
        QSet<QPair<QString, qint64>> held;
        for (const FolderMembership &m : reader.folderMemberships(accountId).value_or(QList<FolderMembership>()))
            held.insert({m.folder, m.uid});
        const auto checkpoints = reader.checkpoints(accountId);
        for (auto folder = m_uidValidity.cbegin(); folder != m_uidValidity.cend(); ++folder) {
            const QHash<QString, QString> c = checkpoints.value(folder.key());
            const QHash<qint64, QString> uids = m_uids.value(folder.key());
            const QString validity = c.value(kUidValidity);
            if (!validity.isEmpty() && validity != folder.value())
                problems << QStringLiteral("%1: UIDVALIDITY %2, the server's is %3")
                                .arg(folder.key(), validity, folder.value());
            const qint64 lastUid = c.value(kLastUid).toLongLong();
            const bool folderDone = !c.value(kHighestModSeq).isEmpty();
            for (auto uid = uids.cbegin(); uid != uids.cend(); ++uid) {
                if ((uid.key() <= lastUid || folderDone) && !held.contains({folder.key(), uid.key()})) {
                    problems << QStringLiteral("%1: the checkpoint (last UID %2%3) covers UID %4, which is not there")
                                    .arg(folder.key())
                                    .arg(lastUid)
                                    .arg(folderDone ? QStringLiteral(", complete") : QString())
                                    .arg(uid.key());
                    break;
                }
            }
            const qint64 ackedLastUid = last.checkpoints.value(folder.key()).value(kLastUid).toLongLong();
            if (lastUid < ackedLastUid)
                problems << QStringLiteral("%1: last UID %2, behind the acknowledged %3")
                                .arg(folder.key())
                                .arg(lastUid)
                                .arg(ackedLastUid);
            if (complete && !folderDone)
                problems << QStringLiteral("%1: not complete after the re-sync").arg(folder.key());
        }
        return problems;
    }

private:
    static constexpr int kCopies = 5;
    DovecotTestbed m_dovecot;
    SystemClock m_clock;
    std::unique_ptr<PasswordSource> m_password;
    QHash<QString, QByteArray> m_messages;
    QHash<QString, QHash<qint64, QString>> m_uids; // folder → UID → provider id
    QHash<QString, QString> m_uidValidity;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    ImapSync sync;
    SyncPowercutTest test(sync, QStringLiteral("imap"), kMessages, kDefaultSeed);
    return QTest::qExec(&test, argc, argv);
}
