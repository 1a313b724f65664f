#include "daemon/clientcommand.h"

#include "core/clock.h"
#include "core/exitcodes.h"
#include "daemon/accountconfig.h"
#include "daemon/autostartcommand.h"
#include "daemon/commandservice.h"
#include "daemon/controlchannel.h"
#include "daemon/daemon.h"
#include "daemon/exportemlcommand.h"
#include "daemon/gmailsignin.h"
#include "daemon/importcommand.h"
#include "daemon/searchcommand.h"
#include "platform/autostart.h"
#include "platform/urlopener.h"
#include "net/secrets/secretstoreselector.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSettings>
#include <QStandardPaths>
#include <QTextStream>

#include <cstdio>
#include <memory>
#include <optional>

#ifdef Q_OS_UNIX
#include <termios.h>
#include <unistd.h>
#endif

namespace vaulttray {

namespace {
// A command sent to a running instance may wait for a whole sync (sync --once).
constexpr int kCommandTimeoutMs = 6 * 60 * 60 * 1000;
// The person's explicit permission to keep secrets in a private file when no keychain works.
const QString kAllowSecretsFileSetting = QStringLiteral("secrets/allowPrivateFile");

// This file's user-visible texts; their translation context is "ClientCommand".
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ClientCommand)
};

int printReply(const ControlReply &reply)
{
    printTo(stdout, reply.out);
    printTo(stderr, reply.err);
    return reply.exitCode;
}

std::optional<QByteArray> readPassword(const CommandLine &cli, const ImapConfig &config)
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return std::nullopt;
    if (cli.passwordStdin) {
        QByteArray secret = in.readLine();
        while (secret.endsWith('\n') || secret.endsWith('\r'))
            secret.chop(1);
        return secret;
    }
#ifdef Q_OS_UNIX
    if (::isatty(STDIN_FILENO)) {
        printTo(stderr, Text::tr("Password for %1 at %2: ").arg(config.user, config.host));
        termios saved{};
        ::tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
        QByteArray secret = in.readLine();
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        printTo(stderr, QStringLiteral("\n"));
        while (secret.endsWith('\n') || secret.endsWith('\r'))
            secret.chop(1);
        return secret;
    }
#else
    Q_UNUSED(config)
#endif
    return std::nullopt;
}

SecretResult waitFor(SecretJob *job)
{
    SecretResult result = SecretResult::failed(SecretProblem::KeychainError, Text::tr("the keychain did not answer"));
    QEventLoop loop;
    QObject::connect(job, &SecretJob::finished, &loop, [&](const SecretResult &r) {
        result = r;
        loop.quit();
    });
    loop.exec();
    return result;
}

std::shared_ptr<SecretStore> chooseSecretStore(QString *whyNot)
{
    const QString dataFolder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    const Consent consent = QSettings().value(kAllowSecretsFileSetting, false).toBool() ? Consent::Given
                                                                                          : Consent::NotGiven;
    SecretStoreSelector selector(std::make_shared<KeychainSecretStore>(), dataFolder, consent);
    SecretStoreChoice choice;
    QEventLoop loop;
    QObject::connect(&selector, &SecretStoreSelector::finished, &loop, [&](const SecretStoreChoice &c) {
        choice = c;
        loop.quit();
    });
    selector.start();
    loop.exec();
    if (choice.backend() == SecretBackend::None) {
        *whyNot =
            Text::tr("No usable keychain, so nothing was stored (%1). Start a Secret Service such as gnome-keyring, "
                     "or allow a private file readable only by you: vaulttray secrets allow-private-file")
                .arg(choice.keychainProbe.failure.detail);
        return nullptr;
    }
    return choice.store;
}

// The store to use, or nullptr after telling the person why there is none.
std::shared_ptr<SecretStore> secretStoreOrSayWhyNot()
{
    QString whyNot;
    std::shared_ptr<SecretStore> secrets = chooseSecretStore(&whyNot);
    if (!secrets)
        printTo(stderr, whyNot + QLatin1Char('\n'));
    return secrets;
}

