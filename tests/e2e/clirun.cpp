#include "clirun.h"

#include <QFile>
#include <QProcess>

namespace vaulttray::test {

QString vaulttrayBinary()
{
    return qEnvironmentVariable("VAULTTRAY_BIN");
}

CliRun runVaulttray(const QStringList &args, const CliOptions &options)
{
    QProcess p;
    p.setProcessEnvironment(options.environment);
    if (options.program.isEmpty())
        p.start(vaulttrayBinary(), args);
    else
        p.start(options.program, options.prefix + QStringList{vaulttrayBinary()} + args);
    CliRun r;
    if (!p.waitForStarted())
        return r;
    if (!options.input.isEmpty())
        p.write(options.input);
    p.closeWriteChannel();
    if (!p.waitForFinished(options.timeoutMs))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QString writeCurlBrowser(const QString &folder)
{
    const QString path = folder + QStringLiteral("/browser.sh");
    QFile script(path);
    if (!script.open(QIODevice::WriteOnly))
        return {};
    script.write("#!/bin/sh\nexec curl --silent --location --max-time 30 --output /dev/null \"$1\"\n");
    script.close();
    script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return path;
}

} // namespace vaulttray::test
