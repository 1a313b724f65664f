// An IMAP mailbox on a real Dovecot (2,000 generated messages in 9 folders, nested and non-ASCII names, some filed in
// two folders) archived by the real vaulttray executable, as a person runs it: `account add-imap --password-stdin`
// (the password into gnome-keyring on a private session bus), then `sync --once`.
// - kill -9 at several points of the first sync (the server frozen first, so the kill lands mid-transfer); each
//   restart completes with nothing missing or doubled, and the last one fetches exactly what was not committed
//   (Dovecot's own count of bodies sent, from its log);
// - every message byte-identical to the server's Maildir file (CRLF), stored once, with the folders holding it;
// - new, moved and expunged mail and a UIDVALIDITY reset, applied by the next run;
// - a wrong password exits 4 after one login attempt; a stopped server exits 3; an untrusted certificate exits 5
//   naming the certificate; the password is in no file but the keyring's.
#include "dovecottestbed.h"
#include "maildirgenerator.h"
#include "secretstestbed.h"
#include "store/archivereader.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>

#include <csignal>

#include <sys/types.h>
#include <unistd.h>

using namespace vaulttray;
using namespace vaulttray::test;

namespace {
constexpr int kMessages = 2000;
constexpr quint64 kSeed = 21;
constexpr int kCopies = 25;
constexpr int kProcessTimeoutMs = 120000;
constexpr int kWorkTimeoutMs = 90000;
const QString kInbox = QStringLiteral("INBOX");

QString str(const char *s) { return QString::fromUtf8(s); }

QByteArray sha256(const QByteArray &data) { return QCryptographicHash::hash(data, QCryptographicHash::Sha256); }

struct Run
{
    int exitCode = -1;
    QString out, err;
};
} // namespace

