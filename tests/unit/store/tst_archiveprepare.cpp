// Opening the archive: migrations from nothing, re-opening, and every bad location or file refused
// with a clear error and without touching it; a damaged archive moved aside, never overwritten.
#include "fakes/readonlydir.h"
#include "store/archive.h"
#include "store/archivelocation.h"
#include "store/archivereader.h"
#include "store/archivewriter.h"
#include "store/migrations.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace vaulttray;

namespace {
QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

int tableCount(const QString &path, const QString &table)
{
    ArchiveReader reader(path);
    QSqlQuery q(reader.database());
    q.prepare(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = ?"));
    q.addBindValue(table);
    q.exec();
    return q.next() ? q.value(0).toInt() : -1;
}

int versionOf(const QString &path)
{
    ArchiveReader reader(path);
    int version = -1;
    readSchemaVersion(reader.database(), &version);
    return version;
}

void rawExec(const QString &path, const QString &sql)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY2(q.exec(sql), qPrintable(sql));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
}

qint64 addAccount(const QString &path, const QString &name)
{
    ArchiveWriter writer(path);
    if (writer.start())
        return -1;
    qint64 id = 0;
    AccountRecord a{0, name, QStringLiteral("imap"), QStringLiteral("a@example.org"), "{}", QDateTime::currentDateTimeUtc()};
    return writer.addAccount(a, &id) ? -1 : id;
}
} // namespace

