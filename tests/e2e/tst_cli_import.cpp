// `vaulttray import` as a person runs it, with no account at all: a Maildir and mbox files archived byte for byte
// into the account "local", nothing twice across imports, a cut-short last message kept and counted, an import
// killed mid-way (kill -9) resumed from its checkpoint with nothing lost or doubled, and bad input refused with a
// clear message and the right exit code before anything is written.
#include "clirun.h"
#include "mailcorpus.h"

#include "store/archivereader.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <unistd.h>

using namespace vaulttray;
using namespace vaulttray::test;

namespace {
constexpr int kProcessTimeoutMs = 90000;
constexpr int kFirstBatchTimeoutMs = 60000;
// The mbox of the tests that stop an import part-way: about 80 MB, six batches or more. When it is stopped after
// its first batch at most two more can have been read (one committing, one waiting), so it cannot be complete.
constexpr int kStopCorpus = 3000;
// How long the importer runs between two looks at the archive: a tiny share of what importing kStopCorpus takes.
constexpr int kSliceMs = 20;
constexpr uid_t kNobody = 65534;
const QString kLocal = QStringLiteral("local");

using Run = CliRun;

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}
} // namespace

class TestCliImport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(binary()).isExecutable(), qPrintable(binary()));
        QVERIFY(m_dir.isValid());
        // Readable by an unprivileged user too: one case runs the command line as one.
        QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther |
                                                QFile::ExeOther | QFile::ReadGroup | QFile::ExeGroup);
    }

    void init()
    {
        m_archive = m_dir.filePath(QStringLiteral("archive-%1/archive.db").arg(++m_archives));
        QDir().mkpath(QFileInfo(m_archive).path());
    }

    // The first run of someone with no account: a Maildir is all it takes.
    void aMaildirIsArchivedWithNoAccount()
    {
        const QString root = m_dir.filePath(QStringLiteral("Maildir"));
        const Corpus corpus = writeMaildirCorpus(root, 300, 21);
        QVERIFY2(corpus.error.isEmpty(), qPrintable(corpus.error));
        const Run r = run({QStringLiteral("import"), QStringLiteral("maildir"), root});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("Added the account \"local\"")), qPrintable(r.err));
        QVERIFY2(r.out.startsWith(QStringLiteral("Imported 300 messages from %1 into \"local\"").arg(root)),
                 qPrintable(r.out));
        QCOMPARE(accountMessages(kLocal), 300);
        verifyArchive(corpus, true);

        // A local account has nothing to sync: the daemon does not schedule it, so nothing fails.
        const Run sync = run({QStringLiteral("sync"), QStringLiteral("--once")});
        QVERIFY2(sync.exitCode == 0, qPrintable(sync.err));
        QCOMPARE(sync.out, QStringLiteral("No accounts to sync.\n"));
    }

    // Dedupe across imports: the same file again, a copy under another name, and the same mail as a Maildir.
    void nothingIsArchivedTwice()
    {
        const QString mbox = m_dir.filePath(QStringLiteral("Old.mbox"));
        const Corpus corpus = writeMboxCorpus(mbox, 300, 22);
        QVERIFY2(corpus.error.isEmpty(), qPrintable(corpus.error));
        const Run first = run({QStringLiteral("import"), QStringLiteral("mbox"), mbox});
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        QCOMPARE(first.out, QStringLiteral("Imported 300 messages from %1 into \"local\".\n").arg(mbox));
        verifyArchive(corpus, false);

        const Run again = run({QStringLiteral("import"), QStringLiteral("mbox"), mbox});
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QVERIFY2(again.out.contains(QStringLiteral("has not changed since: nothing to do")), qPrintable(again.out));

        const QString copy = m_dir.filePath(QStringLiteral("Copy.mbox"));
        QVERIFY(QFile::copy(mbox, copy));
        const Run copied = run({QStringLiteral("import"), QStringLiteral("mbox"), copy});
        QVERIFY2(copied.exitCode == 0, qPrintable(copied.err));
        QCOMPARE(copied.out,
                 QStringLiteral("Imported 0 messages from %1 into \"local\"; 300 already archived.\n").arg(copy));

        const QString root = m_dir.filePath(QStringLiteral("SameMail"));
        const Corpus sameMail = writeMaildirCorpus(root, 300, 22);
        QVERIFY2(sameMail.error.isEmpty(), qPrintable(sameMail.error));
        const Run maildir = run({QStringLiteral("import"), QStringLiteral("maildir"), root});
        QVERIFY2(maildir.exitCode == 0, qPrintable(maildir.err));
        QVERIFY2(maildir.out.startsWith(QStringLiteral("Imported 0 messages")), qPrintable(maildir.out));
        QCOMPARE(accountMessages(kLocal), 300);
        // Found again elsewhere, a message joins that folder too.
        const QHash<QByteArray, CorpusMessage> inMaildir = sameMail.bySha256();
        ArchiveReader reader(m_archive);
        for (const ArchivedMessage &m : archivedMessages(reader, localId(reader))) {
            QVERIFY(inMaildir.contains(m.sha256));
            QCOMPARE(m.labels, sorted(inMaildir.value(m.sha256).folders + QStringList{"Copy", "Old"}));
        }
    }

    void aCutShortLastMessageIsKeptAndCounted()
    {
        const QString mbox = m_dir.filePath(QStringLiteral("cut.mbox"));
        const Corpus corpus = writeMboxCorpus(mbox, 50, 23, MboxOptions{true, true});
        QVERIFY2(corpus.error.isEmpty(), qPrintable(corpus.error));
        const Run r = run({QStringLiteral("import"), QStringLiteral("mbox"), mbox});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("1 message cut short where the file ends: archived as found.")),
                 qPrintable(r.out));
        verifyArchive(corpus, false);
    }

    // kill -9 after at least one batch and before the last: the archive holds exactly the messages its checkpoint
    // covers, and running the same command again finishes the rest.
    void aKilledImportResumes()
    {
        const QString mbox = m_dir.filePath(QStringLiteral("All mail.mbox"));
        const Corpus corpus = writeMboxCorpus(mbox, kStopCorpus, 24);
        QVERIFY2(corpus.error.isEmpty(), qPrintable(corpus.error));
        QCOMPARE(run({QStringLiteral("account"), QStringLiteral("list")}).exitCode, 0); // the archive exists

        QProcess importer;
        importer.setProcessEnvironment(environment());
        importer.start(binary(), {QStringLiteral("import"), QStringLiteral("mbox"), mbox});
        QVERIFY(importer.waitForStarted());
        QVERIFY(runUntilFirstBatch(importer, mbox));
        const qint64 offset = checkpointOffset(mbox); // stopped: nothing changes until it dies
        ::kill(pid_t(importer.processId()), SIGKILL);
        QVERIFY(importer.waitForFinished(kProcessTimeoutMs));

        QVERIFY(offset < QFileInfo(mbox).size());
        int before = 0;
        for (const CorpusMessage &m : corpus.messages)
            before += m.offset < offset ? 1 : 0;
        QCOMPARE(accountMessages(kLocal), before);

        const Run resumed = run({QStringLiteral("import"), QStringLiteral("mbox"), mbox});
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
        QCOMPARE(resumed.out, QStringLiteral("Imported %1 messages from %2 into \"local\" (resumed where the last "
                                             "import stopped).\n")
                                  .arg(QLocale().toString(corpus.messages.size() - before), mbox));
        verifyArchive(corpus, false);
    }

    // Ctrl-C: the import commits what it read, with its checkpoint, says so and exits 130; the same command
    // finishes. The signal comes while the importer is stopped after its first batch.
    void ctrlCStopsAfterCommittingWhatWasRead()
    {
        const QString mbox = m_dir.filePath(QStringLiteral("Interrupted.mbox"));
        const Corpus corpus = writeMboxCorpus(mbox, kStopCorpus, 27);
        QVERIFY2(corpus.error.isEmpty(), qPrintable(corpus.error));
        QCOMPARE(run({QStringLiteral("account"), QStringLiteral("list")}).exitCode, 0);

        QProcess importer;
        importer.setProcessEnvironment(environment());
        importer.start(binary(), {QStringLiteral("import"), QStringLiteral("mbox"), mbox});
        QVERIFY(importer.waitForStarted());
        QVERIFY(runUntilFirstBatch(importer, mbox));
        ::kill(pid_t(importer.processId()), SIGINT);
        ::kill(pid_t(importer.processId()), SIGCONT);
        QVERIFY(importer.waitForFinished(kProcessTimeoutMs));
        const QByteArray err = importer.readAllStandardError();
        QCOMPARE(importer.exitCode(), 130);
        QVERIFY2(err.contains("Stopped. What was read is archived; run the same command again to finish."),
                 err.constData());

        const qint64 offset = checkpointOffset(mbox);
        QVERIFY(offset < QFileInfo(mbox).size());
        int before = 0;
        for (const CorpusMessage &m : corpus.messages)
            before += m.offset < offset ? 1 : 0;
        QCOMPARE(accountMessages(kLocal), before);
        const Run rest = run({QStringLiteral("import"), QStringLiteral("mbox"), mbox});
        QVERIFY2(rest.exitCode == 0, qPrintable(rest.err));
        QVERIFY2(rest.out.contains(QStringLiteral("(resumed where the last import stopped)")), qPrintable(rest.out));
        verifyArchive(corpus, false);
    }

    void badInputIsRefusedAndChangesNothing_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString eml = m_dir.filePath(QStringLiteral("message.eml"));
        QFile file(eml);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("From: a@example.org\r\nSubject: one message, not an mbox\r\n\r\nhi\r\n");
        file.close();
        const QString plainDir = m_dir.filePath(QStringLiteral("plain"));
        QDir().mkpath(plainDir + QStringLiteral("/sub"));
        const QString missing = m_dir.filePath(QStringLiteral("missing.mbox"));
        QTest::newRow("a message file is not an mbox")
            << QStringList{"import", "mbox", eml} << 5
            << QStringLiteral("%1 is not an mbox file: it does not start with a \"From \" line").arg(eml);
        QTest::newRow("a folder is not an mbox")
            << QStringList{"import", "mbox", plainDir} << 5
            << QStringLiteral("%1 is a folder, not an mbox file (for a Maildir: vaulttray import maildir %1)")
                   .arg(plainDir);
        QTest::newRow("a folder without cur/ and new/ is not a Maildir")
            << QStringList{"import", "maildir", plainDir} << 5
            << QStringLiteral("%1 is not a Maildir: it has no cur/ and new/ folders").arg(plainDir);
        QTest::newRow("a file is not a Maildir")
            << QStringList{"import", "maildir", eml} << 5
            << QStringLiteral("%1 is a file, not a Maildir folder (for an mbox file: vaulttray import mbox %1)")
                   .arg(eml);
        QTest::newRow("a path that does not exist")
            << QStringList{"import", "mbox", missing} << 5 << QStringLiteral("%1 does not exist").arg(missing);
        QTest::newRow("an unknown account")
            << QStringList{"import", "maildir", m_dir.filePath(QStringLiteral("Maildir")), "--account", "nobody"} << 5
            << QStringLiteral("no account named \"nobody\"");
        QTest::newRow("neither mbox nor maildir")
            << QStringList{"import", "pst", eml} << 2 << QStringLiteral("import takes mbox or maildir");
        QTest::newRow("no path") << QStringList{"import", "mbox"} << 2
                                 << QStringLiteral("import mbox needs exactly one PATH");
    }

    void badInputIsRefusedAndChangesNothing()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        if (!QFileInfo::exists(m_dir.filePath(QStringLiteral("Maildir"))))
            QVERIFY(writeMaildirCorpus(m_dir.filePath(QStringLiteral("Maildir")), 10, 25).error.isEmpty());
        const Run r = run(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QCOMPARE(r.out, QString());
        QCOMPARE(accounts(), QJsonArray());
    }

    // Files the importer may not read: an unreadable mbox is refused before anything is written; an unreadable
    // message in a Maildir is named, the rest archived, and it follows once it can be read.
    void unreadableFilesAreNamed()
    {
        const QString root = m_dir.filePath(QStringLiteral("Locked"));
        const Corpus corpus = writeMaildirCorpus(root, 20, 26);
        QVERIFY2(corpus.error.isEmpty(), qPrintable(corpus.error));
        const QString mbox = m_dir.filePath(QStringLiteral("locked.mbox"));
        QVERIFY(writeMboxCorpus(mbox, 5, 26).error.isEmpty());
        const QString lockedFile = root + QLatin1Char('/') + corpus.messages.first().files.first();
        QVERIFY(QFile::setPermissions(lockedFile, QFileDevice::Permissions()));
        QVERIFY(QFile::setPermissions(mbox, QFileDevice::Permissions()));
        if (::geteuid() == 0) // root reads anything: the command line runs as nobody instead
            QCOMPARE(::chown(QFileInfo(m_archive).path().toLocal8Bit().constData(), kNobody, kNobody), 0);

        const Run refused = runUnprivileged({QStringLiteral("import"), QStringLiteral("mbox"), mbox});
        QCOMPARE(refused.exitCode, 6);
        QVERIFY2(refused.err.contains(QStringLiteral("cannot read %1: Permission denied").arg(mbox)),
                 qPrintable(refused.err));
        QCOMPARE(refused.out, QString());

        const Run partly = runUnprivileged({QStringLiteral("import"), QStringLiteral("maildir"), root});
        QCOMPARE(partly.exitCode, 6);
        QVERIFY2(partly.err.contains(
                     QStringLiteral("1 message could not be read, so not archived:\n  %1: ").arg(lockedFile)),
                 qPrintable(partly.err));
        QVERIFY2(partly.err.contains(QStringLiteral("Permission denied")), qPrintable(partly.err));
        QCOMPARE(accountMessages(kLocal), corpus.messages.size() - 1);

        QVERIFY(QFile::setPermissions(lockedFile, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther));
        const Run rest = runUnprivileged({QStringLiteral("import"), QStringLiteral("maildir"), root});
        QVERIFY2(rest.exitCode == 0, qPrintable(rest.err));
        QVERIFY2(rest.out.startsWith(QStringLiteral("Imported 1 message from")), qPrintable(rest.out));
        verifyArchive(corpus, true);
    }

