// bench_tray_responsiveness: the tray (TrayController: icon, menu, tooltip, status window) on a real X server while
// the daemon archives a whole Gmail mailbox from the server run.sh started, as the app does it (GmailSyncJob,
// QuotaLimiter, GmailApi, durable ArchiveWriter). On the GUI thread a 4 ms precise timer records every turn of the
// event loop; the largest gap between two turns is how long the person would wait for a click, a repaint or the
// menu. Every 2 s the tray menu is opened and the time to its first paint recorded, then closed again.
// A gap is also measured in the GUI thread's own CPU time: on a busy machine a long gap with little CPU in it is the
// thread waiting for a core, not work that kept it from the event loop.
// Prints one JSON line.
//   bench_tray_responsiveness --base URL --token TOKEN --archive NEW_PATH [--units N] [--no-status-window] [--no-ui]
//                             [--report-gaps MS]
// --no-ui: the same daemon with no tray at all, the baseline the tray's own cost is read against.
// --report-gaps: every gap with more than MS of GUI-thread CPU in it goes to stderr with its CLOCK_MONOTONIC end, to
// be matched with a profiler's samples of the same stretch (perf record -k mono; see docs/benchmarks.md).
#include "core/clock.h"
#include "daemon/daemon.h"
#include "net/gmail/accesstokensource.h"
#include "net/gmail/gmailapi.h"
#include "net/gmail/quotalimiter.h"
#include "store/archivewriter.h"
#include "sync/gmail/gmailsyncjob.h"
#include "ui/statuswindow.h"
#include "ui/traycontroller.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QTimer>

#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <cstdio>

using namespace vaulttray;

namespace {
constexpr int kHeartbeatMs = 4;
constexpr int kMenuEveryMs = 2000;
constexpr double kFrameMs = 16.0;

class BenchTokenSource final : public AccessTokenSource
{
public:
    explicit BenchTokenSource(QString token) : m_token(std::move(token)) {}
    void accessToken(QObject *, std::function<void(const Failure &, const QString &)> done) override
    {
        done(Failure::none(), m_token);
    }
    void invalidate(const QString &) override {}

private:
    QString m_token;
};

// Notes when the menu is first painted after it was asked to pop up.
class FirstPaint : public QObject
{
public:
    QElapsedTimer *clock = nullptr;
    qint64 askedNs = -1;
    QList<double> openMs;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && askedNs >= 0) {
            openMs << double(clock->nsecsElapsed() - askedNs) / 1e6;
            askedNs = -1;
        }
        return QObject::eventFilter(watched, event);
    }
};

qint64 monotonicNs()
{
    timespec t{};
    clock_gettime(CLOCK_MONOTONIC, &t);
    return qint64(t.tv_sec) * 1000000000 + t.tv_nsec;
}

