#include "ui/importlauncher.h"

#include <QFileDialog>
#include <QProcess>

namespace vaulttray {

ImportLauncher::ImportLauncher(QString program, QString archivePath, QObject *parent)
    : QObject(parent), m_program(std::move(program)), m_archivePath(std::move(archivePath))
{
}

ImportLauncher::~ImportLauncher()
{
    // An import cut short here resumes the next time: what it committed stays, the rest is read again.
    if (m_process) {
        m_process->disconnect(this);
        m_process->terminate();
        m_process->waitForFinished(5000);
    }
}

void ImportLauncher::choose(Format format, QWidget *parent)
{
    const QString path = format == Format::Mbox
                             ? QFileDialog::getOpenFileName(parent, tr("Import an mbox file"))
                             : QFileDialog::getExistingDirectory(parent, tr("Import a Maildir folder"));
    if (!path.isEmpty())
        import(format, path);
}

bool ImportLauncher::import(Format format, const QString &path)
{
    if (m_process)
        return false;
    m_path = path;
    m_process = new QProcess(this);
    connect(m_process, &QProcess::finished, this,
            [this](int code, QProcess::ExitStatus status) { onFinished(code, status == QProcess::CrashExit); });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            onFinished(-1, true);
    });
    const QString verb = format == Format::Mbox ? QStringLiteral("mbox") : QStringLiteral("maildir");
    m_process->start(m_program, {QStringLiteral("--archive"), m_archivePath, QStringLiteral("import"), verb, path});
    emit started(path);
    return true;
}

void ImportLauncher::onFinished(int exitCode, bool crashed)
{
    if (!m_process)
        return;
    const QString out = QString::fromLocal8Bit(m_process->readAllStandardOutput()).trimmed();
    // The last line on stderr is the command's own verdict; the lines before it are progress.
    const QStringList err = QString::fromLocal8Bit(m_process->readAllStandardError()).trimmed().split(QLatin1Char('\n'));
    m_process->deleteLater();
    m_process = nullptr;
    const bool ok = !crashed && exitCode == 0;
    if (ok)
        emit finished(true, out);
    else
        emit finished(false, crashed && err.join(QString()).isEmpty()
                                 ? tr("The import of %1 stopped unexpectedly; run it again to go on.").arg(m_path)
                                 : err.constLast());
}

} // namespace vaulttray
