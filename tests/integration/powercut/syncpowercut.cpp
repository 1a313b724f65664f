#include "syncpowercut.h"

#include "core/failure.h"
#include "store/archive.h"
#include "store/archivereader.h"
#include "store/archivewriter.h"
#include "store/connection.h"
#include "sync/syncjob.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QMutex>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>
#include <utility>

namespace vaulttray::test {

namespace {

const QString kFileName = QStringLiteral("archive.db");
const QString kAccountName = QStringLiteral("powercut");
// The writer's connection (store/archivewriter.cpp), reached on its thread to downgrade it for a control.
const QString kWriterConnection = QStringLiteral("vaulttray-writer");
const QString kAckConnection = QStringLiteral("powercut-acks");
// Real I/O against a local server: far above the second or two a run takes on a loaded machine.
constexpr int kRunWaitMs = 60000;
constexpr quint64 kSeedStride = 0x9E3779B97F4A7C15ULL; // spreads per-cut seeds over 64 bits
constexpr int kProblemsPerCut = 5;

// Records what the archive holds after each batch the writer acknowledges. It runs on the writer's thread, right
// after the commit returned and before the next batch starts, reading through a second connection on the real
// files ("unix" VFS): reads change nothing a power cut could lose, and they still work when the power went
// during the commit's own WAL checkpoint (SQLite acknowledges the commit then).
class AckRecorder
{
public:
    AckRecorder(QString path, qint64 accountId) : m_path(std::move(path)), m_accountId(accountId) {}

    void onBatchFinished(const BatchResult &result)
    {
        if (result.error)
            return;
        AckSnapshot snapshot;
        const QString error = read(&snapshot);
        QMutexLocker lock(&m_mutex);
        ++m_acks;
        if (!error.isEmpty())
            m_errors << error;
        m_last = std::move(snapshot);
    }

    // On the writer's thread, before the writer closes (its close must be the last, as in the app).
    void close()
    {
        if (!m_opened)
            return;
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(kAckConnection);
        m_opened = false;
    }

    int acks() const
    {
        QMutexLocker lock(&m_mutex);
        return m_acks;
    }
    AckSnapshot last() const
    {
        QMutexLocker lock(&m_mutex);
        return m_last;
    }
    QStringList errors() const
    {
        QMutexLocker lock(&m_mutex);
        return m_errors;
    }

private:
    QString read(AckSnapshot *out)
    {
        if (!m_opened) {
            m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), kAckConnection);
            m_db.setDatabaseName(m_path);
            m_opened = true;
            if (!m_db.open())
                return QStringLiteral("reading an acknowledged state: ") + m_db.lastError().text();
        }
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("SELECT provider_id, content_sha256 FROM messages WHERE account_id = ?"));
        q.addBindValue(m_accountId);
        if (!q.exec())
            return QStringLiteral("reading an acknowledged state: ") + q.lastError().text();
        while (q.next())
            out->messages.insert(q.value(0).toString(), q.value(1).toByteArray());
        q.prepare(QStringLiteral("SELECT scope, key, value FROM checkpoints WHERE account_id = ?"));
        q.addBindValue(m_accountId);
        if (!q.exec())
            return QStringLiteral("reading an acknowledged state: ") + q.lastError().text();
        while (q.next())
            out->checkpoints[q.value(0).toString()].insert(q.value(1).toString(), q.value(2).toString());
        return {};
    }

    QString m_path;
    qint64 m_accountId;
    QSqlDatabase m_db;
    bool m_opened = false;
    mutable QMutex m_mutex;
    int m_acks = 0;
    AckSnapshot m_last;
    QStringList m_errors;
};

// Runs code on the writer's thread and waits for it.
class OnWriterThread
{
public:
    explicit OnWriterThread(ArchiveWriter &writer) { m_context.moveToThread(writer.thread_()); }
    ~OnWriterThread()
    {
        QThread *home = QThread::currentThread();
        run([this, home] { m_context.moveToThread(home); });
    }
    template <typename F> void run(F &&f)
    {
        QMetaObject::invokeMethod(&m_context, std::forward<F>(f), Qt::BlockingQueuedConnection);
    }

private:
    QObject m_context;
};