ControlReply runInProcess(const ControlCommand &command, const QString &archivePath, const Daemon::JobFactory &jobs)
{
    SystemClock clock;
    Daemon::Dependencies deps;
    deps.clock = &clock;
    deps.jobs = jobs;
    deps.random = [] { return QRandomGenerator::global()->generateDouble(); };
    deps.archiveCheck = ArchiveOpenOptions::Check::AfterUncleanEnd;
    Daemon daemon(archivePath, deps);
    if (const StoreError error = daemon.openArchive())
        return ControlReply{ExitLocal, {}, error.message + QLatin1Char('\n')};
    if (command.verb == ControlCommand::Verb::Sync)
        daemon.startScheduling();
    CommandService service(daemon);
    std::optional<ControlReply> reply;
    QEventLoop loop;
    service.execute(command, [&](const ControlReply &r) {
        reply = r;
        loop.quit();
    });
    if (!reply) // most commands answer at once; sync --once answers when its runs end
        loop.exec();
    return *reply;
}

ControlReply carryOut(const ControlCommand &command, const QString &archivePath, const Daemon::JobFactory &jobs)
{
    if (const auto reply = sendToRunningInstance(archivePath, command, kCommandTimeoutMs))
        return *reply;
    return runInProcess(command, archivePath, jobs);
}

int addImapWithPassword(const CommandLine &cli, const QString &archivePath, const Daemon::JobFactory &jobs)
{
    const ImapConfig config = ImapConfig::fromJson(cli.command.settingsJson);
    for (const Failure &f : {validateAccountName(cli.command.name), validate(config)}) {
        if (f) {
            printTo(stderr, f.detail + QLatin1Char('\n'));
            return exitCodeFor(f);
        }
    }
    const std::optional<QByteArray> password = readPassword(cli, config);
    if (!password) {
        printTo(stderr,
                Text::tr("No password given: pipe it in with --password-stdin, or run the command in a terminal to "
                         "be asked for it.\n"));
        return ExitUsage;
    }
    if (password->isEmpty()) {
        printTo(stderr, Text::tr("The password is empty; nothing was added.\n"));
        return ExitUsage;
    }
    // Before the account exists: a keychain that cannot hold the password stops the whole command.
    const std::shared_ptr<SecretStore> secrets = secretStoreOrSayWhyNot();
    if (!secrets)
        return ExitLocal;
    const ControlReply added = carryOut(cli.command, archivePath, jobs);
    if (added.exitCode != ExitOk)
        return printReply(added);
    const SecretResult stored = waitFor(secrets->write(secretKey(cli.command.name, SecretKind::Password), *password));
    if (!stored.ok()) {
        ControlCommand undo;
        undo.verb = ControlCommand::Verb::AccountRemove;
        undo.name = cli.command.name;
        undo.deleteArchivedMail = true; // nothing was archived yet
        carryOut(undo, archivePath, jobs);
        printTo(stderr, Text::tr("The password could not be stored, so the account was not added: %1\n")
                            .arg(stored.failure.detail));
        return ExitLocal;
    }
    return printReply(added);
}

int removeWithSecrets(const CommandLine &cli, const QString &archivePath, const Daemon::JobFactory &jobs)
{
    const ControlReply removed = carryOut(cli.command, archivePath, jobs);
    if (removed.exitCode == ExitOk) {
        QString whyNot;
        if (const std::shared_ptr<SecretStore> secrets = chooseSecretStore(&whyNot)) {
            for (SecretKind kind : {SecretKind::Password, SecretKind::RefreshToken}) {
                const SecretResult gone = waitFor(secrets->remove(secretKey(cli.command.name, kind)));
                if (!gone.ok())
                    printTo(stderr, Text::tr("Could not remove a stored secret of %1: %2\n")
                                        .arg(cli.command.name, gone.failure.detail));
            }
        }
    }
    return printReply(removed);
}
// The accounts as the archive's owner (the running instance, or this process) lists them.
QJsonArray listAccounts(const QString &archivePath, const Daemon::JobFactory &jobs)
{
    ControlCommand list;
    list.verb = ControlCommand::Verb::AccountList;
    list.json = true;
    return QJsonDocument::fromJson(carryOut(list, archivePath, jobs).out.toUtf8()).array();
}

