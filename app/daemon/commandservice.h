#pragma once

#include "daemon/controlcommand.h"

#include <QObject>

#include <functional>

namespace vaulttray {

class Daemon;

// Carries out the command line's requests against a daemon — the running instance's, or one made
// for a single command when none runs. Never blocks its thread on the archive's writer.
class CommandService : public QObject
{
    Q_OBJECT

public:
    using Reply = std::function<void(const ControlReply &)>;

    explicit CommandService(Daemon &daemon, QObject *parent = nullptr);

    void execute(const ControlCommand &command, Reply reply);

signals:
    void showRequested();
    // `vaulttray quit`: emitted after the reply is on its way.
    void quitRequested();

private:
    void listAccounts(const ControlCommand &command, const Reply &reply);
    void addAccount(const ControlCommand &command, const QString &provider, const Reply &reply);
    void removeAccount(const ControlCommand &command, const Reply &reply);
    void sync(const ControlCommand &command, const Reply &reply);
    void status(const ControlCommand &command, const Reply &reply);
    void signedIn(const ControlCommand &command, const Reply &reply);
    void pause(const ControlCommand &command, const Reply &reply);
    void resume(const Reply &reply);
    void quit(const Reply &reply);

    Daemon &m_daemon;
};

} // namespace vaulttray
