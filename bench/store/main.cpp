// bench_store_write: how fast the archive takes mail, and what synchronous=FULL costs.
// Generates synthetic messages (mailgen.h), parses them with buildMessageRecord and commits them through
// ArchiveWriter in batches, the way a sync does; or only parses them; or writes their raw bytes to a plain
// file with one fdatasync per batch (the physical limit). One mode per process, so peak RSS is the mode's
// own; prints one line of key=value figures that run.sh turns into a table.
#include "mailgen.h"
#include "syncvfs.h"

#include "store/archive.h"
#include "store/archivewriter.h"
#include "sync/messagerecord.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>

#include <fcntl.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

using namespace vaulttray;
using namespace vaulttray::bench;

namespace {

const QDateTime kT0(QDate(2026, 5, 1), QTime(9, 0), Qt::UTC);
constexpr int kPercentSecondLabel = 30;
constexpr int kMessagesPerThread = 3;

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// "write_bytes" (what reached the block layer, page-cache granularity) and "wchar" (bytes passed to write calls).
qint64 procIo(const std::string &key)
{
    std::ifstream io("/proc/self/io");
    std::string name;
    long long value = 0;
    while (io >> name >> value) {
        if (name == key + ":")
            return value;
    }
    return -1;
}

double cpuSeconds(clockid_t clock)
{
    timespec t{};
    clock_gettime(clock, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

struct Figures
{
    qint64 rawBytes = 0;
    double generate = 0, parse = 0, store = 0;
    double storeCpu = 0; // CPU time of the writing itself: is it the disk or the CPU that limits it?
    SyncStats syncs;
    qint64 diskWriteBytes = 0, writeCallBytes = 0, archiveBytes = 0;
};

// Counters at the start of the measured part, so setup (migrations, the account) is not counted.
struct Baseline
{
    SyncStats syncs = syncStats();
    qint64 diskWrite = procIo("write_bytes");
    qint64 writeCalls = procIo("wchar");
    double processCpu = cpuSeconds(CLOCK_PROCESS_CPUTIME_ID);
    double mainThreadCpu = cpuSeconds(CLOCK_THREAD_CPUTIME_ID);

    // The main thread generates and parses and otherwise waits for the writer thread; so the writer's
    // CPU time is the process's minus the main thread's.
    double otherThreadsCpu() const
    {
        return (cpuSeconds(CLOCK_PROCESS_CPUTIME_ID) - processCpu) -
               (cpuSeconds(CLOCK_THREAD_CPUTIME_ID) - mainThreadCpu);
    }

    void finish(Figures *f) const
    {
        const SyncStats now = syncStats();
        f->syncs =
            SyncStats{now.calls - syncs.calls, now.databaseCalls - syncs.databaseCalls, now.seconds - syncs.seconds};
        f->diskWriteBytes = procIo("write_bytes") - diskWrite;
        f->writeCallBytes = procIo("wchar") - writeCalls;
    }
};

QList<QByteArray> generate(int first, int count, Figures *f)
{
    const auto start = Clock::now();
    QList<QByteArray> raws;
    for (int i = first; i < first + count; ++i) {
        raws << syntheticMessage(static_cast<quint64>(i));
        f->rawBytes += raws.constLast().size();
    }
    f->generate += secondsSince(start);
    return raws;
}

QList<MessageRecord> parse(const QList<QByteArray> &raws, int first, Figures *f)
{
    const auto start = Clock::now();
    QList<MessageRecord> records;
    for (int i = 0; i < raws.size(); ++i) {
        const int n = first + i;
        MessageOrigin origin;
        origin.providerId = QStringLiteral("m%1").arg(n);
        origin.threadId = QStringLiteral("t%1").arg(n / kMessagesPerThread);
        origin.internalDate = kT0.addSecs(n);
        origin.flags = QStringLiteral("\\Seen");
        origin.labels << QStringLiteral("INBOX");
        if (n % 100 < kPercentSecondLabel)
            origin.labels << QStringLiteral("Label_1");
        records << buildMessageRecord(raws.at(i), origin);
    }
    f->parse += secondsSince(start);
    return records;
}

// Pages of `batch` messages, each with its checkpoint and run progress, as a sync writes them.
bool archive(const QString &path, Profile profile, int count, int batch, Figures *f)
{
    if (StoreError e = Archive::prepare(path, ArchiveOpenOptions{profile, {}, nullptr})) {
        std::fprintf(stderr, "prepare: %s\n", qPrintable(e.message));
        return false;
    }
    {
        ArchiveWriter writer(path, profile);
        qint64 account = 0;
        if (StoreError e = writer.start();
            e || (e = writer.addAccount(AccountRecord{0, QStringLiteral("bench"), QStringLiteral("gmail"),
                                                      QStringLiteral("bench@example.org"), "{}", kT0},
                                        &account))) {
            std::fprintf(stderr, "writer: %s\n", qPrintable(e.message));
            return false;
        }
        const Baseline baseline;
        for (int first = 0; first < count; first += batch) {
            const int n = std::min(batch, count - first);
            const QList<QByteArray> raws = generate(first, n, f);
            WriteBatch b;
            b.accountId = account;
            b.at = kT0.addSecs(first);
            b.messages = parse(raws, first, f);
            if (first == 0) {
                b.runStartedAt = b.at;
                b.folders << FolderRecord{QStringLiteral("INBOX"), QStringLiteral("Inbox"), true,
                                          QStringLiteral("\\Inbox")}
                          << FolderRecord{QStringLiteral("Label_1"), QStringLiteral("Projects/Zürich"), true, {}};
            }
            qint64 bytes = 0;
            for (const QByteArray &raw : raws)
                bytes += raw.size();
            b.checkpoints << CheckpointRecord{QString(), QStringLiteral("pageToken"), QString::number(first + n)};
            b.progress = RunProgress{n, 0, 0, 0, bytes};
            if (first + n >= count)
                b.runEnd = RunEnd{b.at, RunStatus::Ok, {}};

            const auto start = Clock::now();
            const BatchResult r = writer.commit(b);
            f->store += secondsSince(start);
            if (r.error || r.inserted != n) {
                std::fprintf(stderr, "batch at %d: %s (inserted %d of %d)\n", first, qPrintable(r.error.message),
                             r.inserted, n);
                return false;
            }
        }
        f->storeCpu = baseline.otherThreadsCpu();
        baseline.finish(f);
    } // closing the writer checkpoints the WAL into the archive: not measured
    f->archiveBytes = QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
    return true;
}

bool parseOnly(int count, int batch, Figures *f)
{
    const Baseline baseline;
    for (int first = 0; first < count; first += batch)
        parse(generate(first, std::min(batch, count - first), f), first, f);
    baseline.finish(f);
    return true;
}

// The physical limit: the same raw bytes appended to one file, one fdatasync per batch.
bool rawFile(const QString &path, int count, int batch, Figures *f)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        std::perror("open");
        return false;
    }
    const Baseline baseline;
    for (int first = 0; first < count; first += batch) {
        const QList<QByteArray> raws = generate(first, std::min(batch, count - first), f);
        const auto start = Clock::now();
        const double cpuStart = cpuSeconds(CLOCK_THREAD_CPUTIME_ID);
        for (const QByteArray &raw : raws) {
            for (qint64 done = 0; done < raw.size();) {
                const ssize_t w = ::write(fd, raw.constData() + done, static_cast<size_t>(raw.size() - done));
                if (w < 0) {
                    std::perror("write");
                    return false;
                }
                done += w;
            }
        }
        const auto syncStart = Clock::now();
        if (::fdatasync(fd) != 0) {
            std::perror("fdatasync");
            return false;
        }
        recordSync(secondsSince(syncStart));
        f->store += secondsSince(start);
        f->storeCpu += cpuSeconds(CLOCK_THREAD_CPUTIME_ID) - cpuStart;
    }
    baseline.finish(f);
    ::close(fd);
    f->archiveBytes = QFileInfo(path).size();
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("vaulttray.*.debug=false\nvaulttray.*.info=false"));
    QCommandLineParser cli;
    cli.setApplicationDescription(QStringLiteral("Archive write benchmark; see bench/store/run.sh"));
    cli.addHelpOption();
    cli.addOptions({
        {QStringLiteral("mode"), QStringLiteral("durable | ephemeral | parse | rawfile"), QStringLiteral("mode"),
         QStringLiteral("durable")},
        {QStringLiteral("count"), QStringLiteral("Messages"), QStringLiteral("n"), QStringLiteral("10000")},
        {QStringLiteral("batch"), QStringLiteral("Messages per transaction (or per fdatasync)"), QStringLiteral("n"),
         QStringLiteral("100")},
        {QStringLiteral("dir"), QStringLiteral("Folder for the archive (must not hold one)"), QStringLiteral("dir")},
        {QStringLiteral("sample"), QStringLiteral("Print synthetic message <index> and exit"), QStringLiteral("index")},
    });
    cli.process(app);
    if (cli.isSet(QStringLiteral("sample"))) {
        const QByteArray raw = syntheticMessage(cli.value(QStringLiteral("sample")).toULongLong());
        std::fwrite(raw.constData(), 1, static_cast<size_t>(raw.size()), stdout);
        return 0;
    }
    const QString mode = cli.value(QStringLiteral("mode"));
    const int count = cli.value(QStringLiteral("count")).toInt();
    const int batch = cli.value(QStringLiteral("batch")).toInt();
    const QString dir = cli.value(QStringLiteral("dir"));
    if (count <= 0 || batch <= 0 || (mode != QLatin1String("parse") && dir.isEmpty())) {
        std::fprintf(stderr, "need --count > 0, --batch > 0 and (except for --mode parse) --dir\n");
        return 2;
    }
    if (!installSyncCountingVfs()) {
        std::fprintf(stderr, "cannot install the counting VFS\n");
        return 1;
    }
    if (!dir.isEmpty())
        QDir().mkpath(dir);

