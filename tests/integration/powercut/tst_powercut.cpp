// Power cuts at every kind of instant of a sync: whatever the archive acknowledged as committed is still
// there, byte for byte, after the reboot; a batch and its checkpoint survive together or not at all; the
// app starts on what is left, and the re-sync that follows adds nothing twice. The controls (the same
// SQL with synchronous=NORMAL; a disk that ignores the WAL's fsync; one that ignores the database's, so
// checkpoints are not durable) must lose acknowledged batches, or the harness could not see a loss.
//
// VAULTTRAY_POWERCUT_CUTS=N sets how many evenly spaced cut points each row adds to the ones around every
// sync (default kDefaultEvenCuts; 2000 cuts at every operation of the workload), VAULTTRAY_POWERCUT_SCRAMBLES=N
// how many scrambled images each cut of the app's row gets (default 1), VAULTTRAY_POWERCUT_SEED reproduces a
// run. A soak: VAULTTRAY_POWERCUT_CUTS=2000 VAULTTRAY_POWERCUT_SCRAMBLES=4 ./tst_powercut
#include "fakes/powercutvfs.h"
#include "store/archive.h"
#include "store/archivereader.h"
#include "store/archivewriter.h"
#include "store/batchapplier.h"
#include "store/connection.h"
#include "store/sqlerror.h"

#include <QDir>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <memory>
#include <set>
#include <vector>

using namespace vaulttray;
using test::CrashModel;
using test::DurableFile;
using test::PowercutOp;
using test::PowercutVfs;