private:
    static QString binary() { return qEnvironmentVariable("VAULTTRAY_BIN"); }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("VAULTTRAY_ARCHIVE"), m_archive);
        env.insert(QStringLiteral("HOME"), QFileInfo(m_archive).path());
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), QFileInfo(m_archive).path());
        return env;
    }

    Run run(const QStringList &args, const QString &program = QString(), const QStringList &prefix = {})
    {
        CliOptions options;
        options.environment = environment();
        options.program = program;
        options.prefix = prefix;
        options.timeoutMs = kProcessTimeoutMs;
        return runVaulttray(args, options);
    }

    Run runUnprivileged(const QStringList &args)
    {
        if (::geteuid() != 0)
            return run(args);
        return run(args, QStringLiteral("setpriv"),
                   {QStringLiteral("--reuid=%1").arg(kNobody), QStringLiteral("--regid=%1").arg(kNobody),
                    QStringLiteral("--clear-groups"), QStringLiteral("--")});
    }

    QJsonArray accounts()
    {
        return QJsonDocument::fromJson(
                   run({QStringLiteral("account"), QStringLiteral("list"), QStringLiteral("--json")}).out.toUtf8())
            .array();
    }

    int accountMessages(const QString &name)
    {
        for (const QJsonValue &a : accounts())
            if (a[QStringLiteral("name")].toString() == name)
                return a[QStringLiteral("messages")].toInt();
        return -1;
    }

    qint64 localId(ArchiveReader &reader)
    {
        const std::optional<AccountRecord> local = reader.account(kLocal);
        return local ? local->id : -1;
    }

    // Lets the importer run in slices of kSliceMs (SIGCONT, then SIGSTOP) until its first batch is committed, and
    // leaves it stopped there. It cannot have finished: one slice is far less than the rest of the import needs.
    bool runUntilFirstBatch(QProcess &importer, const QString &mbox)
    {
        const pid_t pid = pid_t(importer.processId());
        QElapsedTimer elapsed;
        elapsed.start();
        while (elapsed.elapsed() < kFirstBatchTimeoutMs && importer.state() == QProcess::Running) {
            ::kill(pid, SIGCONT);
            QTest::qWait(kSliceMs);
            ::kill(pid, SIGSTOP);
            if (!QTest::qWaitFor([pid] { return processState(pid) == 'T'; }, kProcessTimeoutMs))
                return false;
            if (checkpointOffset(mbox) > 0)
                return true;
        }
        qWarning() << "no batch committed; importer:" << importer.readAllStandardError();
        return false;
    }

    // The state letter of /proc/PID/stat ('T' once SIGSTOP has taken effect).
    static char processState(pid_t pid)
    {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            return 0;
        const QByteArray line = stat.readAll();
        const qsizetype close = line.lastIndexOf(')');
        return close >= 0 && close + 2 < line.size() ? line.at(close + 2) : 0;
    }

    qint64 checkpointOffset(const QString &mbox)
    {
        ArchiveReader reader(m_archive);
        const QString value =
            reader
                .checkpoint(localId(reader), QStringLiteral("import:mbox:") + QFileInfo(mbox).canonicalFilePath(),
                            QStringLiteral("position"))
                .value_or(QString());
        return QJsonDocument::fromJson(value.toUtf8()).object().value(QStringLiteral("offset")).toInteger();
    }

    // Every message of the corpus once, byte for byte, in its folders (and with its flags, from a Maildir).
    void verifyArchive(const Corpus &corpus, bool foldersAndFlags)
    {
        ArchiveReader reader(m_archive);
        QVERIFY(!reader.openError());
        const QList<ArchivedMessage> archived = archivedMessages(reader, localId(reader));
        QCOMPARE(archived.size(), corpus.messages.size());
        const QHash<QByteArray, CorpusMessage> expected = corpus.bySha256();
        QSet<QByteArray> seen;
        for (const ArchivedMessage &m : archived) {
            QVERIFY2(expected.contains(m.sha256), qPrintable(m.providerId));
            QVERIFY2(!seen.contains(m.sha256), qPrintable(m.providerId));
            seen.insert(m.sha256);
            if (foldersAndFlags) {
                QCOMPARE(m.labels, sorted(expected.value(m.sha256).folders));
                QCOMPARE(m.flags, expected.value(m.sha256).flags);
            }
        }
    }

    QTemporaryDir m_dir;
    QString m_archive;
    int m_archives = 0;
};

QTEST_GUILESS_MAIN(TestCliImport)
#include "tst_cli_import.moc"