// The control's downgrade, after the writer opened with (and verified) the durable profile.
QString setNormalSync()
{
    QSqlDatabase db = QSqlDatabase::database(kWriterConnection, false);
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA synchronous = NORMAL")) || !q.exec(QStringLiteral("PRAGMA synchronous")) ||
        !q.next() || q.value(0).toInt() != 1)
        return QStringLiteral("the control could not set synchronous=NORMAL: ") + q.lastError().text();
    return {};
}

int countOps(const QList<PowercutOp> &ops, PowercutOp::Kind kind, DurableFile file)
{
    return int(std::count_if(ops.cbegin(), ops.cend(),
                             [&](const PowercutOp &op) { return op.kind == kind && op.file == file; }));
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

} // namespace

SyncPowercutHarness::SyncPowercutHarness(SyncUnderTest &sync, QString accountProvider)
    : m_sync(sync), m_provider(std::move(accountProvider))
{
}

SyncPowercutHarness::~SyncPowercutHarness() = default;

QString SyncPowercutHarness::prepare()
{
    if (!m_dir.isValid())
        return QStringLiteral("no temporary folder");
    const QString basePath = m_dir.filePath(QStringLiteral("base/") + kFileName);
    m_workPath = m_dir.filePath(QStringLiteral("work/") + kFileName);
    m_imageDir = m_dir.filePath(QStringLiteral("image"));
    QDir().mkpath(m_dir.filePath(QStringLiteral("base")));
    QDir().mkpath(m_dir.filePath(QStringLiteral("work")));
    if (const StoreError error = Archive::prepare(basePath))
        return error.message;
    {
        ArchiveWriter writer(basePath);
        if (const StoreError error = writer.start())
            return error.message;
        const AccountRecord account{0,          kAccountName,
                                    m_provider, QStringLiteral("alice@example.org"),
                                    "{}",       QDateTime(QDate(2026, 6, 1), QTime(8, 0), Qt::UTC)};
        if (const StoreError error = writer.addAccount(account, &m_accountId))
            return error.message;
    }
    if (QFile::exists(basePath + QStringLiteral("-wal")))
        return QStringLiteral("the base archive must be one closed file");
    QFile base(basePath);
    if (!base.open(QIODevice::ReadOnly))
        return base.errorString();
    m_base = base.readAll();

    // The reference run: no cut, every acknowledged state and the finished archive as the server has it.
    if (!freshWorkCopy())
        return QStringLiteral("cannot copy the base archive");
    SyncPowercutFigures figures;
    const AckSnapshot reference = cutOnce(false, DiskSetting::Durable, &figures);
    m_referenceOps = m_vfs.ops();
    if (!figures.problems.isEmpty())
        return figures.problems.join(QLatin1Char('\n'));
    if (reference.messages.size() != m_sync.serverMessages().size())
        return QStringLiteral("the reference run acknowledged %1 messages, the server has %2")
            .arg(reference.messages.size())
            .arg(m_sync.serverMessages().size());
    QDir(m_imageDir).removeRecursively();
    QDir().mkpath(m_imageDir);
    QString error;
    if (!m_vfs.materialize(m_imageDir, CrashModel::DropUnsynced, 0, &error))
        return error;
    checkImage(QDir(m_imageDir).filePath(kFileName), reference, false, QStringLiteral("reference run: "), &figures);
    if (figures.lostMessages != 0 || !figures.problems.isEmpty())
        return figures.problems.join(QLatin1Char('\n'));
    ArchiveReader reader(QDir(m_imageDir).filePath(kFileName), Profile::Ephemeral);
    return m_sync.learnReference(reader, m_accountId);
}

int SyncPowercutHarness::referenceOps() const
{
    return int(m_referenceOps.size());
}

QString SyncPowercutHarness::referenceIoSummary() const
{
    const QList<PowercutOp> &ops = m_referenceOps;
    return QStringLiteral("WAL %1 writes, %2 syncs; database %3 writes, %4 syncs; %5 WAL deletions")
        .arg(countOps(ops, PowercutOp::Kind::Write, DurableFile::Wal))
        .arg(countOps(ops, PowercutOp::Kind::Sync, DurableFile::Wal))
        .arg(countOps(ops, PowercutOp::Kind::Write, DurableFile::MainDb))
        .arg(countOps(ops, PowercutOp::Kind::Sync, DurableFile::MainDb))
        .arg(countOps(ops, PowercutOp::Kind::Delete, DurableFile::Wal));
}

