#pragma once

#include <QDBusConnection>
#include <QDBusMessage>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QVariantList>

namespace vaulttray::test {

enum class BusType { System, Session };

// A private dbus-daemon standing in for the system bus (or the session bus): a path socket in a fresh temporary
// directory, no service activation, everything allowed. start() exports its address as DBUS_SYSTEM_BUS_ADDRESS (or
// DBUS_SESSION_BUS_ADDRESS), so it must run before anything in the process calls QDBusConnection::systemBus() (or
// sessionBus()). The daemon is stopped in the destructor, and dies with the test process even if that crashes
// (PR_SET_PDEATHSIG).
class PrivateBus
{
public:
    explicit PrivateBus(BusType type);
    ~PrivateBus();
    PrivateBus(const PrivateBus &) = delete;
    PrivateBus &operator=(const PrivateBus &) = delete;

    // Empty on success, else what went wrong.
    QString start();
    QString address() const { return m_address; }

private:
    BusType m_type;
    QTemporaryDir m_dir;
    QProcess m_daemon;
    QString m_address;
};

class PrivateSystemBus : public PrivateBus
{
public:
    PrivateSystemBus() : PrivateBus(BusType::System) {}
};

class PrivateSessionBus : public PrivateBus
{
public:
    PrivateSessionBus() : PrivateBus(BusType::Session) {}
};

// A python-dbusmock service (`python3 -m dbusmock --system -t TEMPLATE`) on the private system bus, or with
// BusType::Session on the session bus.
class DBusMock
{
public:
    DBusMock(QString busName, QString templateName, QString parametersJson = {}, BusType bus = BusType::System);
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
    QDBusConnection connection() const;

    QString m_busName;
    BusType m_bus;
    QStringList m_arguments;
    QProcess m_process;
};

// Every inhibitor a (mocked) logind holds, as "what|who|why|mode"; one "<ListInhibitors failed>" entry on error.
QStringList listInhibitors(const DBusMock &logind);

// The interpreter with Debian's python3-dbusmock: `python3` on PATH may be another build without it.
inline const QString kSystemPython = QStringLiteral("/usr/bin/python3");

} // namespace vaulttray::test
