#include "daemon/commandservice.h"

#include "core/exitcodes.h"
#include "daemon/accountconfig.h"
#include "daemon/daemon.h"
#include "store/archivereader.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <climits>
#include <memory>

namespace vaulttray {

namespace {
ControlReply failed(const Failure &failure)
{
    return ControlReply{exitCodeFor(failure), {}, failure.detail + QLatin1Char('\n')};
}

QString isoOrEmpty(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString();
}

QJsonObject accountJson(ArchiveReader &reader, const AccountRecord &a, const Scheduler *scheduler)
{
    QJsonObject o{{QStringLiteral("name"), a.name},
                  {QStringLiteral("provider"), a.provider},
                  {QStringLiteral("address"), a.address},
                  {QStringLiteral("messages"), reader.messageCount(a.id, false)},
                  {QStringLiteral("settings"), QJsonDocument::fromJson(a.settingsJson).object()}};
    if (scheduler) {
        const AccountStatus s = scheduler->status(a.id);
        o.insert(QStringLiteral("state"), stateName(s.state));
        if (s.waitReason != WaitReason::None)
            o.insert(QStringLiteral("waitingFor"), waitReasonName(s.waitReason));
        o.insert(QStringLiteral("nextDue"), isoOrEmpty(s.nextDue));
        o.insert(QStringLiteral("lastSuccess"), isoOrEmpty(s.lastSuccess));
        if (s.state == AccountState::Syncing)
            o.insert(QStringLiteral("progress"),
                     QJsonObject{{QStringLiteral("done"), s.progress.done}, {QStringLiteral("total"), s.progress.total}});
        if (!s.lastFailure.ok())
            o.insert(QStringLiteral("error"), QJsonObject{{QStringLiteral("kind"), toString(s.lastFailure.kind)},
                                                          {QStringLiteral("detail"), s.lastFailure.detail}});
    }
    const QList<SyncRunRecord> runs = reader.syncRuns(a.id, 1);
    if (!runs.isEmpty()) {
        const SyncRunRecord &r = runs.first();
        o.insert(QStringLiteral("lastRun"), QJsonObject{{QStringLiteral("status"), r.status},
                                                        {QStringLiteral("startedAt"), isoOrEmpty(r.startedAt)},
                                                        {QStringLiteral("endedAt"), isoOrEmpty(r.endedAt)},
                                                        {QStringLiteral("added"), r.added},
                                                        {QStringLiteral("badData"), r.badData},
                                                        {QStringLiteral("errorKind"), r.errorKind}});
    }
    return o;
}

QString accountLine(const QJsonObject &o)
{
    const int messages = int(qMin<qint64>(o.value(QStringLiteral("messages")).toInteger(), INT_MAX));
    QString line = CommandService::tr("%1\t%2\t%Ln message(s)", nullptr, messages)
                       .arg(o.value(QStringLiteral("name")).toString(), o.value(QStringLiteral("provider")).toString());
    if (o.contains(QStringLiteral("state"))) {
        line += QLatin1Char('\t') + o.value(QStringLiteral("state")).toString();
        if (o.contains(QStringLiteral("waitingFor")))
            line += QStringLiteral(" (%1)").arg(o.value(QStringLiteral("waitingFor")).toString());
    }
    const QJsonObject error = o.value(QStringLiteral("error")).toObject();
    if (!error.isEmpty())
        line += QStringLiteral("\t%1: %2").arg(error.value(QStringLiteral("kind")).toString(),
                                               error.value(QStringLiteral("detail")).toString());
    return line + QLatin1Char('\n');
}
} // namespace

CommandService::CommandService(Daemon &daemon, QObject *parent)
    : QObject(parent), m_daemon(daemon)
{
}

void CommandService::execute(const ControlCommand &command, Reply reply)
{
    switch (command.verb) {
    case ControlCommand::Verb::AccountList: listAccounts(command, reply); return;
    case ControlCommand::Verb::AccountAddImap: addAccount(command, QStringLiteral("imap"), reply); return;
    case ControlCommand::Verb::AccountAddGmail: addAccount(command, QStringLiteral("gmail"), reply); return;
    case ControlCommand::Verb::AccountRemove: removeAccount(command, reply); return;
    case ControlCommand::Verb::Sync: sync(command, reply); return;
    case ControlCommand::Verb::Status: status(command, reply); return;
    case ControlCommand::Verb::SignedIn: signedIn(command, reply); return;
    case ControlCommand::Verb::Pause: pause(command, reply); return;
    case ControlCommand::Verb::Resume: resume(reply); return;
    case ControlCommand::Verb::Quit: quit(reply); return;
    case ControlCommand::Verb::AccountSignIn:
    case ControlCommand::Verb::Search:
    case ControlCommand::Verb::ExportEml:
    case ControlCommand::Verb::Autostart:
    case ControlCommand::Verb::Import:
    case ControlCommand::Verb::SecretsPolicy: // the command line's own work, never sent here
        reply(ControlReply{ExitUsage, {}, tr("not a command for the running instance\n")});
        return;
    case ControlCommand::Verb::Show:
        emit showRequested();
        reply(ControlReply{ExitOk, {}, {}});
        return;
    }
}

void CommandService::listAccounts(const ControlCommand &command, const Reply &reply)
{
    ArchiveReader reader(m_daemon.archivePath());
    if (reader.openError())
        return reply(failed(reader.openError().toFailure()));
    QJsonArray array;
    QString text;
    for (const AccountRecord &a : reader.accounts()) {
        const QJsonObject o = accountJson(reader, a, m_daemon.scheduler());
        array.append(o);
        text += accountLine(o);
    }
    if (command.json)
        return reply(ControlReply{ExitOk, QString::fromUtf8(QJsonDocument(array).toJson()), {}});
    reply(ControlReply{ExitOk, text.isEmpty() ? tr("No accounts yet.\n") : text, {}});
}

void CommandService::addAccount(const ControlCommand &command, const QString &provider, const Reply &reply)
{
    if (const Failure f = validateAccountName(command.name))
        return reply(failed(f));
    QString address;
    if (provider == QLatin1String("imap")) {
        const ImapConfig config = ImapConfig::fromJson(command.settingsJson);
        if (const Failure f = validate(config))
            return reply(failed(f));
        address = config.user;
    } else {
        address = QJsonDocument::fromJson(command.settingsJson).object().value(QStringLiteral("email")).toString();
        if (address.isEmpty())
            return reply(failed(Failure::of(FailureKind::ClientMisconfigured,
                                            tr("a Gmail account is added by signing in: vaulttray account add-gmail"))));
    }
    {
        ArchiveReader reader(m_daemon.archivePath());
        if (reader.account(command.name))
            return reply(failed(Failure::of(FailureKind::ClientMisconfigured,
                                            tr("an account named \"%1\" already exists").arg(command.name))));
    }
    const AccountRecord record{0, command.name, provider, address, command.settingsJson, m_daemon.clock().now()};
    m_daemon.writer()->addAccountAsync(record, this, [this, record, reply](const StoreError &error, qint64 id) {
        if (error)
            return reply(failed(error.toFailure()));
        AccountRecord added = record;
        added.id = id;
        if (Scheduler *scheduler = m_daemon.scheduler())
            scheduler->addAccount(added, QDateTime());
        reply(ControlReply{ExitOk, tr("Added account \"%1\".\n").arg(record.name), {}});
    });
}

void CommandService::removeAccount(const ControlCommand &command, const Reply &reply)
{
    std::optional<AccountRecord> account;
    {
        ArchiveReader reader(m_daemon.archivePath());
        account = reader.account(command.name);
    }
    if (!account)
        return reply(failed(Failure::of(FailureKind::ClientMisconfigured, tr("no account named \"%1\"").arg(command.name))));
    if (Scheduler *scheduler = m_daemon.scheduler())
        scheduler->removeAccount(account->id);
    const bool deleteMail = command.deleteArchivedMail;
    m_daemon.writer()->removeAccountAsync(
        account->id, deleteMail, m_daemon.clock().now(), this, [name = account->name, deleteMail, reply](const StoreError &error) {
            if (error)
                return reply(failed(error.toFailure()));
            reply(ControlReply{ExitOk,
                               deleteMail ? tr("Removed account \"%1\" and deleted its archived mail.\n").arg(name)
                                          : tr("Removed account \"%1\"; its archived mail stays searchable.\n").arg(name),
                               {}});
        });
}

void CommandService::sync(const ControlCommand &command, const Reply &reply)
{
    Scheduler *scheduler = m_daemon.scheduler();
    QList<AccountStatus> targets;
    for (const AccountStatus &s : scheduler->statuses()) {
        if (command.name.isEmpty() || s.name == command.name)
            targets << s;
    }
    if (targets.isEmpty())
        return reply(command.name.isEmpty()
                         ? ControlReply{ExitOk, tr("No accounts to sync.\n"), {}}
                         : failed(Failure::of(FailureKind::ClientMisconfigured, tr("no account named \"%1\"").arg(command.name))));
    for (const AccountStatus &s : targets)
        scheduler->syncNow(s.accountId);
    if (!command.once)
        return reply(ControlReply{ExitOk, tr("Sync started.\n"), {}});

    // --once: answer when every target has finished its run (or could not start one).
    struct Pending
    {
        QSet<qint64> waiting;
        int exitCode = ExitOk;
        QString err;
        QString out;
    };
    auto pending = std::make_shared<Pending>();
    auto note = [pending](const AccountStatus &s, const Failure &result) {
        pending->exitCode = std::max(pending->exitCode, exitCodeFor(result));
        if (result.ok() || result.kind == FailureKind::BadData)
            pending->out += tr("%1: archived\n").arg(s.name);
        else
            pending->err += QStringLiteral("%1: %2: %3\n").arg(s.name, toString(result.kind), result.detail);
    };
    for (const AccountStatus &target : targets) {
        const AccountStatus s = scheduler->status(target.accountId);
        if (s.state == AccountState::Syncing)
            pending->waiting.insert(s.accountId);
        else if (s.state == AccountState::NeedsSignIn)
            note(s, s.lastFailure);
        else if (s.state == AccountState::Waiting)
            note(s, Failure::of(FailureKind::NetworkTransient, tr("waiting: %1").arg(waitReasonName(s.waitReason))));
        else
            note(s, s.lastFailure.ok() ? Failure::none() : s.lastFailure); // finished within syncNow
    }
    auto finish = [pending, reply] { reply(ControlReply{pending->exitCode, pending->out, pending->err}); };
    if (pending->waiting.isEmpty())
        return finish();
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(scheduler, &Scheduler::syncFinished, this,
                          [scheduler, pending, note, finish, connection](qint64 id, const Failure &result) {
                              if (!pending->waiting.remove(id))
                                  return;
                              note(scheduler->status(id), result);
                              if (pending->waiting.isEmpty()) {
                                  QObject::disconnect(*connection);
                                  finish();
                              }
                          });
}

void CommandService::signedIn(const ControlCommand &command, const Reply &reply)
{
    ArchiveReader reader(m_daemon.archivePath());
    const std::optional<AccountRecord> account = reader.account(command.name);
    if (!account)
        return reply(failed(Failure::of(FailureKind::ClientMisconfigured, tr("no account named \"%1\"").arg(command.name))));
    if (Scheduler *scheduler = m_daemon.scheduler())
        scheduler->signedIn(account->id);
    reply(ControlReply{ExitOk, {}, {}});
}

void CommandService::status(const ControlCommand &command, const Reply &reply)
{
    ArchiveReader reader(m_daemon.archivePath());
    if (reader.openError())
        return reply(failed(reader.openError().toFailure()));
    QJsonArray array;
    QString text = tr("Archive: %1\n").arg(m_daemon.archivePath());
    if (m_daemon.scheduler() && m_daemon.scheduler()->isPaused())
        text += tr("Paused.\n");
    for (const AccountRecord &a : reader.accounts()) {
        const QJsonObject o = accountJson(reader, a, m_daemon.scheduler());
        array.append(o);
        text += accountLine(o);
    }
    if (command.json) {
        const QJsonObject root{{QStringLiteral("archive"), m_daemon.archivePath()},
                               {QStringLiteral("running"), m_daemon.scheduler() != nullptr},
                               {QStringLiteral("paused"), m_daemon.scheduler() && m_daemon.scheduler()->isPaused()},
                               {QStringLiteral("pausedUntil"),
                                isoOrEmpty(m_daemon.scheduler() ? m_daemon.scheduler()->pausedUntil() : QDateTime())},
                               {QStringLiteral("accounts"), array}};
        return reply(ControlReply{ExitOk, QString::fromUtf8(QJsonDocument(root).toJson()), {}});
    }
    reply(ControlReply{ExitOk, text, {}});
}

void CommandService::pause(const ControlCommand &command, const Reply &reply)
{
    Scheduler *scheduler = m_daemon.scheduler();
    if (!scheduler)
        return reply(ControlReply{ExitLocal, {}, tr("the archiver is not running\n")});
    const qint64 seconds = QJsonDocument::fromJson(command.settingsJson).object().value(QStringLiteral("seconds")).toInteger();
    if (seconds <= 0) {
        scheduler->pauseUntil(QDateTime());
        return reply(ControlReply{ExitOk, tr("Paused until you resume (vaulttray resume).\n"), {}});
    }
    const QDateTime until = m_daemon.clock().now().addSecs(seconds);
    scheduler->pauseUntil(until);
    reply(ControlReply{ExitOk, tr("Paused until %1.\n").arg(QLocale().toString(until.toLocalTime(), QLocale::ShortFormat)), {}});
}

void CommandService::resume(const Reply &reply)
{
    Scheduler *scheduler = m_daemon.scheduler();
    if (!scheduler)
        return reply(ControlReply{ExitLocal, {}, tr("the archiver is not running\n")});
    const bool wasPaused = scheduler->isPaused();
    scheduler->resume();
    reply(ControlReply{ExitOk, wasPaused ? tr("Resumed.\n") : tr("Not paused; nothing to resume.\n"), {}});
}

void CommandService::quit(const Reply &reply)
{
    reply(ControlReply{ExitOk, tr("vaulttray is quitting.\n"), {}});
    // After this turn of the event loop, so the reply leaves first.
    QTimer::singleShot(0, this, &CommandService::quitRequested);
}

} // namespace vaulttray