namespace {

const QDateTime kT0(QDate(2026, 5, 1), QTime(9, 0), Qt::UTC);
const QString kFileName = QStringLiteral("archive.db");
const QString kAccountName = QStringLiteral("me");
const QString kTokenKey = QStringLiteral("pageToken");
const QString kControlConnection = QStringLiteral("powercut-control");

// Two writer sessions, so the WAL is checkpointed and deleted at a close and created again.
constexpr int kSessions = 2;
constexpr int kBatchesPerSession = 6;
constexpr int kBatches = kSessions * kBatchesPerSession;
constexpr int kMessagesPerBatch = 4;
// A few KB of text zstd cannot shrink much, so each message spans pages and WAL frames like real mail.
constexpr int kMinRawBytes = 2048;
constexpr int kExtraRawBytes = 4096;
constexpr int kRawLineLength = 76;
// The app keeps SQLite's 1000 pages; checkpoints every few batches put cut points inside them too.
constexpr int kWalAutocheckpointPages = 40;
constexpr int kDefaultEvenCuts = 60;
constexpr int kDefaultScrambles = 1;
constexpr int kEvenCutsPerRandomCut = 3;
constexpr quint64 kDefaultSeed = 20260501;
constexpr quint64 kSeedStride = 0x9E3779B97F4A7C15ULL; // spreads per-cut seeds over 64 bits
constexpr int kProblemsShown = 10;

// SQLite sets its default wal_autocheckpoint after the auto-extensions have run, so the extension
// leaves a trace hook that sets ours before each statement.
int setAutocheckpoint(unsigned, void *, void *statement, void *)
{
    sqlite3_wal_autocheckpoint(sqlite3_db_handle(static_cast<sqlite3_stmt *>(statement)), kWalAutocheckpointPages);
    return 0;
}

int frequentCheckpoints(sqlite3 *db, const char **, const sqlite3_api_routines *)
{
    return sqlite3_trace_v2(db, SQLITE_TRACE_STMT, setAutocheckpoint, nullptr);
}

QString providerId(int batch, int index)
{
    return QStringLiteral("b%1-m%2").arg(batch).arg(index);
}

QByteArray rawMessage(int batch, int index)
{
    static const char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    constexpr quint32 kAlphabetSize = sizeof(kAlphabet) - 1;
    QRandomGenerator gen(quint32(batch * kMessagesPerBatch + index + 1));
    QByteArray raw = "From: Zoe <zoe@example.org>\r\nTo: me@example.org\r\nSubject: Batch " +
                     QByteArray::number(batch) + " message " + QByteArray::number(index) + "\r\nMessage-ID: <" +
                     providerId(batch, index).toUtf8() + "@example.org>\r\n\r\n";
    const int size = kMinRawBytes + int(gen.bounded(kExtraRawBytes));
    while (raw.size() < size) {
        for (int i = 0; i < kRawLineLength; ++i)
            raw += kAlphabet[gen.bounded(kAlphabetSize)];
        raw += "\r\n";
    }
    return raw;
}

AccountRecord accountRecord()
{
    return AccountRecord{0, kAccountName, QStringLiteral("gmail"), QStringLiteral("me@example.org"), "{}", kT0};
}

// One page of a sync: its messages, the page token that covers them, and the run's bookkeeping.
WriteBatch batchOf(qint64 account, int batch)
{
    WriteBatch b;
    b.accountId = account;
    b.at = kT0.addSecs(batch * 60);
    b.folders << FolderRecord{QStringLiteral("INBOX"), QStringLiteral("Inbox"), true, {}}
              << FolderRecord{QStringLiteral("Label_7"), QStringLiteral("Projects"), true, {}};
    qint64 bytes = 0;
    for (int i = 0; i < kMessagesPerBatch; ++i) {
        MessageRecord m;
        m.providerId = providerId(batch, i);
        m.messageId = m.providerId + QStringLiteral("@example.org");
        m.internalDate = b.at.addSecs(i);
        m.sentDate = m.internalDate;
        m.from = QStringLiteral("Zoe <zoe@example.org>");
        m.subject = QStringLiteral("Batch %1 message %2").arg(batch).arg(i);
        m.raw = rawMessage(batch, i);
        m.peopleText = QStringLiteral("Zoe zoe@example.org");
        m.bodyText = QString::fromLatin1(m.raw.right(kMinRawBytes / 2));
        m.labels = i % 2 ? QStringList{QStringLiteral("INBOX"), QStringLiteral("Label_7")}
                         : QStringList{QStringLiteral("INBOX")};
        bytes += m.raw.size();
        b.messages << m;
    }
    b.checkpoints << CheckpointRecord{QString(), kTokenKey, QString::number(batch)};
    b.progress = RunProgress{kMessagesPerBatch, 0, 0, 0, bytes};
    if (batch % kBatchesPerSession == 0)
        b.runStartedAt = b.at;
    if (batch % kBatchesPerSession == kBatchesPerSession - 1)
        b.runEnd = RunEnd{b.at.addSecs(30), RunStatus::Ok, {}};
    return b;
}

// Who writes the workload.
class WorkloadWriter
{
public:
    virtual ~WorkloadWriter() = default;
    virtual StoreError open() = 0;
    virtual StoreError addAccount(const AccountRecord &account, qint64 *id) = 0;
    virtual BatchResult commit(const WriteBatch &batch) = 0;
};

// The app's own writer thread and durability profile.
class AppWriter : public WorkloadWriter
{
public:
    explicit AppWriter(const QString &uri) : m_writer(uri, Profile::Durable) {}
    StoreError open() override
    {
        if (StoreError error = m_writer.start())
            return error;
        return m_writer.verifyConnection(profilePragmas(Profile::Durable));
    }
    StoreError addAccount(const AccountRecord &account, qint64 *id) override
    {
        return m_writer.addAccount(account, id);
    }
    BatchResult commit(const WriteBatch &batch) override { return m_writer.commit(batch); }

private:
    ArchiveWriter m_writer;
};

// The control: the writer's own SQL on a connection with synchronous=NORMAL, the anchor's setting. It runs
// on the test thread because the store's writer refuses any profile but its own.
class NormalSyncWriter : public WorkloadWriter
{
public:
    explicit NormalSyncWriter(const QString &uri) : m_uri(uri) {}
    ~NormalSyncWriter() override
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(kControlConnection);
    }
    StoreError open() override
    {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), kControlConnection);
        m_db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_URI"));
        m_db.setDatabaseName(m_uri);
        if (!m_db.open())
            return fromSqlError(m_db.lastError(), QStringLiteral("opening the control connection"));
        QList<PragmaSetting> pragmas = profilePragmas(Profile::Durable);
        for (PragmaSetting &p : pragmas) {
            if (p.name == QStringLiteral("synchronous"))
                p = PragmaSetting{p.name, QStringLiteral("NORMAL"), QStringLiteral("1")};
        }
        return applyPragmas(m_db, pragmas);
    }
    StoreError addAccount(const AccountRecord &account, qint64 *id) override
    {
        return insertAccount(m_db, account, id);
    }
    BatchResult commit(const WriteBatch &batch) override { return applyBatch(m_db, batch); }

private:
    QString m_uri;
    QSqlDatabase m_db;
};

// What the writer acknowledged before the power went.
struct Acks
{
    bool account = false;
    QList<bool> batches = QList<bool>(kBatches, false);

