#include "dbustestbed.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusServiceWatcher>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QTimer>

#include <chrono>
#include <csignal>
#include <sys/prctl.h>

namespace vaulttray::test {

namespace {

using namespace std::chrono_literals;

// Generous for a loaded two-core machine; each is a real process start or a bus round trip, never logic.
constexpr std::chrono::milliseconds kDaemonStartTimeout = 5s;
constexpr std::chrono::milliseconds kMockStartTimeout = 10s;
constexpr std::chrono::milliseconds kStopTimeout = 5s;

const QString kMockInterface = QStringLiteral("org.freedesktop.DBus.Mock");

// Children die with the test process, even when it crashes, so no daemon outlives a failed run.
void dieWithParent(QProcess &process)
{
    process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
}

QString busConfig(const QString &socketDir)
{
    // <type> only names the bus; what makes it the system or the session bus here is the variable start() exports.
    return QStringLiteral(R"(<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=%1</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
)")
        .arg(socketDir);
}

// Waits (in an event loop, for real I/O) until `done()` holds, re-checking whenever the watcher or the
// process reports something. False on timeout.
template <typename Done>
bool waitFor(Done done, QDBusServiceWatcher &watcher, const QProcess *process, std::chrono::milliseconds timeout)
{
    QDeadlineTimer deadline(timeout);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QEventLoop loop;
        QTimer::singleShot(int(deadline.remainingTime()), &loop, &QEventLoop::quit);
        QObject::connect(&watcher, &QDBusServiceWatcher::serviceOwnerChanged, &loop, &QEventLoop::quit);
        if (process)
            QObject::connect(process, &QProcess::finished, &loop, &QEventLoop::quit);
        loop.exec();
        if (process && process->state() == QProcess::NotRunning && !done())
            return false;
    }
    return true;
}

bool nameOwned(const QDBusConnection &connection, const QString &name)
{
    QDBusConnectionInterface *bus = connection.interface();
    return bus && bus->isServiceRegistered(name);
}

} // namespace

PrivateBus::PrivateBus(BusType type)
    : m_type(type)
{
}

PrivateBus::~PrivateBus()
{
    if (m_daemon.state() != QProcess::NotRunning) {
        m_daemon.kill();
        m_daemon.waitForFinished(int(kStopTimeout.count()));
    }
}

QString PrivateBus::start()
{
    if (!m_dir.isValid())
        return QStringLiteral("no temporary directory: %1").arg(m_dir.errorString());
    const QString configPath = m_dir.filePath(QStringLiteral("bus.conf"));
    QFile config(configPath);
    if (!config.open(QIODevice::WriteOnly) || config.write(busConfig(m_dir.path()).toUtf8()) < 0)
        return QStringLiteral("cannot write %1").arg(configPath);
    config.close();

    dieWithParent(m_daemon);
    m_daemon.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_daemon.start(QStringLiteral("dbus-daemon"), {QStringLiteral("--config-file=") + configPath,
                                                   QStringLiteral("--nofork"), QStringLiteral("--print-address=1")});
    if (!m_daemon.waitForStarted(int(kDaemonStartTimeout.count())))
        return QStringLiteral("cannot start dbus-daemon (package dbus-daemon): %1").arg(m_daemon.errorString());
    QDeadlineTimer deadline(kDaemonStartTimeout);
    while (!m_daemon.canReadLine()) {
        if (deadline.hasExpired() || !m_daemon.waitForReadyRead(int(deadline.remainingTime())))
            return QStringLiteral("dbus-daemon printed no address");
    }
    m_address = QString::fromUtf8(m_daemon.readLine()).trimmed();
    qputenv(m_type == BusType::System ? "DBUS_SYSTEM_BUS_ADDRESS" : "DBUS_SESSION_BUS_ADDRESS", m_address.toUtf8());
    return {};
}

DBusMock::DBusMock(QString busName, QString templateName, QString parametersJson, BusType bus)
    : m_busName(std::move(busName)), m_bus(bus),
      m_arguments{QStringLiteral("-m"), QStringLiteral("dbusmock"),
                  bus == BusType::System ? QStringLiteral("--system") : QStringLiteral("--session"),
                  QStringLiteral("-t"), std::move(templateName)}
{
    if (!parametersJson.isEmpty())
        m_arguments << QStringLiteral("-p") << parametersJson;
}

DBusMock::~DBusMock()
{
    stop();
}

QDBusConnection DBusMock::connection() const
{
    return m_bus == BusType::System ? QDBusConnection::systemBus() : QDBusConnection::sessionBus();
}

QString DBusMock::start()
{
    QDBusServiceWatcher watcher(m_busName, connection(), QDBusServiceWatcher::WatchForOwnerChange);
    dieWithParent(m_process);
    // dbusmock logs every call on stdout; its errors on stderr are what helps when a test fails.
    m_process.setStandardOutputFile(QProcess::nullDevice());
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start(kSystemPython, m_arguments);
    if (!m_process.waitForStarted(int(kMockStartTimeout.count())))
        return QStringLiteral("cannot start %1: %2").arg(kSystemPython, m_process.errorString());
    if (!waitFor([this] { return nameOwned(connection(), m_busName); }, watcher, &m_process, kMockStartTimeout)) {
        const QString why =
            m_process.state() == QProcess::NotRunning
                ? QStringLiteral("it exited with %1 (is python3-dbusmock installed?)").arg(m_process.exitCode())
                : QStringLiteral("it did not claim the name in time");
        stop();
        return QStringLiteral("dbusmock for %1: %2").arg(m_busName, why);
    }
    return {};
}

void DBusMock::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    QDBusServiceWatcher watcher(m_busName, connection(), QDBusServiceWatcher::WatchForOwnerChange);
    m_process.kill();
    m_process.waitForFinished(int(kStopTimeout.count()));
    // The bus drops the name when it notices the closed socket, a moment after the process is gone.
    waitFor([this] { return !nameOwned(connection(), m_busName); }, watcher, nullptr, kStopTimeout);
}

QDBusMessage DBusMock::callMock(const QString &path, const QString &method, const QVariantList &arguments) const
{
    return call(path, kMockInterface, method, arguments);
}

QDBusMessage DBusMock::call(const QString &path, const QString &interface, const QString &method,
                            const QVariantList &arguments) const
{
    QDBusMessage message = QDBusMessage::createMethodCall(m_busName, path, interface, method);
    message.setArguments(arguments);
    return connection().call(message);
}

QDBusMessage DBusMock::emitSignal(const QString &path, const QString &interface, const QString &name,
                                  const QString &signature, const QVariantList &arguments) const
{
    return callMock(path, QStringLiteral("EmitSignal"), {interface, name, signature, QVariant::fromValue(arguments)});
}

QStringList listInhibitors(const DBusMock &logind)
{
    const QDBusMessage reply = logind.call(QStringLiteral("/org/freedesktop/login1"),
                                           QStringLiteral("org.freedesktop.login1.Manager"), QStringLiteral("ListInhibitors"));
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().size() != 1) {
        qWarning() << "ListInhibitors failed:" << reply.errorMessage();
        return {QStringLiteral("<ListInhibitors failed>")};
    }
    QStringList result;
    const QDBusArgument list = reply.arguments().first().value<QDBusArgument>();
    list.beginArray();
    while (!list.atEnd()) {
        QString what, who, why, mode;
        uint uid = 0, pid = 0;
        list.beginStructure();
        list >> what >> who >> why >> mode >> uid >> pid;
        list.endStructure();
        result << QStringList{what, who, why, mode}.join(QLatin1Char('|'));
    }
    list.endArray();
    return result;
}

} // namespace vaulttray::test
