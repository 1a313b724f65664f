#pragma once

#include <QObject>

namespace vaulttray {

// Turns the system's "please stop" (SIGTERM/SIGINT/SIGHUP on Unix, console close on Windows) into
// a Qt signal delivered on the event loop, so shutdown commits what is complete instead of dying mid-batch.
class QuitSignals : public QObject
{
    Q_OBJECT

public:
    explicit QuitSignals(QObject *parent = nullptr);
    ~QuitSignals() override;

signals:
    void quitRequested(int signalNumber);
};

} // namespace vaulttray
