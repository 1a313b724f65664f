#pragma once

#include "store/connection.h"

#include <QObject>
#include <QPointer>

#include <atomic>
#include <functional>
#include <memory>

class QThread;

namespace vaulttray {

class ArchiveReader;
class ReaderWorker;

// Reads the archive on a thread of its own, for callers that must never wait on SQLite — the GUI thread above
// all (the tray's counts, the status window's runs, the search window). Reads run one after another, in the
// order they were asked for; each result is handed back in the caller's thread.
class BackgroundReader : public QObject
{
    Q_OBJECT

public:
    explicit BackgroundReader(QString path, Profile profile = Profile::Durable, QObject *parent = nullptr);
    ~BackgroundReader() override; // lets the read in progress finish, drops the rest, closes the connection

    // `work` runs on the reader's thread with its connection (opened there on first use); `done` then runs in
    // this object's thread, unless `context` is gone by then.
    template <typename T>
    void read(std::function<T(ArchiveReader &)> work, QObject *context, std::function<void(T)> done)
    {
        auto result = std::make_shared<T>();
        post([work = std::move(work), result](ArchiveReader &reader) { *result = work(reader); },
             [context = QPointer<QObject>(context), done = std::move(done), result] {
                 if (context)
                     done(std::move(*result));
             });
    }

private:
    void post(std::function<void(ArchiveReader &)> work, std::function<void()> done);

    QString m_path;
    Profile m_profile;
    QThread *m_thread = nullptr;
    ReaderWorker *m_worker = nullptr;
    std::shared_ptr<std::atomic_bool> m_stopping = std::make_shared<std::atomic_bool>(false);
};

} // namespace vaulttray
