#include "fakes/readonlydir.h"

#include <QDir>
#include <QFile>
#include <QProcess>

#include <unistd.h>

namespace vaulttray::test {

namespace {
const QString kTmpfsSize = QStringLiteral("size=4m");
}

ReadOnlyDir::ReadOnlyDir(const QString &path)
    : m_path(path)
{
    QDir().mkpath(path);
    if (::geteuid() == 0)
        m_mounted = run({QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"), kTmpfsSize,
                         QStringLiteral("tmpfs"), m_path});
}

ReadOnlyDir::~ReadOnlyDir()
{
    if (m_mounted)
        QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), m_path});
    else
        QFile::setPermissions(m_path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

bool ReadOnlyDir::run(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral("mount"), args);
    if (!p.waitForFinished() || p.exitCode() != 0) {
        m_error = QString::fromLocal8Bit(p.readAllStandardError());
        return false;
    }
    return true;
}

bool ReadOnlyDir::makeReadOnly()
{
    if (::geteuid() == 0) {
        if (!m_mounted) {
            m_error = QStringLiteral("could not mount a tmpfs at %1: %2").arg(m_path, m_error);
            return false;
        }
        return run({QStringLiteral("-o"), QStringLiteral("remount,ro"), m_path});
    }
    return QFile::setPermissions(m_path, QFile::ReadOwner | QFile::ExeOwner);
}

} // namespace vaulttray::test
