#pragma once

#include <QObject>
#include <QPointer>
#include <QProcess>
#include <QString>


class QWidget;

namespace vaulttray {

// "Import mail…" from the tray: the person picks an mbox file or a Maildir folder, and `vaulttray import` runs as a
// process of its own (the same command as on the command line: streaming, checkpointed, resumable), so the tray
// and its GUI thread never wait for it. One import at a time.
class ImportLauncher : public QObject
{
    Q_OBJECT

public:
    enum class Format { Mbox, Maildir };

    // program: the vaulttray executable (QCoreApplication::applicationFilePath() in the app).
    ImportLauncher(QString program, QString archivePath, QObject *parent = nullptr);
    ~ImportLauncher() override;

    // Asks for the file or folder, then imports it.
    void choose(Format format, QWidget *parent = nullptr);
    // Imports `path` into the account "local" (the command's default); false while another import runs.
    bool import(Format format, const QString &path);
    bool isRunning() const { return m_process != nullptr; }

signals:
    void started(const QString &path);
    // ok: the command succeeded; text: its summary, or what went wrong, in the command's own words.
    void finished(bool ok, const QString &text);

private:
    void onFinished(int exitCode, bool crashed);

    QString m_program;
    QString m_archivePath;
    QPointer<QProcess> m_process;
    QString m_path;
};

} // namespace vaulttray
