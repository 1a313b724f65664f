#pragma once

#include <QDBusMessage>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QVariantList>

namespace vaulttray::test {

// A private dbus-daemon standing in for the system bus: a path socket in a fresh temporary directory, no
// service activation, everything allowed. start() exports its address as DBUS_SYSTEM_BUS_ADDRESS, so it must
// run before anything in the process calls QDBusConnection::systemBus(). The daemon is stopped in the
// destructor, and dies with the test process even if that crashes (PR_SET_PDEATHSIG).
class PrivateSystemBus
{
public:
    PrivateSystemBus();
    ~PrivateSystemBus();
    PrivateSystemBus(const PrivateSystemBus &) = delete;
    PrivateSystemBus &operator=(const PrivateSystemBus &) = delete;

    // Empty on success, else what went wrong.
    QString start();
    QString address() const { return m_address; }

private:
    QTemporaryDir m_dir;
    QProcess m_daemon;
    QString m_address;
};

// A python-dbusmock service (`python3 -m dbusmock --system -t TEMPLATE`) on the private system bus.
class DBusMock
{
public:
    DBusMock(QString busName, QString templateName, QString parametersJson = {});
    ~DBusMock();
    DBusMock(const DBusMock &) = delete;
    DBusMock &operator=(const DBusMock &) = delete;

    // Starts the mock and waits until it owns its bus name. Empty on success, else what went wrong.
    QString start();
    // Kills the mock and waits until its bus name is gone. Safe to call twice.
    void stop();
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }

    // A blocking call of `method` on the mock's org.freedesktop.DBus.Mock interface at `path`.
    QDBusMessage callMock(const QString &path, const QString &method, const QVariantList &arguments) const;
    // A blocking call of an ordinary method of the mocked service.
    QDBusMessage call(const QString &path, const QString &interface, const QString &method,
                      const QVariantList &arguments = {}) const;
    // Mock.EmitSignal: the mocked service emits `name` on `interface` at `path` with `arguments` of `signature`.
    QDBusMessage emitSignal(const QString &path, const QString &interface, const QString &name,
                            const QString &signature, const QVariantList &arguments) const;

private:
    QString m_busName;
    QStringList m_arguments;
    QProcess m_process;
};

// Every inhibitor a (mocked) logind holds, as "what|who|why|mode"; one "<ListInhibitors failed>" entry on error.
QStringList listInhibitors(const DBusMock &logind);

// The interpreter with Debian's python3-dbusmock: `python3` on PATH may be another build without it.
inline const QString kSystemPython = QStringLiteral("/usr/bin/python3");

} // namespace vaulttray::test