    int count() const { return int(batches.count(true)); }
    int last() const { return int(batches.lastIndexOf(true)); }
};

// The whole workload, stopping at the first failure as the app would once the power is gone. A failure
// while the power is still on is a bug, reported in *unexpected.
Acks runWorkload(bool normalSync, const QString &uri, const PowercutVfs &vfs, QString *unexpected)
{
    Acks acks;
    const auto failed = [&](const QString &what, const StoreError &error) {
        if (!vfs.isCut())
            *unexpected = what + QStringLiteral(" failed with the power on: ") + error.message;
    };
    qint64 account = 0;
    for (int session = 0; session < kSessions; ++session) {
        std::unique_ptr<WorkloadWriter> writer;
        if (normalSync)
            writer = std::make_unique<NormalSyncWriter>(uri);
        else
            writer = std::make_unique<AppWriter>(uri);
        if (StoreError error = writer->open()) {
            failed(QStringLiteral("opening"), error);
            return acks;
        }
        if (session == 0) {
            if (StoreError error = writer->addAccount(accountRecord(), &account)) {
                failed(QStringLiteral("adding the account"), error);
                return acks;
            }
            acks.account = true;
        }
        for (int b = session * kBatchesPerSession; b < (session + 1) * kBatchesPerSession; ++b) {
            const BatchResult result = writer->commit(batchOf(account, b));
            if (result.error) {
                failed(QStringLiteral("batch %1").arg(b), result.error);
                return acks;
            }
            acks.batches[b] = true;
        }
        // The writer closes here: its closing checkpoint and the WAL's removal are cut points too.
    }
    return acks;
}

QStringList column(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql))
        return {QStringLiteral("(%1 failed: %2)").arg(sql, q.lastError().text())};
    QStringList out;
    while (q.next())
        out << q.value(0).toString();
    return out;
}

qint64 number(QSqlDatabase &db, const QString &sql)
{
    const QStringList values = column(db, sql);
    bool ok = false;
    const qint64 value = values.value(0).toLongLong(&ok);
    return ok ? value : -1;
}

struct Verdict
{
    int ackedChecked = 0;     // acknowledged batches looked for
    int lost = 0;             // acknowledged batches not there, or not byte-identical
    bool beyondAcked = false; // a batch whose commit failed at the cut is there anyway (allowed: it is whole)
    QStringList problems;     // everything that must never happen, the losses included
};

// The re-sync after the reboot: the app starts on the image and a sync sends every page again.
void resyncAndCheck(const QString &path, ArchiveReader &reader, std::optional<AccountRecord> account, Verdict *v)
{
    // Nothing after the crash is under test for durability, and real fsyncs would cost seconds.
    ArchiveOpenOptions options;
    options.profile = Profile::Ephemeral;
    if (StoreError error = Archive::prepare(path, options)) {
        v->problems << QStringLiteral("the app refuses to start on it: ") + error.message;
        return;
    }
    ArchiveWriter writer(path, Profile::Ephemeral);
    if (StoreError error = writer.start()) {
        v->problems << QStringLiteral("no writer after the reboot: ") + error.message;
        return;
    }
    qint64 id = account ? account->id : 0;
    if (!account) {
        if (StoreError error = writer.addAccount(accountRecord(), &id)) {
            v->problems << QStringLiteral("re-adding the account: ") + error.message;
            return;
        }
    }
    for (int b = 0; b < kBatches; ++b) {
        if (const BatchResult r = writer.commit(batchOf(id, b)); r.error) {
            v->problems << QStringLiteral("re-sync of batch %1: %2").arg(b).arg(r.error.message);
            return;
        }
    }
    const qint64 count = reader.messageCount(id);
    if (count != kBatches * kMessagesPerBatch)
        v->problems << QStringLiteral("after the re-sync: %1 messages, expected %2")
                           .arg(count)
                           .arg(kBatches * kMessagesPerBatch);
    for (int b = 0; b < kBatches; ++b) {
        for (int i = 0; i < kMessagesPerBatch; ++i) {
            if (reader.rawMessage(id, providerId(b, i)) != rawMessage(b, i))
                v->problems << QStringLiteral("after the re-sync: %1 is missing or changed").arg(providerId(b, i));
        }
    }
    if (reader.checkpoint(id, QString(), kTokenKey) != QString::number(kBatches - 1))
        v->problems << QStringLiteral("after the re-sync the checkpoint is not the last page");
}