bool SyncPowercutHarness::freshWorkCopy()
{
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(m_workPath + QLatin1String(suffix));
    // Written by hand: QFile::copy fsyncs, and at hundreds of runs that would be most of the time.
    QFile work(m_workPath);
    return m_vfs.reset() && work.open(QIODevice::WriteOnly) && work.write(m_base) == m_base.size();
}

// One run of the job into the work archive with the power failing at the armed point (planned; else no cut),
// the job and the writer stopped as a dying process stops. Returns the last state the writer acknowledged.
AckSnapshot SyncPowercutHarness::cutOnce(bool planned, DiskSetting disk, SyncPowercutFigures *figures)
{
    const AccountRecord account{m_accountId, kAccountName, m_provider, {}, "{}", {}};
    const QString uri = m_vfs.uri(m_workPath);
    m_vfs.setSyncIgnored(DurableFile::Wal, disk == DiskSetting::WalSyncIgnored);
    AckRecorder recorder(m_workPath, m_accountId);
    bool cutMidRun = false;
    {
        ArchiveWriter writer(uri);
        if (const StoreError error = writer.start()) {
            if (!m_vfs.isCut())
                figures->problems << QStringLiteral("the writer did not start with the power on: ") + error.message;
        } else {
            OnWriterThread onWriter(writer);
            if (disk == DiskSetting::NormalSync) {
                QString error;
                onWriter.run([&error] { error = setNormalSync(); });
                if (!error.isEmpty())
                    figures->problems << error;
            }
            QObject::connect(
                &writer, &ArchiveWriter::batchFinished, &writer,
                [&recorder](quint64, const BatchResult &result) { recorder.onBatchFinished(result); },
                Qt::DirectConnection);
            std::unique_ptr<SyncJob> job = m_sync.makeJob(account, writer, uri);
            QSignalSpy finished(job.get(), &SyncJob::finished);
            job->start();
            if (finished.isEmpty() && !finished.wait(kRunWaitMs))
                figures->problems << QStringLiteral("the job never finished");
            else if (!m_vfs.isCut() && !finished.at(0).at(0).value<Failure>().ok())
                figures->problems << QStringLiteral("the job failed with the power on: ") +
                                         finished.at(0).at(0).value<Failure>().detail;
            cutMidRun = m_vfs.isCut();
            job.reset();
            QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete); // its request jobs go now
            onWriter.run([&recorder] { recorder.close(); });
        }
        // The writer closes here, the power cut still armed: its closing checkpoint is a cut point too.
    }
    if (planned) {
        ++figures->cuts;
        figures->cutsMidRun += cutMidRun ? 1 : 0;
        figures->cutsAtClose += !cutMidRun && m_vfs.isCut() ? 1 : 0;
        m_vfs.cut(); // after the run, if it came to no planned point
    }
    if (m_vfs.openFiles() != 0)
        figures->problems << QStringLiteral("%1 files still open after the run").arg(m_vfs.openFiles());
    figures->problems << recorder.errors();
    figures->ackedBatches += recorder.acks();
    m_vfs.setSyncIgnored(DurableFile::Wal, false);
    return recorder.last();
}