QJsonObject findAccount(const QJsonArray &accounts, const QString &name)
{
    for (const QJsonValue &a : accounts) {
        if (a.toObject().value(QStringLiteral("name")).toString() == name)
            return a.toObject();
    }
    return {};
}

bool openBrowser(const QUrl &url)
{
    printTo(stderr, Text::tr("Sign in with your browser. If it does not open, visit:\n  %1\n")
                        .arg(url.toString(QUrl::FullyEncoded)));
    openUrlExternally(url);
    return true; // the printed address serves when no browser starts
}

int addGmail(const CommandLine &cli, const QString &archivePath, const Daemon::JobFactory &jobs)
{
    const QString name = cli.command.name;
    if (const Failure f = validateAccountName(name)) {
        printTo(stderr, f.detail + QLatin1Char('\n'));
        return exitCodeFor(f);
    }
    if (!findAccount(listAccounts(archivePath, jobs), name).isEmpty()) {
        printTo(stderr, Text::tr("an account named \"%1\" already exists\n").arg(name));
        return ExitMisconfigured;
    }
    const std::shared_ptr<SecretStore> secrets = secretStoreOrSayWhyNot();
    if (!secrets)
        return ExitLocal;
    QJsonObject settings = QJsonDocument::fromJson(cli.command.settingsJson).object();
    const QString clientFile = settings.value(QStringLiteral("clientFile")).toString();
    SystemClock clock;
    const GmailSignInOutcome signedIn = signInToGmail({name, clientFile, {}}, secrets, clock, openBrowser);
    if (!signedIn.ok()) {
        printTo(stderr, signedIn.failure.detail + QLatin1Char('\n'));
        return exitCodeFor(signedIn.failure);
    }
    ControlCommand add = cli.command;
    settings.insert(QStringLiteral("email"), signedIn.email);
    add.settingsJson = QJsonDocument(settings).toJson(QJsonDocument::Compact);
    const ControlReply added = carryOut(add, archivePath, jobs);
    if (added.exitCode != ExitOk)
        waitFor(secrets->remove(secretKey(name, SecretKind::RefreshToken)));
    else
        printTo(stdout, Text::tr("Signed in as %1.\n").arg(signedIn.email));
    return printReply(added);
}

// pause, resume, quit: about the running instance, so there is nothing to do without one.
int toRunningInstanceOnly(const ControlCommand &command, const QString &archivePath)
{
    if (const auto reply = sendToRunningInstance(archivePath, command, kCommandTimeoutMs))
        return printReply(*reply);
    if (command.verb == ControlCommand::Verb::Quit) {
        printTo(stderr, Text::tr("vaulttray is not running for %1.\n").arg(archivePath));
        return ExitOk;
    }
    printTo(stderr,
            Text::tr("vaulttray is not running for %1, so there is nothing to pause or resume.\n").arg(archivePath));
    return ExitUsage;
}