    Figures f;
    bool ok = false;
    if (mode == QLatin1String("durable")) {
        ok = archive(QDir(dir).filePath(QStringLiteral("archive.db")), Profile::Durable, count, batch, &f);
    } else if (mode == QLatin1String("ephemeral")) {
        enableEphemeralProfileForTests(); // a benchmark, not the app: measures what FULL costs
        ok = archive(QDir(dir).filePath(QStringLiteral("archive.db")), Profile::Ephemeral, count, batch, &f);
    } else if (mode == QLatin1String("parse")) {
        ok = parseOnly(count, batch, &f);
    } else if (mode == QLatin1String("rawfile")) {
        ok = rawFile(QDir(dir).filePath(QStringLiteral("raw.mbox")), count, batch, &f);
    } else {
        std::fprintf(stderr, "unknown mode %s\n", qPrintable(mode));
        return 2;
    }
    if (!ok)
        return 1;

    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf(
        "mode=%s batch=%d messages=%d raw_bytes=%lld generate_s=%.3f parse_s=%.3f store_s=%.3f store_cpu_s=%.3f "
        "syncs=%llu syncs_database=%llu sync_s=%.3f syncs_process=%llu disk_write_bytes=%lld write_call_bytes=%lld "
        "archive_bytes=%lld maxrss_kb=%ld\n",
        qPrintable(mode), batch, count, static_cast<long long>(f.rawBytes), f.generate, f.parse, f.store, f.storeCpu,
        static_cast<unsigned long long>(f.syncs.calls), static_cast<unsigned long long>(f.syncs.databaseCalls),
        f.syncs.seconds,
        static_cast<unsigned long long>(syncStats().calls), // with setup and close: to check against strace
        static_cast<long long>(f.diskWriteBytes), static_cast<long long>(f.writeCallBytes),
        static_cast<long long>(f.archiveBytes), usage.ru_maxrss);
    return 0;
}
