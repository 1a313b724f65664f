#pragma once

#include <QObject>

class QSocketNotifier;

namespace vaulttray {

// Turns the system's "please stop" (SIGTERM/SIGINT/SIGHUP on Unix, console close on Windows) into
// a Qt signal delivered on the event loop, so shutdown commits what is complete instead of dying mid-batch.
//
// The signals are caught from construction on. With Delivery::Held, quitRequested waits for deliver(): a start-up
// step that runs a local event loop (the keychain probe) would otherwise receive it, and a QCoreApplication::quit()
// made before exec() runs is forgotten by exec(), so the instance would run on as if never asked to stop.
class QuitSignals : public QObject
{
    Q_OBJECT

public:
    enum class Delivery { Now, Held };

    explicit QuitSignals(Delivery delivery = Delivery::Now, QObject *parent = nullptr);
    ~QuitSignals() override;

    // From now on quitRequested is emitted, first for any signal caught while held, on the running event loop.
    void deliver();

signals:
    void quitRequested(int signalNumber);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace vaulttray
