#pragma once

#include "fakes/powercutvfs.h"

#include "store/writebatch.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace vaulttray {
class ArchiveReader;
class ArchiveWriter;
class SyncJob;
} // namespace vaulttray

namespace vaulttray::test {

// What the archive held right after a batch the writer acknowledged: each message's provider id with the SHA-256
// the store recorded, and every checkpoint (scope → key → value).
struct AckSnapshot
{
    QHash<QString, QByteArray> messages;
    QHash<QString, QHash<QString, QString>> checkpoints;
};

// One provider's side of a power-cut run: its real sync job, what its server holds, and what its checkpoints mean.
class SyncUnderTest
{
public:
    virtual ~SyncUnderTest() = default;
    // Starts the provider's server and what the job needs; empty, or what went wrong.
    virtual QString start() = 0;
    // A sync run of the account into the archive at archivePath (a plain path or a VFS URI), writing through writer.
    virtual std::unique_ptr<SyncJob> makeJob(const AccountRecord &account, ArchiveWriter &writer,
                                             const QString &archivePath) = 0;
    // Every message the server holds, by provider id: the bytes the archive must hold, byte for byte.
    virtual const QHash<QString, QByteArray> &serverMessages() const = 0;
    // After the reference run (a sync without a cut, its archive already checked against serverMessages()): what
    // the provider needs from it to judge checkpoints later, e.g. each IMAP folder's UIDs. Empty on success.
    virtual QString learnReference(ArchiveReader &, qint64) { return {}; }
    // Problems with the archive's checkpoints: one that claims more than the archive holds, one behind what the
    // writer acknowledged (last), or, with complete, one that does not say the sync is done.
    virtual QStringList checkCheckpoints(ArchiveReader &reader, qint64 accountId, const AckSnapshot &last,
                                         bool complete) = 0;
};

// How the disk behaves during the runs.
enum class DiskSetting {
    Durable,        // the app's profile (synchronous=FULL), fsyncs honoured
    NormalSync,     // control: the writer's connection set to synchronous=NORMAL after it opened
    WalSyncIgnored, // control: the disk answers the WAL's fsync without flushing it
};

struct SyncPowercutFigures
{
    int cuts = 0;
    int cutsMidRun = 0;    // the power failed while the job was still running
    int cutsAtClose = 0;   // while the writer closed (its closing checkpoint, the WAL's removal)
    int ackedBatches = 0;  // acknowledged batches, summed over the cuts
    int ackedMessages = 0; // messages in the last acknowledged state of each cut, summed
    int lostMessages = 0;  // of those, missing or changed after the reboot
    int imagesLosing = 0;
    int resyncs = 0;
    QStringList problems; // everything that must never happen, the losses included
};

// Power cuts across real sync runs (see tst_powercut_gmail.cpp): every run starts from the same archive (the account
// added, no mail) in a work folder whose I/O goes through a PowercutVfs, the app's ArchiveWriter writes what the job
// hands it, and the power fails at a planned operation. The on-disk state a reboot would find is then checked and
// synced to completion.
class SyncPowercutHarness
{
public:
    SyncPowercutHarness(SyncUnderTest &sync, QString accountProvider);
    ~SyncPowercutHarness();

    // Makes the base archive and runs one sync without a cut: it proves the sync completes through the VFS, and
    // its I/O is what the cut points are drawn from. Empty on success.
    QString prepare();
    qint64 accountId() const { return m_accountId; }
    int referenceOps() const;
    QString referenceIoSummary() const;

    // Up to `cuts` cuts at points drawn from a generator seeded with seed, each followed by the checks: with the
    // durable setting, of every image and a sync to completion on it; a control stops at its first image that lost
    // acknowledged messages (a loss needs a cut after an unsynced commit, which a random plan reaches only sometimes).
    SyncPowercutFigures run(int cuts, quint64 seed, DiskSetting disk);

private:
    AckSnapshot cutOnce(bool planned, DiskSetting disk, SyncPowercutFigures *figures);
    void checkImage(const QString &path, const AckSnapshot &last, bool resync, const QString &where,
                    SyncPowercutFigures *figures);
    bool freshWorkCopy();

    SyncUnderTest &m_sync;
    QString m_provider;
    QTemporaryDir m_dir;
    PowercutVfs m_vfs;
    QString m_workPath, m_imageDir;
    QByteArray m_base;
    qint64 m_accountId = 0;
    QList<PowercutOp> m_referenceOps;
};

// The test both providers run (tst_powercut_gmail, tst_powercut_imap): the app's durable profile cut
// VAULTTRAY_POWERCUT_SYNC_CUTS times (default 100), then each control until it loses an acknowledged message, with a
// cut plan from VAULTTRAY_POWERCUT_SEED (default: the provider's). The figures go to the log.
class SyncPowercutTest : public QObject
{
    Q_OBJECT

public:
    SyncPowercutTest(SyncUnderTest &sync, QString provider, int messages, quint64 defaultSeed);
    ~SyncPowercutTest() override;

private slots:
    void initTestCase();
    void cleanupTestCase();
    void acknowledgedBatchesSurviveCutsAcrossARealSync_data();
    void acknowledgedBatchesSurviveCutsAcrossARealSync();

private:
    SyncUnderTest &m_sync;
    QString m_provider;
    int m_messages;
    quint64 m_seed;
    std::unique_ptr<SyncPowercutHarness> m_harness;
    QStringList m_figures;
};

// One line of figures for the log and docs/reliability.md: "powercut PROVIDER [ROW]: ...".
QString describe(const QString &provider, const QString &row, const SyncPowercutFigures &f, double seconds);
// Reads an environment variable as a positive count, or fallback.
int envCount(const char *name, int fallback);
// VAULTTRAY_POWERCUT_SEED, or fallback.
quint64 envSeed(quint64 fallback);

} // namespace vaulttray::test
