#pragma once

#include "daemon/controlcommand.h"

#include <QObject>
#include <QString>

#include <functional>

class QLocalServer;

namespace vaulttray {

// The running instance's door for the command line and for a second launch: a local socket (Unix
// domain socket / named pipe) readable by the person only, named after the archive, so one archive
// has one writer. One request and one reply per connection, each a line of JSON.
QString controlSocketName(const QString &archivePath);

class ControlServer : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<void(const ControlCommand &, std::function<void(const ControlReply &)> reply)>;

    ControlServer(QString archivePath, Handler handler, QObject *parent = nullptr);
    ~ControlServer() override;

    // False when another instance already serves this archive (or the socket cannot be made).
    bool listen(QString *error);

private:
    void onNewConnection();

    QString m_name;
    Handler m_handler;
    QLocalServer *m_server = nullptr;
};

// Whether an instance answers for this archive (a connection only; nothing is asked of it).
bool instanceRunning(const QString &archivePath);

// Sends one command to the running instance. Returns nullopt when no instance answers.
std::optional<ControlReply> sendToRunningInstance(const QString &archivePath, const ControlCommand &command,
                                                  int timeoutMs);

} // namespace vaulttray