// What a reboot finds at path, against what was acknowledged before the cut.
Verdict checkImage(const QString &path, const Acks &acks, bool resync)
{
    Verdict v;
    ArchiveReader reader(path, Profile::Ephemeral);
    if (reader.openError()) {
        v.ackedChecked = v.lost = acks.count();
        v.problems << QStringLiteral("the archive does not open: ") + reader.openError().message;
        return v;
    }
    QSqlDatabase &db = reader.database();
    const QStringList integrity = column(db, QStringLiteral("PRAGMA integrity_check"));
    if (integrity != QStringList{QStringLiteral("ok")})
        v.problems << QStringLiteral("integrity_check: ") + integrity.join(QStringLiteral("; "));

    const std::optional<AccountRecord> account = reader.account(kAccountName);
    if (acks.account && !account)
        v.problems << QStringLiteral("the acknowledged account is gone");
    QList<int> present;
    int totalPresent = 0;
    for (int b = 0; b < kBatches; ++b) {
        int found = 0;
        int intact = 0;
        for (int i = 0; account && i < kMessagesPerBatch; ++i) {
            if (const std::optional<QByteArray> raw = reader.rawMessage(account->id, providerId(b, i))) {
                ++found;
                intact += *raw == rawMessage(b, i) ? 1 : 0;
            }
        }
        present << found;
        totalPresent += found;
        if (acks.batches.at(b)) {
            ++v.ackedChecked;
            if (intact != kMessagesPerBatch) {
                ++v.lost;
                v.problems << QStringLiteral("acknowledged batch %1: %2 of %3 messages intact")
                                  .arg(b)
                                  .arg(intact)
                                  .arg(kMessagesPerBatch);
            }
        }
        if (found != 0 && found != kMessagesPerBatch)
            v.problems
                << QStringLiteral("batch %1 is partly there (%2 of %3)").arg(b).arg(found).arg(kMessagesPerBatch);
        if (intact != found)
            v.problems << QStringLiteral("batch %1: %2 messages changed").arg(b).arg(found - intact);
    }

    // Batches commit in order, each with its page token: the token names exactly the batches that are there.
    const std::optional<QString> token = account ? reader.checkpoint(account->id, QString(), kTokenKey) : std::nullopt;
    const int checkpoint = token ? token->toInt() : -1;
    v.beyondAcked = checkpoint > acks.last();
    if (checkpoint < acks.last())
        v.problems << QStringLiteral("checkpoint %1 is behind the last acknowledged batch %2")
                          .arg(checkpoint)
                          .arg(acks.last());
    for (int b = 0; b < kBatches; ++b) {
        if (b <= checkpoint && present.at(b) != kMessagesPerBatch)
            v.problems
                << QStringLiteral("checkpoint %1 covers batch %2, which is not all there").arg(checkpoint).arg(b);
        if (b > checkpoint && present.at(b) != 0)
            v.problems << QStringLiteral("batch %1 is there without its checkpoint (%2)").arg(b).arg(checkpoint);
    }
    const qint64 stored = number(db, QStringLiteral("SELECT count(*) FROM messages"));
    if (stored != totalPresent)
        v.problems << QStringLiteral("%1 messages stored, %2 expected").arg(stored).arg(totalPresent);
    const qint64 counted = number(db, QStringLiteral("SELECT coalesce(sum(messages_added), 0) FROM sync_runs"));
    if (counted != totalPresent)
        v.problems << QStringLiteral("sync_runs counts %1 messages added, the archive holds %2")
                          .arg(counted)
                          .arg(totalPresent);

    if (resync)
        resyncAndCheck(path, reader, account, &v);
    return v;
}

// Just before and just after every sync (the instants that decide whether a commit is durable), evenly
// spaced points, and random ones.
QList<qint64> cutPoints(const QList<PowercutOp> &ops, int evenCuts, QRandomGenerator &rng)
{
    std::set<qint64> points;
    const qint64 total = ops.size();
    for (qint64 i = 0; i < total; ++i) {
        if (ops.at(i).kind == PowercutOp::Kind::Sync) {
            points.insert(i);     // the sync itself fails
            points.insert(i + 1); // the sync is done; the next operation fails
        }
    }
    for (int k = 0; k <= evenCuts; ++k)
        points.insert(total * k / evenCuts);
    for (int k = 0; k < evenCuts / kEvenCutsPerRandomCut; ++k)
        points.insert(qint64(rng.bounded(quint32(total + 1))));
    return QList<qint64>(points.begin(), points.end());
}