int signInAgain(const CommandLine &cli, const QString &archivePath, const Daemon::JobFactory &jobs)
{
    const QJsonObject account = findAccount(listAccounts(archivePath, jobs), cli.command.name);
    if (account.isEmpty()) {
        printTo(stderr, Text::tr("no account named \"%1\"\n").arg(cli.command.name));
        return ExitMisconfigured;
    }
    const QJsonObject settings = account.value(QStringLiteral("settings")).toObject();
    if (account.value(QStringLiteral("provider")).toString() != QLatin1String("gmail")) {
        printTo(stderr, Text::tr("%1 signs in with a password: remove the account and add it again with the new one\n")
                            .arg(cli.command.name));
        return ExitMisconfigured;
    }
    const std::shared_ptr<SecretStore> secrets = secretStoreOrSayWhyNot();
    if (!secrets)
        return ExitLocal;
    SystemClock clock;
    const GmailSignInOutcome signedIn =
        signInToGmail({cli.command.name, settings.value(QStringLiteral("clientFile")).toString(),
                       settings.value(QStringLiteral("email")).toString()},
                      secrets, clock, openBrowser);
    if (!signedIn.ok()) {
        printTo(stderr, signedIn.failure.detail + QLatin1Char('\n'));
        return exitCodeFor(signedIn.failure);
    }
    ControlCommand done;
    done.verb = ControlCommand::Verb::SignedIn;
    done.name = cli.command.name;
    carryOut(done, archivePath, jobs);
    printTo(stdout, Text::tr("Signed in again as %1.\n").arg(signedIn.email));
    return ExitOk;
}
} // namespace

void printTo(FILE *stream, const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stream);
    std::fflush(stream);
}

int runClientCommand(const CommandLine &cli, const QString &archivePath, const Daemon::JobFactory &jobs)
{
    if (cli.command.verb == ControlCommand::Verb::SecretsPolicy) {
        const bool allow = cli.command.name == QLatin1String("allow-private-file");
        QSettings().setValue(kAllowSecretsFileSetting, allow);
        printTo(stdout,
                allow ? Text::tr("When no keychain is usable, passwords and tokens will be kept in a file in %1 that "
                                 "only you can read. It is not encrypted.\n")
                            .arg(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                      : Text::tr("Passwords and tokens will only ever be kept in the system keychain.\n"));
        return ExitOk;
    }
    if (cli.command.verb == ControlCommand::Verb::Autostart)
        return runAutostartCommand(cli.command.name, *createAutostart(QCoreApplication::applicationFilePath()));
    if (cli.command.verb == ControlCommand::Verb::AccountAddImap &&
        ImapConfig::fromJson(cli.command.settingsJson).auth == ImapConfig::Auth::Password)
        return addImapWithPassword(cli, archivePath, jobs);
    if (cli.command.verb == ControlCommand::Verb::AccountRemove)
        return removeWithSecrets(cli, archivePath, jobs);
    if (cli.command.verb == ControlCommand::Verb::AccountAddGmail)
        return addGmail(cli, archivePath, jobs);
    if (cli.command.verb == ControlCommand::Verb::AccountSignIn)
        return signInAgain(cli, archivePath, jobs);
    if (cli.command.verb == ControlCommand::Verb::Import)
        return ImportCommand(cli.command, archivePath).run();
    if (cli.command.verb == ControlCommand::Verb::Search)
        return SearchCommand(cli.command, archivePath).run();
    if (cli.command.verb == ControlCommand::Verb::ExportEml)
        return ExportEmlCommand(cli.command, archivePath).run();
    if (cli.command.verb == ControlCommand::Verb::Pause || cli.command.verb == ControlCommand::Verb::Resume ||
        cli.command.verb == ControlCommand::Verb::Quit)
        return toRunningInstanceOnly(cli.command, archivePath);
    return printReply(carryOut(cli.command, archivePath, jobs));
}

std::shared_ptr<SecretStore> credentialStore()
{
    // Without the person's consent to the file there is nothing to choose (and no reason to probe the keychain).
    if (!QSettings().value(kAllowSecretsFileSetting, false).toBool())
        return std::make_shared<KeychainSecretStore>();
    QString whyNot;
    if (std::shared_ptr<SecretStore> chosen = chooseSecretStore(&whyNot))
        return chosen;
    // Nothing usable now: the keychain still, so that each run says why it cannot read the credential.
    return std::make_shared<KeychainSecretStore>();
}

} // namespace vaulttray
