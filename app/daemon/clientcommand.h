#pragma once

#include "daemon/commandline.h"
#include "daemon/daemon.h"

#include <QString>

#include <cstdio>
#include <memory>

namespace vaulttray {

class SecretStore;

// The command line's side of a command: reads a password where one is needed (stdin or a prompt,
// never argv), makes sure a keychain can hold it before anything is added, then has the command
// carried out by the running instance — or in this process when none runs — and stores the secret.
// Returns the process exit code.
// Writes text to stdout/stderr in the locale's encoding, at once (a script may read it line by line).
void printTo(FILE *stream, const QString &text);

// Where a running instance reads its credentials: the keychain, or the private secrets file when the person allowed
// it and no keychain is usable (`vaulttray secrets allow-private-file`). Decided once, at start-up.
std::shared_ptr<SecretStore> credentialStore();

int runClientCommand(const CommandLine &cli, const QString &archivePath, const Daemon::JobFactory &jobs);

} // namespace vaulttray