class TestImapArchive : public QObject
{
    Q_OBJECT

public:
    explicit TestImapArchive(SecretsTestBed &bed)
        : m_bed(bed)
    {
    }

private slots:
    void initTestCase()
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
        const QStringList inbox = files(kInbox);
        for (int i = 0; i < kCopies; ++i) {
            const QFileInfo source(inbox.at(i * 5));
            const QString target = folderDir(str("Lists/dev")) + str("/cur/copy") + QString::number(i) +
                                   QLatin1Char('.') + source.fileName();
            QVERIFY(QFile::copy(source.filePath(), target));
            QVERIFY(::chown(QFile::encodeName(target).constData(), m_mail.uid, m_mail.gid) == 0);
        }
        m_archive = m_bed.root() + str("/a/archive.db");
        QVERIFY(addImap(str("me"), m_dovecot.password(), m_dovecot.caFile()));
        m_account = accountId(str("me"));
        QVERIFY(m_account > 0);
    }

    void killedMidSyncRestartsWithoutLossOrDuplicates()
    {
        const QList<qint64> killAt{300, 700, 1100};
        for (const qint64 k : killAt) {
            const qint64 before = labelRows();
            QProcess p;
            p.start(qEnvironmentVariable("VAULTTRAY_BIN"), {str("--archive"), m_archive, str("sync"), str("--once"), str("me")});
            QVERIFY(p.waitForStarted());
            QTRY_VERIFY_WITH_TIMEOUT(labelRows() >= k || p.state() == QProcess::NotRunning, kWorkTimeoutMs);
            // Freeze the server's side, so the process is caught mid-transfer rather than done.
            const QList<qint64> imap = m_dovecot.imapProcesses();
            for (const qint64 pid : imap)
                ::kill(pid_t(pid), SIGSTOP);
            QCOMPARE(p.state(), QProcess::Running);
            p.kill(); // SIGKILL
            QVERIFY(p.waitForFinished(kProcessTimeoutMs));
            QCOMPARE(p.exitStatus(), QProcess::CrashExit);
            for (const qint64 pid : imap)
                ::kill(pid_t(pid), SIGCONT);
            verifyIntact();
            QVERIFY(labelRows() >= k);
            qInfo("kill at %lld: %lld folder entries committed before, %lld after", k, before, labelRows());
        }
        const qint64 committed = labelRows();
        QVERIFY(committed < filesOnServer());
        const int logouts = logoutsLogged();
        const Run r = sync(str("me"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // Dovecot writes the session's line as it ends, which may be just after the client is gone.
        QTRY_COMPARE_WITH_TIMEOUT(logoutsLogged(), logouts + 1, kWorkTimeoutMs);
        // The restart fetched exactly what was not committed: nothing is fetched twice, nothing skipped.
        QCOMPARE(lastLogoutBodies(), filesOnServer() - committed);
        verifyIntact();
        verifyArchive();
        ArchiveReader reader(m_archive);
        const QList<SyncRunRecord> runs = reader.syncRuns(m_account, 100);
        QCOMPARE(runs.size(), killAt.size() + 1);
        QCOMPARE(runs.first().status, str("ok"));
        for (int i = 1; i < runs.size(); ++i)
            QCOMPARE(runs.at(i).status, str("interrupted"));
        QCOMPARE(reader.messageCount(m_account, true), qint64(kMessages));
    }

    void incrementalAppliesNewMovedExpungedAndReset()
    {
        QString error;
        for (int i = 0; i < 3; ++i) {
            GeneratedMessage delivered;
            QVERIFY2(MaildirGenerator::deliver(m_mail, kInbox, 300 + i, &delivered, &error), qPrintable(error));
        }
        const QStringList sent = files(str("Sent"));
        for (int i = 0; i < 2; ++i) {
            const QFileInfo source(sent.at(i * 13));
            QVERIFY(QFile::rename(source.filePath(), folderDir(str("Trash")) + str("/cur/") + source.fileName()));
        }
        QSet<QByteArray> expunged;
        for (const QString &path : files(str("Archive/2023")).mid(0, 2))
            expunged.insert(contentOf(path));
        QVERIFY(doveadm({str("expunge"), str("-u"), m_dovecot.user(), str("mailbox"), str("Archive/2023"), str("uid"),
                         str("1:2")}));
        const qint64 reset = files(str("Reçus")).size();
        QVERIFY(doveadm({str("mailbox"), str("update"), str("-u"), m_dovecot.user(), str("--uid-validity"), str("777"),
                         str("Reçus")}));
        const int logouts = logoutsLogged();
        const Run r = sync(str("me"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QTRY_COMPARE_WITH_TIMEOUT(logoutsLogged(), logouts + 1, kWorkTimeoutMs);
        QCOMPARE(lastLogoutBodies(), qint64(3 + 2) + reset); // new, moved, and the rescanned folder
        verifyIntact();
        verifyArchive();
        ArchiveReader reader(m_archive);
        QCOMPARE(reader.messageCount(m_account, true), qint64(kMessages + 3));
        QCOMPARE(reader.messageCount(m_account, false), qint64(kMessages + 3 - expunged.size()));
        QCOMPARE(reader.syncRuns(m_account, 1).value(0).deleted, int(expunged.size()));
    }

    void wrongPasswordExitsFourAfterOneAttempt()
    {
        QVERIFY(addImap(str("wrong"), "not-the-password", m_dovecot.caFile()));
        const int failedBefore = failedLogins();
        const Run r = sync(str("wrong"));
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains(str("wrong: credential-rejected")), qPrintable(r.err));
        QTRY_COMPARE_WITH_TIMEOUT(failedLogins(), failedBefore + 1, kWorkTimeoutMs);
        QCOMPARE(failedLogins(), failedBefore + 1); // one attempt: no retry storm
    }

    void untrustedCertificateExitsFiveNamingIt()
    {
        QVERIFY(addImap(str("untrusted"), m_dovecot.password(), m_dovecot.untrustedCaFile()));
        const Run r = sync(str("untrusted"));
        QCOMPARE(r.exitCode, 5);
        QVERIFY2(r.err.contains(str("certificate"), Qt::CaseInsensitive), qPrintable(r.err));
    }

    void stoppedServerExitsThree()
    {
        QVERIFY(m_dovecot.stop());
        const Run r = sync(str("me"));
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(str("me: network-transient")), qPrintable(r.err));
        QString error;
        QVERIFY2(m_dovecot.start(&error), qPrintable(error));
        const int logouts = logoutsLogged();
        const Run again = sync(str("me"));
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QTRY_COMPARE_WITH_TIMEOUT(logoutsLogged(), logouts + 1, kWorkTimeoutMs);
        QCOMPARE(lastLogoutBodies(), 0);
    }

    void cleanupTestCase()
    {
        // The password went to the keyring (encrypted) only: not into the archive, settings or logs.
        QCOMPARE(m_bed.filesContaining(m_dovecot.password()), QStringList());
    }

private:
    bool addImap(const QString &name, const QByteArray &password, const QString &caFile)
    {
        QProcess p;
        p.start(qEnvironmentVariable("VAULTTRAY_BIN"),
                {str("--archive"), m_archive, str("account"), str("add-imap"), name, str("--host"), str("127.0.0.1"),
                 str("--port"), QString::number(m_dovecot.imapsPort()), str("--security"), str("imaps"), str("--user"),
                 m_dovecot.user(), str("--ca-file"), caFile, str("--password-stdin")});
        if (!p.waitForStarted())
            return false;
        p.write(password + '\n');
        p.closeWriteChannel();
        if (!p.waitForFinished(kProcessTimeoutMs))
            return false;
        if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            qWarning("add-imap: %s", p.readAllStandardError().constData());
            return false;
        }
        return true;
    }

    Run sync(const QString &name)
    {
        QProcess p;
        p.start(qEnvironmentVariable("VAULTTRAY_BIN"), {str("--archive"), m_archive, str("sync"), str("--once"), name});
        Run r;
        if (!p.waitForStarted())
            return r;
        p.closeWriteChannel();
        if (!p.waitForFinished(kProcessTimeoutMs))
            return r;
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    bool doveadm(const QStringList &arguments)
    {
        QByteArray output;
        const bool ok = m_dovecot.doveadm(arguments, &output);
        if (!ok)
            qWarning("doveadm: %s", output.constData());
        return ok;
    }

    // Dovecot's count of message bodies it sent in the last session that logged out cleanly.
    qint64 lastLogoutBodies() const
    {
        static const QRegularExpression bodies(str("Logged out .*body_count=(\\d+)"));
        qint64 count = -1;
        for (const QByteArray &line : m_dovecot.log().split('\n')) {
            const QRegularExpressionMatch m = bodies.match(QString::fromUtf8(line));
            if (m.hasMatch())
                count = m.captured(1).toLongLong();
        }
        return count;
    }

    int logoutsLogged() const { return int(m_dovecot.log().count("Logged out ")); }

    int failedLogins() const { return int(m_dovecot.log().count("auth failed")); }

    QString folderDir(const QString &folder) const { return MaildirGenerator::folderPath(m_dovecot.mailRoot(), folder); }

    QStringList files(const QString &folder) const
    {
        QStringList out;
        for (const char *sub : {"cur", "new"}) {
            QDir dir(folderDir(folder) + QLatin1Char('/') + QLatin1String(sub));
            for (const QString &name : dir.entryList(QDir::Files, QDir::Name))
                out << dir.filePath(name);
        }
        return out;
    }

    static QByteArray contentOf(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? sha256(MaildirGenerator::toCrlf(f.readAll())) : QByteArray();
    }

    qint64 filesOnServer() const
    {
        qint64 n = 0;
        for (const GeneratedFolder &folder : MaildirGenerator::folders())
            n += files(folder.name).size();
        return n;
    }

    // Folder entries (message, folder, UID) committed: one per server file archived.
    qint64 labelRows()
    {
        ArchiveReader reader(m_archive);
        return reader.openError() ? 0 : reader.folderMemberships(m_account).value_or(QList<FolderMembership>()).size();
    }

    qint64 accountId(const QString &name)
    {
        ArchiveReader reader(m_archive);
        const std::optional<AccountRecord> a = reader.account(name);
        return a ? a->id : 0;
    }

    // The archive opens, passes integrity_check and holds each message once.
    void verifyIntact()
    {
        ArchiveReader reader(m_archive);
        QVERIFY2(!reader.openError(), qPrintable(reader.openError().message));
        QSqlQuery q(reader.database());
        QVERIFY(q.exec(str("PRAGMA integrity_check")) && q.next());
        QCOMPARE(q.value(0).toString(), str("ok"));
        QVERIFY(q.prepare(str("SELECT COUNT(*), COUNT(DISTINCT content_sha256) FROM messages WHERE account_id = ?")));
        q.addBindValue(m_account);
        QVERIFY(q.exec() && q.next());
        QCOMPARE(q.value(0).toLongLong(), q.value(1).toLongLong());
    }

    // Every message on the server archived byte-identical and live, with exactly the folders holding it; nothing
    // live that the server does not have.
    void verifyArchive()
    {
        QHash<QByteArray, QSet<QString>> server;
        for (const GeneratedFolder &folder : MaildirGenerator::folders())
            for (const QString &path : files(folder.name))
                server[contentOf(path)].insert(folder.name);
        ArchiveReader reader(m_archive);
        QVERIFY(!reader.openError());
        const QSet<QString> live = reader.providerIds(m_account, false);
        QCOMPARE(live.size(), server.size());
        for (const QString &key : live) {
            const std::optional<QByteArray> raw = reader.rawMessage(m_account, key);
            QVERIFY2(raw.has_value(), qPrintable(key));
            const auto expected = server.constFind(sha256(*raw));
            QVERIFY2(expected != server.cend(), qPrintable(QStringLiteral("not on the server: %1").arg(key)));
            const QStringList labels = reader.labelsOf(m_account, key);
            QCOMPARE(QSet<QString>(labels.begin(), labels.end()), *expected);
        }
    }

    SecretsTestBed &m_bed;
    DovecotTestbed m_dovecot;
    MaildirOptions m_mail;
    QString m_archive;
    qint64 m_account = 0;
};

int main(int argc, char **argv)
{
    SecretsTestBed bed(SecretsTestBed::Bus::WithKeyring);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("vaulttray"));
    QString error;
    if (!bed.start(&error)) {
        qCritical("test bed: %s", qPrintable(error));
        return 1;
    }
    TestImapArchive test(bed);
    const int failed = QTest::qExec(&test, argc, argv);
    bed.stop();
    return failed;
}

#include "tst_imap_archive.moc"