SyncPowercutFigures SyncPowercutHarness::run(int cuts, quint64 seed, DiskSetting disk)
{
    const bool control = disk != DiskSetting::Durable;
    SyncPowercutFigures figures;
    const QList<PowercutOp> &ref = m_referenceOps;
    const qint64 walSyncs = countOps(ref, PowercutOp::Kind::Sync, DurableFile::Wal);
    const qint64 dbWrites = countOps(ref, PowercutOp::Kind::Write, DurableFile::MainDb);
    const qint64 dbSyncs = countOps(ref, PowercutOp::Kind::Sync, DurableFile::MainDb);
    for (int i = 0; i < cuts; ++i) {
        const quint64 cutSeed = seed + quint64(i) * kSeedStride;
        const quint32 seedWords[2] = {quint32(cutSeed), quint32(cutSeed >> 32)};
        QRandomGenerator rng(seedWords, 2);
        // Where the power fails: anywhere; at a commit's WAL sync (the commit is not acknowledged); right after it
        // (durable, perhaps not yet acknowledged); inside a WAL checkpoint's copy into the database, or at its sync.
        if (!freshWorkCopy()) {
            figures.problems << QStringLiteral("cannot copy the base archive");
            break;
        }
        QString plan;
        const auto pick = [&rng](qint64 n) { return qint64(rng.bounded(quint32(std::max<qint64>(n, 1)))); };
        switch (rng.bounded(6)) {
        case 2:
            if (walSyncs > 0) {
                const qint64 n = pick(walSyncs);
                m_vfs.armCutAt(PowercutOp::Kind::Sync, DurableFile::Wal, n);
                plan = QStringLiteral("at WAL sync %1 of ~%2").arg(n).arg(walSyncs);
            }
            break;
        case 3:
            if (walSyncs > 0) {
                const qint64 n = pick(walSyncs);
                m_vfs.armCutAt(PowercutOp::Kind::Sync, DurableFile::Wal, n, 1);
                plan = QStringLiteral("just after WAL sync %1 of ~%2").arg(n).arg(walSyncs);
            }
            break;
        case 4:
            if (dbWrites > 0) {
                const qint64 n = pick(dbWrites);
                m_vfs.armCutAt(PowercutOp::Kind::Write, DurableFile::MainDb, n);
                plan = QStringLiteral("at database write %1 of ~%2 (a WAL checkpoint)").arg(n).arg(dbWrites);
            }
            break;
        case 5:
            if (dbSyncs > 0) {
                const qint64 n = pick(dbSyncs);
                m_vfs.armCutAt(PowercutOp::Kind::Sync, DurableFile::MainDb, n);
                plan = QStringLiteral("at database sync %1 of ~%2 (a WAL checkpoint)").arg(n).arg(dbSyncs);
            }
            break;
        default:
            break;
        }
        if (plan.isEmpty()) {
            const qint64 n = pick(ref.size() + 1);
            m_vfs.armCut(n);
            plan = QStringLiteral("after operation %1 of ~%2").arg(n).arg(ref.size());
        }
        // Every other image of the app's runs is scrambled (torn writes, reordered sectors); the controls only have
        // to show a loss, and the strictest model shows it soonest.
        const CrashModel model = !control && i % 2 ? CrashModel::ScrambleUnsynced : CrashModel::DropUnsynced;
        const QString where =
            QStringLiteral("cut %1 (VAULTTRAY_POWERCUT_SEED=%2), %3, %4: ")
                .arg(i)
                .arg(seed)
                .arg(plan, model == CrashModel::DropUnsynced ? QStringLiteral("unsynced writes dropped")
                                                             : QStringLiteral("unsynced writes scrambled"));
        SyncPowercutFigures run;
        const AckSnapshot acked = cutOnce(true, disk, &run);
        figures.cuts += run.cuts;
        figures.cutsMidRun += run.cutsMidRun;
        figures.cutsAtClose += run.cutsAtClose;
        figures.ackedBatches += run.ackedBatches;
        for (const QString &p : std::as_const(run.problems))
            figures.problems << where + p;
        QDir(m_imageDir).removeRecursively();
        QDir().mkpath(m_imageDir);
        QString error;
        if (!m_vfs.materialize(m_imageDir, model, cutSeed, &error)) {
            figures.problems << where + error;
            continue;
        }
        checkImage(QDir(m_imageDir).filePath(kFileName), acked, !control, where, &figures);
        if (control && figures.lostMessages > 0)
            break;
    }
    return figures;
}

