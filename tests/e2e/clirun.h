#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace vaulttray::test {

// What one run of the vaulttray executable gave: exitCode is -1 when it did not start, crashed or timed out.
struct CliRun
{
    int exitCode = -1;
    QString out, err;
};

struct CliOptions
{
    QByteArray input; // written to stdin, which is then closed
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QString program;    // another program (e.g. setpriv) that runs the executable; empty: the executable itself
    QStringList prefix; // that program's arguments before the executable's
    int timeoutMs = 120000;
};

// $VAULTTRAY_BIN: the executable under test.
QString vaulttrayBinary();

// Runs the executable with `args` to completion, as a person or a script would.
CliRun runVaulttray(const QStringList &args, const CliOptions &options = {});

// Writes `bytes` to a new file at `path`; false when it could not.
bool writeFile(const QString &path, const QByteArray &bytes);

// Writes an executable $BROWSER stand-in into `folder` that follows the sign-in redirects with curl, as a browser
// would, and returns its path (empty on failure).
QString writeCurlBrowser(const QString &folder);

} // namespace vaulttray::test
