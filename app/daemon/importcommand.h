#pragma once

#include "daemon/controlcommand.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace vaulttray {

class ArchiveWriter;
class Clock;
struct AccountRecord;
struct SyncProgress;

// `vaulttray import mbox|maildir PATH [--account NAME]`, carried out in the command-line process through its own
// ArchiveWriter, with the durability profile of every writer (SQLite's locking orders its batches with those of a
// running instance). The input is checked before anything is written; without --account the mail goes into the
// account "local" (created when missing). Progress goes to stderr about every kProgressEvery, the summary to
// stdout; Ctrl-C stops after committing what was read, and the same command resumes.
class ImportCommand
{
public:
    static constexpr int kProgressEverySeconds = 2;
    // The exit code of a run stopped by SIGINT/SIGTERM, as shells report one.
    static constexpr int kExitInterrupted = 130;
    static const QString kLocalAccount;

    ImportCommand(ControlCommand command, QString archivePath);
    int run(); // the process exit code

private:
    std::optional<AccountRecord> account(ArchiveWriter &writer, Clock &clock, int *exitCode);
    void printProgress(const SyncProgress &progress, const QDateTime &now);

    ControlCommand m_command;
    QString m_archivePath;
    bool m_exactTotal = false;
    QDateTime m_nextProgress;
};

} // namespace vaulttray