// What a reboot finds at path, against the last acknowledged state; then, with resync, the app starts on it and
// syncs to completion.
void SyncPowercutHarness::checkImage(const QString &path, const AckSnapshot &last, bool resync, const QString &where,
                                     SyncPowercutFigures *figures)
{
    QStringList problems;
    const QHash<QString, QByteArray> &server = m_sync.serverMessages();
    figures->ackedMessages += int(last.messages.size());
    ArchiveOpenOptions options;
    options.profile = Profile::Ephemeral; // nothing after the reboot is under test for durability
    if (const StoreError error = Archive::prepare(path, options)) {
        figures->lostMessages += int(last.messages.size());
        ++figures->imagesLosing;
        figures->problems << where + QStringLiteral("the app refuses to start on it: ") + error.message;
        return;
    }
    int lost = 0;
    {
        ArchiveReader reader(path, Profile::Ephemeral);
        if (reader.openError()) {
            figures->problems << where + QStringLiteral("the archive does not open: ") + reader.openError().message;
            return;
        }
        const QStringList integrity = column(reader.database(), QStringLiteral("PRAGMA integrity_check"));
        if (integrity != QStringList{QStringLiteral("ok")})
            problems << QStringLiteral("integrity_check: ") + integrity.join(QStringLiteral("; "));
        const QSet<QString> stored = reader.providerIds(m_accountId);
        for (const QString &id : stored) {
            const std::optional<QByteArray> raw = reader.rawMessage(m_accountId, id);
            if (!server.contains(id))
                problems << QStringLiteral("%1 is stored but not on the server").arg(id);
            else if (raw != server.value(id))
                problems << QStringLiteral("%1 is not byte-identical to the server's").arg(id);
        }
        for (auto it = last.messages.cbegin(); it != last.messages.cend(); ++it) {
            if (!stored.contains(it.key()) || reader.rawMessage(m_accountId, it.key()) != server.value(it.key()))
                ++lost;
        }
        if (lost > 0)
            problems
                << QStringLiteral("%1 of the %2 acknowledged messages are lost").arg(lost).arg(last.messages.size());
        problems << m_sync.checkCheckpoints(reader, m_accountId, last, false);
    }
    figures->lostMessages += lost;
    figures->imagesLosing += lost > 0 ? 1 : 0;

    if (resync && problems.isEmpty()) {
        ++figures->resyncs;
        {
            ArchiveWriter writer(path, Profile::Ephemeral);
            if (const StoreError error = writer.start()) {
                problems << QStringLiteral("no writer after the reboot: ") + error.message;
            } else {
                const AccountRecord account{m_accountId, kAccountName, m_provider, {}, "{}", {}};
                std::unique_ptr<SyncJob> job = m_sync.makeJob(account, writer, path);
                QSignalSpy finished(job.get(), &SyncJob::finished);
                job->start();
                if (finished.isEmpty() && !finished.wait(kRunWaitMs))
                    problems << QStringLiteral("the re-sync never finished");
                else if (const Failure f = finished.at(0).at(0).value<Failure>(); !f.ok())
                    problems << QStringLiteral("the re-sync failed: ") + f.detail;
                job.reset();
                QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
            }
        }
        ArchiveReader reader(path, Profile::Ephemeral);
        const QSet<QString> stored = reader.providerIds(m_accountId);
        const qint64 rows = reader.messageCount(m_accountId, true);
        if (rows != server.size() || stored.size() != server.size())
            problems << QStringLiteral("after the re-sync: %1 messages (%2 ids), the server has %3")
                            .arg(rows)
                            .arg(stored.size())
                            .arg(server.size());
        for (auto it = server.cbegin(); it != server.cend(); ++it) {
            if (reader.rawMessage(m_accountId, it.key()) != it.value())
                problems << QStringLiteral("after the re-sync: %1 is missing or changed").arg(it.key());
        }
        problems << m_sync.checkCheckpoints(reader, m_accountId, last, true);
    }
    for (const QString &p : problems.mid(0, kProblemsPerCut))
        figures->problems << where + p;
    if (problems.size() > kProblemsPerCut)
        figures->problems << where + QStringLiteral("... and %1 more").arg(problems.size() - kProblemsPerCut);
}

QString describe(const QString &provider, const QString &row, const SyncPowercutFigures &f, double seconds)
{
    return QStringLiteral("powercut %1 [%2]: %3 cuts (%4 while the job ran, %5 while the writer closed), %6 "
                          "acknowledged batches, %7 acknowledged messages checked, %8 lost (in %9 images), %10 "
                          "re-syncs to completion, %11 problems; %12 s")
        .arg(provider, row)
        .arg(f.cuts)
        .arg(f.cutsMidRun)
        .arg(f.cutsAtClose)
        .arg(f.ackedBatches)
        .arg(f.ackedMessages)
        .arg(f.lostMessages)
        .arg(f.imagesLosing)
        .arg(f.resyncs)
        .arg(f.problems.size())
        .arg(seconds, 0, 'f', 1);
}

