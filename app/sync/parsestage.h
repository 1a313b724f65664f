#pragma once

#include <QObject>
#include <QString>
#include <QThread>

#include <functional>

namespace vaulttray {

// A thread of its own between a sync engine's connection and the writer, for the CPU-heavy part of a batch (MIME
// parsing, the content key's hash), so that the network, the parsing and the fsyncs overlap and the receiver's
// thread (the GUI's, in the app) stays free. Work runs one piece at a time, in the order handed in; each piece's
// done runs afterwards in the receiver's thread, in the same order.
class ParseStage
{
public:
    // The stage must die before its receiver (be its member). name: the thread's, as debuggers and top show it.
    ParseStage(QObject *receiver, const QString &name);
    ~ParseStage(); // waits for the piece under way; the pieces not begun are dropped, with their done

    ParseStage(const ParseStage &) = delete;
    ParseStage &operator=(const ParseStage &) = delete;

    // work runs on the stage's thread and must touch only what it owns; done runs in the receiver's thread.
    void run(std::function<void()> work, std::function<void()> done);

private:
    QObject *m_receiver;
    QThread m_thread;
    QObject *m_worker;
};

} // namespace vaulttray