class TestArchivePrepare : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir.reset(new QTemporaryDir);
        QVERIFY(m_dir->isValid());
    }

    void createsFromNothingOwnerOnly()
    {
        const QString folder = m_dir->filePath(QStringLiteral("nested/data"));
        const QString path = folder + QStringLiteral("/archive.db");
        const StoreError error = Archive::prepare(path);
        QVERIFY2(!error, qPrintable(error.message));
        QCOMPARE(versionOf(path), currentSchemaVersion());
        for (const QString &table : {QStringLiteral("accounts"), QStringLiteral("folders"), QStringLiteral("messages"),
                                     QStringLiteral("message_raw"), QStringLiteral("message_labels"),
                                     QStringLiteral("attachments"), QStringLiteral("sync_runs"),
                                     QStringLiteral("checkpoints"), QStringLiteral("messages_fts")})
            QVERIFY2(tableCount(path, table) == 1, qPrintable(table));
        QCOMPARE(QFileInfo(path).permissions() & 0x0077, QFileDevice::Permissions());
        QCOMPARE(QFileInfo(folder).permissions() & 0x0077, QFileDevice::Permissions());
        QVERIFY(QFileInfo(folder).permissions().testFlag(QFileDevice::ExeOwner));
    }

    void reopensAndKeepsData()
    {
        const QString path = m_dir->filePath(QStringLiteral("archive.db"));
        QVERIFY(!Archive::prepare(path));
        QVERIFY(addAccount(path, QStringLiteral("work")) > 0);
        QVERIFY(!Archive::prepare(path));
        ArchiveReader reader(path);
        QCOMPARE(reader.accounts().size(), 1);
        QCOMPARE(reader.accounts().first().name, QStringLiteral("work"));
    }

    void runsLeftRunningAreMarkedInterrupted()
    {
        const QString path = m_dir->filePath(QStringLiteral("archive.db"));
        QVERIFY(!Archive::prepare(path));
        const qint64 account = addAccount(path, QStringLiteral("work"));
        {
            ArchiveWriter writer(path);
            QVERIFY(!writer.start());
            WriteBatch open;
            open.accountId = account;
            open.runStartedAt = QDateTime::currentDateTimeUtc();
            QVERIFY(!writer.commit(open).error);
        }
        QVERIFY(!Archive::prepare(path));
        ArchiveReader reader(path);
        QCOMPARE(reader.syncRuns(account, 10).first().status, QStringLiteral("interrupted"));
    }

    void failedMigrationKeepsPreviousVersion()
    {
        const QString path = m_dir->filePath(QStringLiteral("archive.db"));
        const QList<Migration> good{{1, {QStringLiteral("CREATE TABLE one (x)")}}};
        QVERIFY(!Archive::prepare(path, ArchiveOpenOptions{Profile::Durable, {}, &good}));
        QCOMPARE(versionOf(path), 1);
        const QList<Migration> broken{{1, {QStringLiteral("CREATE TABLE one (x)")}},
                                      {2, {QStringLiteral("CREATE TABLE two (x)"), QStringLiteral("THIS IS NOT SQL")}}};
        const StoreError error = Archive::prepare(path, ArchiveOpenOptions{Profile::Durable, {}, &broken});
        QCOMPARE(error.code, StoreError::Code::Sql);
        QVERIFY2(error.message.contains(QStringLiteral("migration to schema 2")), qPrintable(error.message));
        QCOMPARE(versionOf(path), 1);
        QCOMPARE(tableCount(path, QStringLiteral("two")), 0); // the half of step 2 that ran was rolled back
        QCOMPARE(tableCount(path, QStringLiteral("one")), 1);
    }

    void migratesStepByStep()
    {
        const QString path = m_dir->filePath(QStringLiteral("archive.db"));
        const QList<Migration> v1{{1, {QStringLiteral("CREATE TABLE one (x)")}}};
        QVERIFY(!Archive::prepare(path, ArchiveOpenOptions{Profile::Durable, {}, &v1}));
        rawExec(path, QStringLiteral("INSERT INTO one VALUES (42)"));
        const QList<Migration> v2{{1, {QStringLiteral("CREATE TABLE one (x)")}},
                                  {2, {QStringLiteral("ALTER TABLE one ADD COLUMN y DEFAULT 7")}}};
        QVERIFY(!Archive::prepare(path, ArchiveOpenOptions{Profile::Durable, {}, &v2}));
        QCOMPARE(versionOf(path), 2);
        ArchiveReader reader(path);
        QSqlQuery q(reader.database());
        QVERIFY(q.exec(QStringLiteral("SELECT x, y FROM one")) && q.next());
        QCOMPARE(q.value(0).toInt(), 42);
        QCOMPARE(q.value(1).toInt(), 7);
    }

    void newerSchemaIsRefusedUntouched()
    {
        const QString path = m_dir->filePath(QStringLiteral("archive.db"));
        QVERIFY(!Archive::prepare(path));
        rawExec(path, QStringLiteral("UPDATE schema_version SET version = 999"));
        const QByteArray before = fileHash(path);
        const StoreError error = Archive::prepare(path);
        QCOMPARE(error.code, StoreError::Code::NewerSchema);
        QVERIFY2(error.message.contains(QStringLiteral("newer vaulttray")), qPrintable(error.message));
        QCOMPARE(fileHash(path), before);
    }

    void notSqliteIsRefusedUntouched()
    {
        const QString path = m_dir->filePath(QStringLiteral("notes.txt"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("Dear diary, this is not a database.\n");
        f.close();
        const QByteArray before = fileHash(path);
        const StoreError error = Archive::prepare(path);
        QCOMPARE(error.code, StoreError::Code::NotADatabase);
        QVERIFY(error.message.contains(path));
        QCOMPARE(fileHash(path), before);
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    }

    void directoryIsRefused()
    {
        const StoreError error = Archive::prepare(m_dir->path());
        QCOMPARE(error.code, StoreError::Code::IsDirectory);
        QVERIFY(error.message.contains(QStringLiteral("folder")));
    }

    void readOnlyFolderIsRefused()
    {
        test::ReadOnlyDir ro(m_dir->filePath(QStringLiteral("ro")));
        QVERIFY2(ro.makeReadOnly(), qPrintable(ro.errorString()));
        const StoreError error = Archive::prepare(ro.path() + QStringLiteral("/archive.db"));
        QCOMPARE(error.code, StoreError::Code::NotWritable);
        QVERIFY(!QFile::exists(ro.path() + QStringLiteral("/archive.db")));
    }

    void readOnlyArchiveIsRefusedUntouched()
    {
        test::ReadOnlyDir ro(m_dir->filePath(QStringLiteral("ro")));
        const QString path = ro.path() + QStringLiteral("/archive.db");
        QVERIFY(!Archive::prepare(path));
        QVERIFY(addAccount(path, QStringLiteral("work")) > 0);
        QVERIFY2(ro.makeReadOnly(), qPrintable(ro.errorString()));
        const QByteArray before = fileHash(path);
        const StoreError error = Archive::prepare(path);
        QCOMPARE(error.code, StoreError::Code::NotWritable);
        QVERIFY2(error.message.contains(QStringLiteral("read-only")), qPrintable(error.message));
        QCOMPARE(fileHash(path), before);
    }

    void damagedArchiveIsMovedAsideNeverOverwritten()
    {
        const QString path = m_dir->filePath(QStringLiteral("archive.db"));
        QVERIFY(!Archive::prepare(path));
        QVERIFY(addAccount(path, QStringLiteral("work")) > 0);
        rawExec(path, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        // Scribble over every page after the first: the header stays valid, the b-trees do not.
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadWrite));
            const qint64 pageSize = 4096;
            QVERIFY(f.size() > 2 * pageSize);
            f.seek(pageSize);
            f.write(QByteArray(f.size() - pageSize, '\xA5'));
        }
        const QByteArray damaged = fileHash(path);
        const QDateTime when(QDate(2026, 3, 4), QTime(5, 6, 7), Qt::UTC);
        const StoreError error = Archive::prepare(path, ArchiveOpenOptions{Profile::Durable, when, nullptr});
        QCOMPARE(error.code, StoreError::Code::Damaged);
        const QString folder = path + QStringLiteral(".damaged-20260304-050607");
        QCOMPARE(error.movedTo, folder + QStringLiteral("/archive.db"));
        QVERIFY2(error.message.contains(error.movedTo), qPrintable(error.message));
        QVERIFY(!QFile::exists(path));
        QCOMPARE(fileHash(error.movedTo), damaged);

        // The next start makes a fresh archive; a second damage at the same instant gets its own folder.
        QVERIFY(!Archive::prepare(path));
        QCOMPARE(Archive::damagedName(path, when), folder + QStringLiteral("-1"));
    }

    // A one-shot command (sync --once, import) does not read the whole archive after a clean end; after an unclean one
    // (a -wal file left behind) it checks like the app's start does.
    void aOneShotCommandChecksAfterAnUncleanEndOnly()
    {
        const QString path = m_dir->filePath(QStringLiteral("archive.db"));
        QVERIFY(!Archive::prepare(path));
        QVERIFY(addAccount(path, QStringLiteral("work")) > 0);
        rawExec(path, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal"))); // closed cleanly
        {
            // The last page only: the schema still reads, the damage shows only to a check that reads everything.
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadWrite));
            const qint64 pageSize = 4096;
            QVERIFY(f.size() > 2 * pageSize);
            f.seek(f.size() - pageSize);
            f.write(QByteArray(pageSize, '\xA5'));
        }
        const QString copy = m_dir->filePath(QStringLiteral("copy.db"));
        QVERIFY(QFile::copy(path, copy));
        ArchiveOpenOptions oneShot;
        oneShot.check = ArchiveOpenOptions::Check::AfterUncleanEnd;
        QVERIFY(!Archive::prepare(path, oneShot)); // not read through: the price of a quick command line
        QCOMPARE(Archive::prepare(path).code, StoreError::Code::Damaged); // the app's start reads it all

        QFile wal(copy + QStringLiteral("-wal")); // what a crash, a kill or a power cut leaves
        QVERIFY(wal.open(QIODevice::WriteOnly));
        wal.write(QByteArray(512, '\0'));
        wal.close();
        const StoreError error = Archive::prepare(copy, oneShot);
        QCOMPARE(error.code, StoreError::Code::Damaged);
        QVERIFY(QFile::exists(error.movedTo));
    }

    // A move-aside cut short by a power cut left the WAL behind: it is kept, not deleted by SQLite.
    void anOrphanWalIsKept()
    {
        const QString path = m_dir->filePath(QStringLiteral("archive.db"));
        QFile wal(path + QStringLiteral("-wal"));
        QVERIFY(wal.open(QIODevice::WriteOnly));
        wal.write(QByteArray(4096, '\x42'));
        wal.close();
        const QDateTime when(QDate(2026, 3, 4), QTime(5, 6, 7), Qt::UTC);
        QVERIFY(!Archive::prepare(path, ArchiveOpenOptions{Profile::Durable, when, nullptr}));
        const QString kept = path + QStringLiteral(".damaged-20260304-050607/archive.db-wal");
        QVERIFY(QFile::exists(kept));
        QCOMPARE(QFileInfo(kept).size(), 4096);
    }

    void truncatedArchiveIsMovedAside()
    {
        const QString path = m_dir->filePath(QStringLiteral("archive.db"));
        QVERIFY(!Archive::prepare(path));
        QVERIFY(addAccount(path, QStringLiteral("work")) > 0);
        rawExec(path, QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        QVERIFY(QFile::resize(path, QFileInfo(path).size() / 2));
        const StoreError error = Archive::prepare(path);
        QCOMPARE(error.code, StoreError::Code::Damaged);
        QVERIFY(QFile::exists(error.movedTo));
    }

    void locationPrecedence()
    {
        qputenv(kArchiveEnvVar, "/tmp/from-env.db");
        QCOMPARE(resolveArchivePath(QStringLiteral("/tmp/explicit.db")), QStringLiteral("/tmp/explicit.db"));
        QCOMPARE(resolveArchivePath(QString()), QStringLiteral("/tmp/from-env.db"));
        qunsetenv(kArchiveEnvVar);
        QCoreApplication::setApplicationName(QStringLiteral("vaulttray"));
        qputenv("XDG_DATA_HOME", m_dir->path().toUtf8());
        QCOMPARE(resolveArchivePath(QString()), m_dir->path() + QStringLiteral("/vaulttray/archive.db"));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestArchivePrepare)
#include "tst_archiveprepare.moc"