qint64 threadCpuNs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return qint64(t.tv_sec) * 1000000000 + t.tv_nsec;
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(std::min<qsizetype>(values.size() - 1, qsizetype(p * double(values.size()))));
}
} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("vaulttray"));
    QApplication::setQuitOnLastWindowClosed(false);
    QLoggingCategory::setFilterRules(QStringLiteral("vaulttray.*.debug=false\nvaulttray.*.info=false"));
    QCommandLineParser p;
    const QCommandLineOption base{QStringLiteral("base"), QStringLiteral("API root"), QStringLiteral("url")};
    const QCommandLineOption token{QStringLiteral("token"), QStringLiteral("access token"), QStringLiteral("token")};
    const QCommandLineOption archive{QStringLiteral("archive"), QStringLiteral("archive path"), QStringLiteral("path")};
    const QCommandLineOption units{QStringLiteral("units"), QStringLiteral("client quota, units/s"),
                                   QStringLiteral("n"), QStringLiteral("100000")};
    const QCommandLineOption noStatus{QStringLiteral("no-status-window"), QStringLiteral("only the tray")};
    const QCommandLineOption noUi{QStringLiteral("no-ui"), QStringLiteral("no tray: the baseline")};
    const QCommandLineOption reportGaps{QStringLiteral("report-gaps"),
                                        QStringLiteral("print gaps with more GUI-thread CPU than this"),
                                        QStringLiteral("ms")};
    p.addOptions({base, token, archive, units, noStatus, noUi, reportGaps});
    p.process(app);

    SystemClock clock;
    QNetworkAccessManager network;
    BenchTokenSource tokens(p.value(token));
    QuotaLimiter limiter(clock, p.value(units).toDouble());
    GmailApi api(&network, clock, tokens, limiter);
    if (const Failure bad = api.setBaseUrl(QUrl(p.value(base)))) {
        std::fprintf(stderr, "bench: %s\n", qPrintable(bad.detail));
        return 1;
    }
    const QString path = p.value(archive);
    Daemon::Dependencies deps;
    deps.clock = &clock;
    qint64 parseNs = 0;
    deps.jobs = [&](const AccountRecord &account, ArchiveWriter &writer) -> std::unique_ptr<SyncJob> {
        auto job = std::make_unique<GmailSyncJob>(account, writer, api, clock, path);
        QObject::connect(job.get(), &SyncJob::finished, [&parseNs, j = job.get()] { parseNs = j->stats().parseNs; });
        return job;
    };
    deps.random = [] { return QRandomGenerator::global()->generateDouble(); };
    Daemon daemon(path, deps);
    const bool ui = !p.isSet(noUi);
    std::unique_ptr<TrayController> tray;
    if (ui) {
        tray = std::make_unique<TrayController>(daemon, nullptr, TrayController::Options{});
        tray->show();
    }
    if (const StoreError e = daemon.openArchive()) {
        std::fprintf(stderr, "bench: %s\n", qPrintable(e.message));
        return 1;
    }
    AccountRecord account{
        0, QStringLiteral("bench"), QStringLiteral("gmail"), QStringLiteral("alice@example.org"), "{}", clock.now()};
    if (const StoreError e = daemon.writer()->addAccount(account, &account.id)) {
        std::fprintf(stderr, "bench: %s\n", qPrintable(e.message));
        return 1;
    }
    daemon.startScheduling();
    if (ui) {
        tray->attach();
        if (!p.isSet(noStatus))
            tray->openStatusWindow();
    }

    QElapsedTimer wall;
    QList<double> gaps, cpuGaps;
    qint64 lastBeat = -1, lastCpu = -1;
    const double reportOverMs = p.isSet(reportGaps) ? p.value(reportGaps).toDouble() : -1;
    QTimer heartbeat;
    heartbeat.setTimerType(Qt::PreciseTimer);
    QObject::connect(&heartbeat, &QTimer::timeout, [&] {
        const qint64 now = wall.nsecsElapsed();
        const qint64 cpu = threadCpuNs();
        if (lastBeat >= 0) {
            gaps << double(now - lastBeat) / 1e6;
            cpuGaps << double(cpu - lastCpu) / 1e6;
            if (reportOverMs >= 0 && cpuGaps.last() > reportOverMs)
                std::fprintf(stderr, "gap: ends %.6f s monotonic, %.1f ms wall, %.1f ms GUI-thread CPU\n",
                             double(monotonicNs()) / 1e9, gaps.last(), cpuGaps.last());
        }
        lastBeat = now;
        lastCpu = cpu;
    });
    QMenu *menu = ui ? tray->trayIcon().menu() : nullptr;
    FirstPaint painted;
    painted.clock = &wall;
    if (menu)
        menu->installEventFilter(&painted);
    QTimer menuTimer;
    QObject::connect(&menuTimer, &QTimer::timeout, [&] {
        if (!menu)
            return;
        if (menu->isVisible()) {
            menu->hide();
            return;
        }
        painted.askedNs = wall.nsecsElapsed();
        menu->popup(QPoint(600, 40));
    });

    Failure result;
    qint64 messages = 0;
    QObject::connect(daemon.scheduler(), &Scheduler::syncFinished, &app, [&](qint64, const Failure &f) {
        result = f;
        app.quit();
    });
    QObject::connect(daemon.scheduler(), &Scheduler::accountStateChanged,
                     [&](qint64, const AccountStatus &s) { messages = std::max(messages, s.progress.done); });
    wall.start();
    const qint64 cpuStart = threadCpuNs();
    heartbeat.start(kHeartbeatMs);
    menuTimer.start(kMenuEveryMs / 2);
    daemon.scheduler()->syncNow();
    app.exec();
    const double wallMs = double(wall.nsecsElapsed()) / 1e6;
    const double guiCpuMs = double(threadCpuNs() - cpuStart) / 1e6;
    if (!result.ok()) {
        std::fprintf(stderr, "bench: sync failed: %s\n", qPrintable(result.detail));
        return 1;
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const QJsonObject out{
        {QStringLiteral("messages"), messages},
        {QStringLiteral("ui"),
         ui ? (p.isSet(noStatus) ? QStringLiteral("tray") : QStringLiteral("tray+status")) : QStringLiteral("none")},
        {QStringLiteral("statusWindow"), ui && !p.isSet(noStatus)},
        {QStringLiteral("wallMs"), wallMs},
        {QStringLiteral("turns"), gaps.size()},
        {QStringLiteral("maxGapMs"), gaps.isEmpty() ? 0 : *std::max_element(gaps.cbegin(), gaps.cend())},
        {QStringLiteral("p99GapMs"), percentile(gaps, 0.99)},
        {QStringLiteral("p999GapMs"), percentile(gaps, 0.999)},
        {QStringLiteral("gapsOverFrame"),
         int(std::count_if(gaps.cbegin(), gaps.cend(), [](double g) { return g > kFrameMs; }))},
        {QStringLiteral("maxGapCpuMs"), cpuGaps.isEmpty() ? 0 : *std::max_element(cpuGaps.cbegin(), cpuGaps.cend())},
        {QStringLiteral("p99GapCpuMs"), percentile(cpuGaps, 0.99)},
        {QStringLiteral("cpuGapsOverFrame"),
         int(std::count_if(cpuGaps.cbegin(), cpuGaps.cend(), [](double g) { return g > kFrameMs; }))},
        {QStringLiteral("guiThreadCpuMs"), guiCpuMs},
        {QStringLiteral("parseMs"), double(parseNs) / 1e6},
        {QStringLiteral("menuOpens"), painted.openMs.size()},
        {QStringLiteral("menuOpenMedianMs"), percentile(painted.openMs, 0.5)},
        {QStringLiteral("menuOpenMaxMs"), percentile(painted.openMs, 1.0)},
        {QStringLiteral("maxRssKb"), qint64(usage.ru_maxrss)},
    };
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return 0;
}
