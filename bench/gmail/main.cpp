// One full sync of a Gmail mailbox into a durable archive, as the app does it (GmailSyncJob, QuotaLimiter, GmailApi,
// ArchiveWriter with synchronous=FULL), against the server run.sh started. Prints one JSON line.
//   bench_gmail_sync --base URL --token TOKEN --archive PATH [--units N]
#include "core/clock.h"
#include "net/gmail/accesstokensource.h"
#include "net/gmail/gmailapi.h"
#include "net/gmail/quotalimiter.h"
#include "store/archive.h"
#include "store/archivewriter.h"
#include "sync/gmail/gmailsyncjob.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>

#include <sys/resource.h>

#include <cstdio>

using namespace vaulttray;

namespace {
class BenchTokenSource final : public AccessTokenSource
{
public:
    explicit BenchTokenSource(QString token)
        : m_token(std::move(token))
    {
    }
    void accessToken(QObject *, std::function<void(const Failure &, const QString &)> done) override
    {
        done(Failure::none(), m_token);
    }
    void invalidate(const QString &) override {}

private:
    QString m_token;
};

double ms(qint64 ns) { return double(ns) / 1e6; }
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("vaulttray.*.debug=false\nvaulttray.store.info=false"));
    QCommandLineParser p;
    const QCommandLineOption base{QStringLiteral("base"), QStringLiteral("API root"), QStringLiteral("url")};
    const QCommandLineOption token{QStringLiteral("token"), QStringLiteral("access token"), QStringLiteral("token")};
    const QCommandLineOption archive{QStringLiteral("archive"), QStringLiteral("archive path"), QStringLiteral("path")};
    const QCommandLineOption units{QStringLiteral("units"), QStringLiteral("client quota, units/s"), QStringLiteral("n"),
                                   QString::number(gmailquota::kDefaultUnitsPerSecond)};
    p.addOptions({base, token, archive, units});
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
    if (const StoreError e = Archive::prepare(path)) {
        std::fprintf(stderr, "bench: %s\n", qPrintable(e.message));
        return 1;
    }
    ArchiveWriter writer(path);
    if (const StoreError e = writer.start()) {
        std::fprintf(stderr, "bench: %s\n", qPrintable(e.message));
        return 1;
    }
    AccountRecord account{0, QStringLiteral("bench"), QStringLiteral("gmail"), QStringLiteral("alice@example.org"), "{}",
                          clock.now()};
    if (const StoreError e = writer.addAccount(account, &account.id)) {
        std::fprintf(stderr, "bench: %s\n", qPrintable(e.message));
        return 1;
    }

    qint64 applyNs = 0, commitNs = 0, batches = 0;
    QObject::connect(&writer, &ArchiveWriter::batchFinished, [&](quint64, const BatchResult &r) {
        applyNs += r.applyNs;
        commitNs += r.commitNs;
        ++batches;
    });
    GmailSyncJob job(account, writer, api, clock, path);
    Failure result;
    QElapsedTimer wall;
    QObject::connect(&job, &SyncJob::finished, &app, [&](const Failure &f) {
        result = f;
        app.quit();
    });
    wall.start();
    job.start();
    app.exec();
    const qint64 wallNs = wall.nsecsElapsed();
    if (!result.ok()) {
        std::fprintf(stderr, "bench: sync failed: %s\n", qPrintable(result.detail));
        return 1;
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const GmailSyncJob::Stats &s = job.stats();
    const QJsonObject out{
        {QStringLiteral("messages"), s.fetched},
        {QStringLiteral("pages"), s.pages},
        {QStringLiteral("batches"), batches},
        {QStringLiteral("wallMs"), ms(wallNs)},
        {QStringLiteral("msgPerSec"), s.fetched / (double(wallNs) / 1e9)},
        {QStringLiteral("parseMs"), ms(s.parseNs)},
        {QStringLiteral("writeMs"), ms(applyNs)},
        {QStringLiteral("commitMs"), ms(commitNs)},
        {QStringLiteral("maxRssKb"), qint64(usage.ru_maxrss)},
    };
    std::printf("%s\n", QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return 0;
}
