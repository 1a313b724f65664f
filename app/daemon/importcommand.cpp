#include "daemon/importcommand.h"

#include "core/clock.h"
#include "core/exitcodes.h"
#include "daemon/clientcommand.h"
#include "daemon/controlchannel.h"
#include "platform/quitsignals.h"
#include "store/archive.h"
#include "store/archivereader.h"
#include "store/archivewriter.h"
#include "sync/import/importjob.h"
#include "sync/import/maildirsource.h"
#include "sync/import/mboxsource.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <climits>
#include <memory>

namespace vaulttray {

namespace {
// A running instance answers at once; none answers at all.
constexpr int kProbeTimeoutMs = 5000;

// This file's user-visible texts; their translation context is "ImportCommand".
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ImportCommand)
};

QString number(qint64 n)
{
    return QLocale().toString(n);
}

// %n takes an int; counts past that are not expected from one import.
int count(qint64 n)
{
    return int(qMin<qint64>(n, INT_MAX));
}
} // namespace

const QString ImportCommand::kLocalAccount = QStringLiteral("local");

ImportCommand::ImportCommand(ControlCommand command, QString archivePath)
    : m_command(std::move(command)), m_archivePath(std::move(archivePath))
{
}

int ImportCommand::run()
{
    const QJsonObject settings = QJsonDocument::fromJson(m_command.settingsJson).object();
    const QString path = settings.value(QStringLiteral("path")).toString();
    std::unique_ptr<ImportSource> source;
    if (settings.value(QStringLiteral("format")).toString() == QLatin1String("maildir")) {
        source = std::make_unique<MaildirSource>(path);
        m_exactTotal = true;
    } else {
        source = std::make_unique<MboxSource>(path, settings.value(QStringLiteral("mboxo")).toBool()
                                                        ? MboxReader::Flavour::Mboxo
                                                        : MboxReader::Flavour::Mboxrd);
    }
    // Before the archive is touched: a wrong or unreadable input changes nothing.
    if (const Failure failure = source->open()) {
        printTo(stderr, failure.detail + QLatin1Char('\n'));
        return exitCodeFor(failure);
    }

    SystemClock clock;
    ControlCommand probe;
    probe.verb = ControlCommand::Verb::Status;
    // A running instance prepared the archive (checks, migrations) and watches over it; otherwise that is done here.
    if (!sendToRunningInstance(m_archivePath, probe, kProbeTimeoutMs)) {
        ArchiveOpenOptions options;
        options.now = clock.now();
        options.check = ArchiveOpenOptions::Check::AfterUncleanEnd;
        if (const StoreError error = Archive::prepare(m_archivePath, options)) {
            printTo(stderr, error.message + QLatin1Char('\n'));
            return ExitLocal;
        }
    }
    ArchiveWriter writer(m_archivePath);
    if (const StoreError error = writer.start()) {
        printTo(stderr, error.message + QLatin1Char('\n'));
        return ExitLocal;
    }
    int exitCode = ExitOk;
    const std::optional<AccountRecord> target = account(writer, clock, &exitCode);
    if (!target)
        return exitCode;

    const QString name = source->displayName();
    printTo(stderr, Text::tr("Importing %1 into \"%2\"...\n").arg(name, target->name));
    ImportJob job(*target, std::move(source), writer, clock, m_archivePath);
    m_nextProgress = clock.now().addSecs(kProgressEverySeconds);
    QObject::connect(&job, &SyncJob::progressed, &job,
                     [this, &clock](const SyncProgress &progress) { printProgress(progress, clock.now()); });
    QuitSignals quit;
    int stoppedBy = 0;
    QObject::connect(&quit, &QuitSignals::quitRequested, &job, [&job, &stoppedBy](int signalNumber) {
        stoppedBy = signalNumber;
        job.cancel();
    });
    Failure result;
    QEventLoop loop;
    QObject::connect(&job, &SyncJob::finished, &loop, [&](const Failure &f) {
        result = f;
        loop.quit();
    });
    job.start();
    loop.exec();

    const ImportJob::Stats &s = job.stats();
    QString out;
    if (s.upToDate && s.imported == 0) {
        out = Text::tr("%1 was imported into \"%2\" before and has not changed since: nothing to do.\n")
                  .arg(name, target->name);
    } else {
        const int imported = count(s.imported);
        const bool resumed = s.resumedAt > 0;
        if (s.alreadyArchived > 0 && resumed)
            out = Text::tr("Imported %Ln message(s) from %1 into \"%2\"; %3 already archived (resumed where the last "
                           "import stopped).\n",
                           nullptr, imported)
                      .arg(name, target->name, number(s.alreadyArchived));
        else if (s.alreadyArchived > 0)
            out = Text::tr("Imported %Ln message(s) from %1 into \"%2\"; %3 already archived.\n", nullptr, imported)
                      .arg(name, target->name, number(s.alreadyArchived));
        else if (resumed)
            out = Text::tr("Imported %Ln message(s) from %1 into \"%2\" (resumed where the last import stopped).\n",
                           nullptr, imported)
                      .arg(name, target->name);
        else
            out = Text::tr("Imported %Ln message(s) from %1 into \"%2\".\n", nullptr, imported).arg(name, target->name);
    }
    if (s.damaged > 0)
        out +=
            Text::tr("%Ln message(s) cut short where the file ends: archived as found.\n", nullptr, count(s.damaged));
    if (s.empty > 0)
        out += Text::tr("%Ln message(s) without any content skipped.\n", nullptr, count(s.empty));
    printTo(stdout, out);

    if (s.unreadable > 0) {
        QString err = Text::tr("%Ln message(s) could not be read, so not archived:\n", nullptr, count(s.unreadable));
        for (const QString &item : s.unreadableItems)
            err += QStringLiteral("  %1\n").arg(item);
        if (s.unreadable > s.unreadableItems.size())
            err += Text::tr("  and %1 more\n").arg(number(s.unreadable - s.unreadableItems.size()));
        printTo(stderr,
                err + Text::tr("Make them readable and run the same command again: what is archived is skipped.\n"));
    }
    if (result.kind == FailureKind::Cancelled) {
        printTo(stderr, Text::tr("Stopped. What was read is archived; run the same command again to finish.\n"));
        return stoppedBy != 0 ? kExitInterrupted : ExitOk;
    }
    if (result && s.unreadable == 0)
        printTo(stderr, result.detail +
                            Text::tr("\nWhat was read before is archived; run the same command again to finish.\n"));
    return exitCodeFor(result);
}