int countOps(const QList<PowercutOp> &ops, PowercutOp::Kind kind, DurableFile file)
{
    return int(std::count_if(ops.cbegin(), ops.cend(),
                             [&](const PowercutOp &op) { return op.kind == kind && op.file == file; }));
}

int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok && value > 0 ? value : fallback;
}

} // namespace

class TestPowercut : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // The checks after each reboot only read and re-sync; see resyncAndCheck.
        enableEphemeralProfileForTests();
        sqlite3_auto_extension(reinterpret_cast<void (*)()>(frequentCheckpoints));
        m_vfs = std::make_unique<PowercutVfs>();
        bool ok = false;
        const qulonglong seed = qEnvironmentVariable("VAULTTRAY_POWERCUT_SEED").toULongLong(&ok);
        m_seed = ok ? seed : kDefaultSeed;
        m_evenCuts = envInt("VAULTTRAY_POWERCUT_CUTS", kDefaultEvenCuts);
        m_scrambles = envInt("VAULTTRAY_POWERCUT_SCRAMBLES", kDefaultScrambles);
        qInfo().noquote() << QStringLiteral("powercut: seed %1 (VAULTTRAY_POWERCUT_SEED), %2 evenly spaced cuts "
                                            "per row (VAULTTRAY_POWERCUT_CUTS), %3 scrambled images per cut "
                                            "(VAULTTRAY_POWERCUT_SCRAMBLES)")
                                 .arg(m_seed)
                                 .arg(m_evenCuts)
                                 .arg(m_scrambles);

        // The empty archive every run starts from, made the app's way on the real disk.
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("base"))));
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("work"))));
        m_basePath = m_dir.filePath(QStringLiteral("base/") + kFileName);
        m_workPath = m_dir.filePath(QStringLiteral("work/") + kFileName);
        m_imageDir = m_dir.filePath(QStringLiteral("image"));
        QVERIFY(!Archive::prepare(m_basePath));
        QVERIFY2(!QFile::exists(m_basePath + QStringLiteral("-wal")), "the base archive must be one closed file");
        QFile base(m_basePath);
        QVERIFY(base.open(QIODevice::ReadOnly));
        m_base = base.readAll();
        // Hundreds of failed commits are expected here; their log lines would bury the figures.
        QLoggingCategory::setFilterRules(
            QStringLiteral("vaulttray.store.warning=false\nvaulttray.store.critical=false\n"
                           "vaulttray.store.info=false"));
    }

    void cleanupTestCase()
    {
        for (const QString &line : std::as_const(m_figures))
            qInfo().noquote() << line;
        sqlite3_reset_auto_extension();
    }

    // The model itself: what was synced survives, unsynced writes are lost (DropUnsynced) or come back only
    // as sector contents the file really had (ScrambleUnsynced), a file never synced does not exist, and
    // after the cut every write fails.
    void theModelKeepsWhatWasSyncedAndOnlyThat()
    {
        constexpr qint64 kSector = 512;
        constexpr int kSyncedBytes = 2048;
        constexpr int kUnsyncedOffset = 1000;
        constexpr int kUnsyncedBytes = 2000;
        constexpr int kSeeds = 64;
        QVERIFY(m_vfs->reset());
        const QString folder = m_dir.filePath(QStringLiteral("model"));
        QVERIFY(QDir().mkpath(folder));
        sqlite3_vfs *vfs = sqlite3_vfs_find(qPrintable(m_vfs->name()));
        QVERIFY(vfs);
        const auto openFile = [&](const QString &name, int kind, std::vector<std::max_align_t> *storage) {
            storage->resize(size_t(vfs->szOsFile) / sizeof(std::max_align_t) + 1);
            auto *file = reinterpret_cast<sqlite3_file *>(storage->data());
            const QByteArray path = QDir(folder).filePath(name).toUtf8();
            int outFlags = 0;
            const int rc =
                vfs->xOpen(vfs, path.constData(), file, kind | SQLITE_OPEN_CREATE | SQLITE_OPEN_READWRITE, &outFlags);
            return rc == SQLITE_OK ? file : nullptr;
        };
        std::vector<std::max_align_t> dbStorage, walStorage;
        sqlite3_file *db = openFile(QStringLiteral("m.db"), SQLITE_OPEN_MAIN_DB, &dbStorage);
        sqlite3_file *wal = openFile(QStringLiteral("m.db-wal"), SQLITE_OPEN_WAL, &walStorage);
        QVERIFY(db && wal);
        const QByteArray synced(kSyncedBytes, 'A');
        const QByteArray unsynced(kUnsyncedBytes, 'B');
        QCOMPARE(db->pMethods->xWrite(db, synced.constData(), kSyncedBytes, 0), SQLITE_OK);
        QCOMPARE(db->pMethods->xSync(db, SQLITE_SYNC_FULL), SQLITE_OK);
        QCOMPARE(db->pMethods->xWrite(db, unsynced.constData(), kUnsyncedBytes, kUnsyncedOffset), SQLITE_OK);
        QCOMPARE(wal->pMethods->xWrite(wal, unsynced.constData(), kUnsyncedBytes, 0), SQLITE_OK);
        QCOMPARE(m_vfs->opCount(), 4);
        m_vfs->cut();
        QCOMPARE(db->pMethods->xWrite(db, "C", 1, 0), SQLITE_IOERR_WRITE);
        QCOMPARE(db->pMethods->xSync(db, SQLITE_SYNC_FULL), SQLITE_IOERR_FSYNC);
        QCOMPARE(m_vfs->opCount(), 4);
        QCOMPARE(db->pMethods->xClose(db), SQLITE_OK);
        QCOMPARE(wal->pMethods->xClose(wal), SQLITE_OK);
        QCOMPARE(m_vfs->openFiles(), 0);

        const QString imageDb = QDir(m_imageDir).filePath(QStringLiteral("m.db"));
        const auto image = [&](CrashModel model, quint64 seed) {
            QDir(m_imageDir).removeRecursively();
            QDir().mkpath(m_imageDir);
            QString error;
            if (!m_vfs->materialize(m_imageDir, model, seed, &error))
                qWarning() << error;
            QFile f(imageDb);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("(missing)");
        };
        QCOMPARE(image(CrashModel::DropUnsynced, 0), synced);
        QVERIFY2(!QFile::exists(imageDb + QStringLiteral("-wal")), "a file never synced must not survive");

        QByteArray latest = synced;
        latest.resize(kUnsyncedOffset + kUnsyncedBytes);
        latest.replace(kUnsyncedOffset, kUnsyncedBytes, unsynced);
        bool sawOld = false, sawNew = false, sawTorn = false;
        for (quint64 seed = 0; seed < kSeeds; ++seed) {
            const QByteArray bytes = image(CrashModel::ScrambleUnsynced, seed);
            // A torn write that grew the file may leave it at any sector boundary in between.
            QVERIFY2(bytes.size() >= synced.size() && bytes.size() <= latest.size(),
                     qPrintable(QStringLiteral("seed %1: %2 bytes").arg(seed).arg(bytes.size())));
            int oldSectors = 0, newSectors = 0;
            for (qint64 at = 0; at < bytes.size(); at += kSector) {
                const QByteArray sector = bytes.mid(at, kSector);
                const bool isOld = sector == synced.mid(at, kSector).leftJustified(sector.size(), '\0');
                const bool isNew = sector == latest.mid(at, kSector);
                QVERIFY2(isOld || isNew,
                         qPrintable(QStringLiteral("seed %1: sector at %2 never existed").arg(seed).arg(at)));
                oldSectors += isOld && !isNew ? 1 : 0;
                newSectors += isNew && !isOld ? 1 : 0;
            }
            sawOld |= bytes == synced;
            sawNew |= bytes == latest;
            sawTorn |= oldSectors > 0 && newSectors > 0;
        }
        QVERIFY(sawOld && sawNew && sawTorn);
    }

    // A cut armed at the nth operation of a kind (a real sync's operation numbers vary from run to run): the
    // operations before it, and those of other kinds, go through; that one fails, or with opsLater the one after.
    void aCutArmedAtAKindHitsItsNthOperation()
    {
        QVERIFY(m_vfs->reset());
        const QString folder = m_dir.filePath(QStringLiteral("kind"));
        QVERIFY(QDir().mkpath(folder));
        sqlite3_vfs *vfs = sqlite3_vfs_find(qPrintable(m_vfs->name()));
        QVERIFY(vfs);
        std::vector<std::max_align_t> storage(size_t(vfs->szOsFile) / sizeof(std::max_align_t) + 1);
        auto *wal = reinterpret_cast<sqlite3_file *>(storage.data());
        const QByteArray path = QDir(folder).filePath(QStringLiteral("k.db-wal")).toUtf8();
        // The unix VFS gives a new WAL its database's permissions: the database must exist.
        QFile db(QDir(folder).filePath(QStringLiteral("k.db")));
        QVERIFY(db.open(QIODevice::WriteOnly));
        db.close();
        int outFlags = 0;
        const auto run = [&](qint64 opsLater) {
            m_vfs->reset();
            QFile::remove(QString::fromUtf8(path));
            if (vfs->xOpen(vfs, path.constData(), wal, SQLITE_OPEN_WAL | SQLITE_OPEN_CREATE | SQLITE_OPEN_READWRITE,
                           &outFlags) != SQLITE_OK)
                return QList<int>{-1};
            m_vfs->armCutAt(PowercutOp::Kind::Sync, DurableFile::Wal, 1, opsLater);
            QList<int> results; // write, sync, write, sync, write
            for (int i = 0; i < 5; ++i)
                results << (i % 2 ? wal->pMethods->xSync(wal, SQLITE_SYNC_FULL)
                                  : wal->pMethods->xWrite(wal, "x", 1, i));
            wal->pMethods->xClose(wal);
            return results;
        };
        QCOMPARE(run(0), (QList<int>{SQLITE_OK, SQLITE_OK, SQLITE_OK, SQLITE_IOERR_FSYNC, SQLITE_IOERR_WRITE}));
        QCOMPARE(run(1), (QList<int>{SQLITE_OK, SQLITE_OK, SQLITE_OK, SQLITE_OK, SQLITE_IOERR_WRITE}));
        QCOMPARE(run(2), (QList<int>{SQLITE_OK, SQLITE_OK, SQLITE_OK, SQLITE_OK, SQLITE_OK}));
        QVERIFY(!m_vfs->isCut()); // the third operation after it never came
        QCOMPARE(m_vfs->openFiles(), 0);
    }

    void acknowledgedBatchesSurviveEveryCut_data()
    {
        QTest::addColumn<bool>("normalSync");
        QTest::addColumn<bool>("walSyncIgnored");
        QTest::addColumn<bool>("dbSyncIgnored");
        QTest::addColumn<bool>("mustLose"); // the expected outcome: a control must lose acknowledged batches
        QTest::newRow("the app's durable profile") << false << false << false << false;
        QTest::newRow("control: synchronous=NORMAL") << true << false << false << true;
        QTest::newRow("control: the disk ignores the WAL's fsync") << false << true << false << true;
        // Commits are durable in the WAL, but a checkpoint's copy into the database is not when the WAL restarts.
        QTest::newRow("control: the disk ignores the database's fsync") << false << false << true << true;
    }

    void acknowledgedBatchesSurviveEveryCut()
    {
        QFETCH(bool, normalSync);
        QFETCH(bool, walSyncIgnored);
        QFETCH(bool, dbSyncIgnored);
        QFETCH(bool, mustLose);
        QElapsedTimer timer;
        timer.start();
        m_vfs->setSyncIgnored(DurableFile::Wal, walSyncIgnored);
        m_vfs->setSyncIgnored(DurableFile::MainDb, dbSyncIgnored);
        const auto restore = qScopeGuard([this] {
            m_vfs->setSyncIgnored(DurableFile::Wal, false);
            m_vfs->setSyncIgnored(DurableFile::MainDb, false);
        });
        const QString uri = m_vfs->uri(m_workPath);

        // Without a cut: the workload runs through the VFS, checkpoints inside its sessions, and tells
        // which operations there are to cut at (the same ones every run: the workload is deterministic).
        QVERIFY(freshWorkCopy());
        QString unexpected;
        const Acks all = runWorkload(normalSync, uri, *m_vfs, &unexpected);
        QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected));
        QCOMPARE(all.count(), kBatches);
        const QList<PowercutOp> ops = m_vfs->ops();
        qInfo().noquote() << QStringLiteral("powercut [%1]: the workload's I/O: WAL %2 writes, %3 syncs; database %4 "
                                            "writes, %5 syncs, %6 truncates; %7 WAL deletions")
                                 .arg(QString::fromUtf8(QTest::currentDataTag()))
                                 .arg(countOps(ops, PowercutOp::Kind::Write, DurableFile::Wal))
                                 .arg(countOps(ops, PowercutOp::Kind::Sync, DurableFile::Wal))
                                 .arg(countOps(ops, PowercutOp::Kind::Write, DurableFile::MainDb))
                                 .arg(countOps(ops, PowercutOp::Kind::Sync, DurableFile::MainDb))
                                 .arg(countOps(ops, PowercutOp::Kind::Truncate, DurableFile::MainDb))
                                 .arg(countOps(ops, PowercutOp::Kind::Delete, DurableFile::Wal));
        QVERIFY2(countOps(ops, PowercutOp::Kind::Sync, DurableFile::MainDb) > kSessions,
                 "the workload must checkpoint inside its sessions, not only when closing");

        // The controls only have to show one loss; the strictest model shows it soonest.
        QList<CrashModel> models{CrashModel::DropUnsynced};
        for (int k = 0; !mustLose && k < m_scrambles; ++k)
            models << CrashModel::ScrambleUnsynced;
        QRandomGenerator rng(quint32(m_seed ^ (m_seed >> 32)));
        const QList<qint64> points = cutPoints(ops, m_evenCuts, rng);
        int images = 0, acked = 0, lost = 0, imagesLosing = 0, imagesBeyond = 0;
        QStringList problems;
        for (const qint64 point : points) {
            QVERIFY(freshWorkCopy());
            m_vfs->armCut(point);
            const Acks acks = runWorkload(normalSync, uri, *m_vfs, &unexpected);
            QVERIFY2(unexpected.isEmpty(),
                     qPrintable(QStringLiteral("cut after op %1: %2").arg(point).arg(unexpected)));
            QCOMPARE(m_vfs->openFiles(), 0);
            for (int k = 0; k < models.size(); ++k) {
                const CrashModel model = models.at(k);
                const quint64 seed = m_seed + quint64(point) * kSeedStride + quint64(k);
                QVERIFY(QDir(m_imageDir).removeRecursively() && QDir().mkpath(m_imageDir));
                QString error;
                QVERIFY2(m_vfs->materialize(m_imageDir, model, seed, &error), qPrintable(error));
                const Verdict v = checkImage(QDir(m_imageDir).filePath(kFileName), acks, !mustLose);
                ++images;
                acked += v.ackedChecked;
                lost += v.lost;
                imagesLosing += v.lost > 0 ? 1 : 0;
                imagesBeyond += v.beyondAcked ? 1 : 0;
                const QString where = QStringLiteral("cut after op %1 of %2, %3 (seed %4): ")
                                          .arg(point)
                                          .arg(ops.size())
                                          .arg(model == CrashModel::DropUnsynced ? QStringLiteral("unsynced dropped")
                                                                                 : QStringLiteral("unsynced scrambled"))
                                          .arg(seed);
                for (const QString &p : v.problems)
                    problems << where + p;
            }
        }
        const QString figures =
            QStringLiteral(
                "powercut [%1]: %2 I/O ops in the workload, %3 cut points, %4 crash images, %5 acknowledged "
                "batches checked, %6 lost (in %7 images), %8 problems in all; %9 images kept a batch whose commit "
                "had failed at the cut; %10 s")
                .arg(QString::fromUtf8(QTest::currentDataTag()))
                .arg(ops.size())
                .arg(points.size())
                .arg(images)
                .arg(acked)
                .arg(lost)
                .arg(imagesLosing)
                .arg(problems.size())
                .arg(imagesBeyond)
                .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1);
        qInfo().noquote() << figures;
        m_figures << figures;
        if (mustLose) {
            QVERIFY2(lost > 0, "the control lost no acknowledged batch: this harness cannot see a lost commit");
        } else {
            for (const QString &p : problems.mid(0, kProblemsShown))
                qWarning().noquote() << p;
            QCOMPARE(lost, 0);
            QVERIFY2(problems.isEmpty(), qPrintable(problems.value(0)));
        }
    }

private:
    // A fresh copy of the base archive where the VFS models it from scratch.
    bool freshWorkCopy()
    {
        for (const char *suffix : {"", "-wal", "-shm", "-journal"})
            QFile::remove(m_workPath + QLatin1String(suffix));
        // Written by hand: QFile::copy fsyncs, and at hundreds of runs that would be most of the time.
        QFile work(m_workPath);
        return m_vfs->reset() && work.open(QIODevice::WriteOnly) && work.write(m_base) == m_base.size();
    }

    QTemporaryDir m_dir;
    std::unique_ptr<PowercutVfs> m_vfs;
    QString m_basePath, m_workPath, m_imageDir;
    QByteArray m_base; // the base archive's bytes
    quint64 m_seed = kDefaultSeed;
    int m_evenCuts = kDefaultEvenCuts;
    int m_scrambles = kDefaultScrambles;
    QStringList m_figures;
};

QTEST_GUILESS_MAIN(TestPowercut)
#include "tst_powercut.moc"
