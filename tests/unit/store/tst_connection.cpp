// The durability profile: set on every connection of every thread, read back, and a hard error
// when a pragma does not stick. Debian's SQLite defaults to synchronous=FULL, so these tests first
// make every new connection start weak (sqlitehooks) — reading FULL back then proves our code set it.
#include "fakes/sqlitehooks.h"
#include "store/archive.h"
#include "store/archivereader.h"
#include "store/archivewriter.h"
#include "store/connection.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace vaulttray;

namespace {
QString readPragma(QSqlDatabase &db, const QString &name)
{
    QSqlQuery q(db);
    q.exec(QStringLiteral("PRAGMA ") + name);
    return q.next() ? q.value(0).toString() : QString();
}
} // namespace

class TestConnection : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("archive-%1.db").arg(++m_serial));
        test::installWeakDefaults();
        QVERIFY(!Archive::prepare(m_path));
    }
    void cleanup() { test::resetHooks(); }

    // Without this the rest would prove nothing: a plain connection really starts weak.
    void weakDefaultsReallyApply()
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("plain"));
        db.setDatabaseName(m_path);
        QVERIFY(db.open());
        QCOMPARE(readPragma(db, QStringLiteral("synchronous")), QStringLiteral("0"));
        QCOMPARE(readPragma(db, QStringLiteral("foreign_keys")), QStringLiteral("0"));
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("plain"));
    }

    // The check can fail: a connection opened some other way does not pass it.
    void plainConnectionFailsTheCheck()
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("plain"));
        db.setDatabaseName(m_path);
        QVERIFY(db.open());
        const StoreError error = verifyPragmas(db, profilePragmas(Profile::Durable));
        QCOMPARE(error.code, StoreError::Code::ProfileMismatch);
        QVERIFY2(error.message.contains(QStringLiteral("synchronous")), qPrintable(error.message));
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("plain"));
    }

    void durableOnThisThread()
    {
        ArchiveReader reader(m_path);
        QVERIFY2(!reader.openError(), qPrintable(reader.openError().message));
        QVERIFY(!verifyPragmas(reader.database(), profilePragmas(Profile::Durable)));
        QCOMPARE(readPragma(reader.database(), QStringLiteral("synchronous")), QStringLiteral("2"));
        QCOMPARE(readPragma(reader.database(), QStringLiteral("journal_mode")), QStringLiteral("wal"));
        QCOMPARE(readPragma(reader.database(), QStringLiteral("foreign_keys")), QStringLiteral("1"));
    }

    void durableOnTheWriterThread()
    {
        ArchiveWriter writer(m_path);
        QVERIFY(!writer.start());
        QVERIFY(writer.thread_() != QThread::currentThread());
        const StoreError error = writer.verifyConnection(profilePragmas(Profile::Durable));
        QVERIFY2(!error, qPrintable(error.message));
    }

    void durableOnAReaderThread()
    {
        StoreError result = StoreError::make(StoreError::Code::Closed, QStringLiteral("reader thread did not run"));
        QThread *thread = QThread::create([&] {
            ArchiveReader reader(m_path);
            result = reader.openError() ? reader.openError() : verifyPragmas(reader.database(), profilePragmas(Profile::Durable));
        });
        thread->start();
        QVERIFY(thread->wait(QDeadlineTimer(30000)));
        delete thread;
        QVERIFY2(!result, qPrintable(result.message));
    }

    // A driver that silently drops a pragma (the anchor's fullfsync on macOS) is a hard error.
    void ignoredPragmaIsAHardError_data()
    {
        QTest::addColumn<QByteArray>("pragma");
        QTest::newRow("synchronous ignored") << QByteArray("synchronous");
        QTest::newRow("foreign_keys ignored") << QByteArray("foreign_keys");
        QTest::newRow("busy_timeout ignored") << QByteArray("busy_timeout");
    }
    void ignoredPragmaIsAHardError()
    {
        QFETCH(QByteArray, pragma);
        test::ignorePragmaWrites(pragma);
        QSqlDatabase db;
        const StoreError error = openConnection(m_path, Profile::Durable, QStringLiteral("ignored"), &db);
        QCOMPARE(error.code, StoreError::Code::ProfileMismatch);
        QVERIFY2(error.message.contains(QString::fromLatin1(pragma)), qPrintable(error.message));
        QVERIFY(!QSqlDatabase::contains(QStringLiteral("ignored")));
    }

    void writerRefusesToStartWhenAPragmaIsIgnored()
    {
        test::ignorePragmaWrites("synchronous");
        ArchiveWriter writer(m_path);
        QCOMPARE(writer.start().code, StoreError::Code::ProfileMismatch);
        WriteBatch batch;
        QCOMPARE(writer.commit(batch).error.code, StoreError::Code::ProfileMismatch);
    }

    // The macOS table is checked here too: its fullfsync pragmas read back on Linux (they only act on macOS).
    void macosProfileReadsBack()
    {
        const QList<PragmaSetting> mac = macosDurablePragmas();
        QStringList names;
        for (const PragmaSetting &p : mac)
            names << p.name;
        QVERIFY(names.contains(QStringLiteral("fullfsync")));
        QVERIFY(names.contains(QStringLiteral("checkpoint_fullfsync")));
        ArchiveReader reader(m_path);
        QVERIFY(!applyPragmas(reader.database(), mac));
        QCOMPARE(readPragma(reader.database(), QStringLiteral("fullfsync")), QStringLiteral("1"));
    }

    void macosFullfsyncIgnoredIsAHardError()
    {
        test::ignorePragmaWrites("fullfsync");
        ArchiveReader reader(m_path);
        const StoreError error = applyPragmas(reader.database(), macosDurablePragmas());
        QCOMPARE(error.code, StoreError::Code::ProfileMismatch);
        QVERIFY(error.message.contains(QStringLiteral("fullfsync")));
    }

    void ephemeralOnlyWhenATestAsks()
    {
        QSqlDatabase db;
        QCOMPARE(openConnection(m_path, Profile::Ephemeral, QStringLiteral("eph"), &db).code,
                 StoreError::Code::ProfileMismatch);
        enableEphemeralProfileForTests();
        QVERIFY(!openConnection(m_path, Profile::Ephemeral, QStringLiteral("eph"), &db));
        QCOMPARE(readPragma(db, QStringLiteral("synchronous")), QStringLiteral("0"));
        db = QSqlDatabase();
        closeConnection(QStringLiteral("eph"));
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_serial = 0;
};

QTEST_GUILESS_MAIN(TestConnection)
#include "tst_connection.moc"