std::optional<AccountRecord> ImportCommand::account(ArchiveWriter &writer, Clock &clock, int *exitCode)
{
    ArchiveReader reader(m_archivePath);
    if (reader.openError()) {
        printTo(stderr, reader.openError().message + QLatin1Char('\n'));
        *exitCode = ExitLocal;
        return std::nullopt;
    }
    const QString name = m_command.name.isEmpty() ? kLocalAccount : m_command.name;
    std::optional<AccountRecord> existing = reader.account(name);
    if (!m_command.name.isEmpty()) {
        if (!existing) {
            printTo(stderr,
                    Text::tr("no account named \"%1\" (vaulttray account list shows them; without --account the "
                             "mail goes into the account \"%2\")\n")
                        .arg(name, kLocalAccount));
            *exitCode = ExitMisconfigured;
        }
        return existing;
    }
    if (existing) {
        if (existing->provider == QLatin1String("local"))
            return existing;
        printTo(stderr, Text::tr("the account \"%1\" syncs with %2; name the account to import into with --account\n")
                            .arg(name, existing->provider));
        *exitCode = ExitMisconfigured;
        return std::nullopt;
    }
    AccountRecord local{0, name, QStringLiteral("local"), QString(), "{}", clock.now()};
    if (const StoreError error = writer.addAccount(local, &local.id)) {
        printTo(stderr, error.message + QLatin1Char('\n'));
        *exitCode = ExitLocal;
        return std::nullopt;
    }
    printTo(stderr, Text::tr("Added the account \"%1\" for mail that syncs with no provider.\n").arg(name));
    return local;
}

void ImportCommand::printProgress(const SyncProgress &progress, const QDateTime &now)
{
    if (now < m_nextProgress || progress.total <= 0)
        return;
    m_nextProgress = now.addSecs(kProgressEverySeconds);
    const int percent = int(qMin<qint64>(100, progress.done * 100 / progress.total));
    const int total = count(qMax(progress.total, progress.done));
    const QString line = m_exactTotal ? Text::tr("  %1 of %Ln message(s) (%2%)\n", nullptr, total)
                                      : Text::tr("  %1 of about %Ln message(s) (%2%)\n", nullptr, total);
    printTo(stderr, line.arg(number(progress.done)).arg(percent));
}

} // namespace vaulttray