int envCount(const char *name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok && value > 0 ? value : fallback;
}

quint64 envSeed(quint64 fallback)
{
    bool ok = false;
    const qulonglong seed = qEnvironmentVariable("VAULTTRAY_POWERCUT_SEED").toULongLong(&ok);
    return ok ? seed : fallback;
}

namespace {
constexpr int kDefaultCuts = 100;
constexpr int kControlMaxCuts = 60;
} // namespace

SyncPowercutTest::SyncPowercutTest(SyncUnderTest &sync, QString provider, int messages, quint64 defaultSeed)
    : m_sync(sync), m_provider(std::move(provider)), m_messages(messages), m_seed(defaultSeed)
{
}

SyncPowercutTest::~SyncPowercutTest() = default;

void SyncPowercutTest::initTestCase()
{
    // Hundreds of failed commits and abandoned requests are expected; their log lines would bury the figures.
    QLoggingCategory::setFilterRules(QStringLiteral("vaulttray.*.debug=false\nvaulttray.*.info=false\n"
                                                    "vaulttray.*.warning=false\nvaulttray.*.critical=false"));
    qRegisterMetaType<Failure>();
    enableEphemeralProfileForTests(); // the checks after each reboot only; the runs under test are durable
    QString error = m_sync.start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_harness = std::make_unique<SyncPowercutHarness>(m_sync, m_provider);
    error = m_harness->prepare();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_seed = envSeed(m_seed);
    qInfo().noquote() << QStringLiteral("powercut %1: %2 messages; a full sync does %3 I/O operations (%4); seed %5")
                             .arg(m_provider)
                             .arg(m_messages)
                             .arg(m_harness->referenceOps())
                             .arg(m_harness->referenceIoSummary())
                             .arg(m_seed);
}

void SyncPowercutTest::cleanupTestCase()
{
    for (const QString &line : std::as_const(m_figures))
        qInfo().noquote() << line;
    m_harness.reset();
}

void SyncPowercutTest::acknowledgedBatchesSurviveCutsAcrossARealSync_data()
{
    QTest::addColumn<int>("disk");
    QTest::addColumn<bool>("mustLose"); // the expected outcome: a control must lose acknowledged messages
    QTest::newRow("the app's durable profile") << int(DiskSetting::Durable) << false;
    QTest::newRow("control: synchronous=NORMAL") << int(DiskSetting::NormalSync) << true;
    QTest::newRow("control: the disk ignores the WAL's fsync") << int(DiskSetting::WalSyncIgnored) << true;
}

void SyncPowercutTest::acknowledgedBatchesSurviveCutsAcrossARealSync()
{
    QFETCH(int, disk);
    QFETCH(bool, mustLose);
    QElapsedTimer timer;
    timer.start();
    const int cuts = mustLose ? kControlMaxCuts : envCount("VAULTTRAY_POWERCUT_SYNC_CUTS", kDefaultCuts);
    const SyncPowercutFigures f = m_harness->run(cuts, m_seed, DiskSetting(disk));
    const QString figures =
        describe(m_provider, QString::fromUtf8(QTest::currentDataTag()), f, double(timer.elapsed()) / 1000.0);
    qInfo().noquote() << figures;
    m_figures << figures;
    if (mustLose) {
        QVERIFY2(f.lostMessages > 0, "the control lost no acknowledged message: the harness cannot see a loss");
        return;
    }
    for (const QString &p : f.problems.mid(0, 10))
        qWarning().noquote() << p;
    QCOMPARE(f.cuts, cuts);
    QVERIFY2(f.problems.isEmpty(), qPrintable(f.problems.value(0)));
    QCOMPARE(f.lostMessages, 0);
    QCOMPARE(f.resyncs, cuts);
    // The plan must reach inside the runs and into the writer's closing checkpoint, not only past their ends.
    QVERIFY2(f.cutsMidRun >= cuts / 4, qPrintable(QString::number(f.cutsMidRun)));
    QVERIFY(f.cutsAtClose > 0);
}

} // namespace vaulttray::test
