#include "secretstestbed.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusReply>
#include <QDBusServiceWatcher>
#include <QDir>
#include <QDirIterator>
#include <QEventLoop>
#include <QFile>
#include <QTimer>

#include <csignal>
#include <sys/prctl.h>

namespace vaulttray::test {

namespace {

constexpr int kStartTimeoutMs = 10000;
constexpr int kStopTimeoutMs = 3000;
constexpr char kSecretsName[] = "org.freedesktop.secrets";
constexpr char kKeyringPassword[] = "test-bed-keyring-password";

// %2 is empty or <standard_session_servicedirs/>. Without service dirs nothing is activated behind a test's back;
// with them, the bus starts the installed gnome-keyring on first use with no login keyring unlocked: the
// "auto-started keyring" of TESTBEDS.md, which AutoStartedKeyring asks for on purpose.
constexpr char kBusConfig[] = R"(<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=%1</listen>
  <auth>EXTERNAL</auth>
  %2
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
)";

// SIGKILL, not SIGTERM: a keyring frozen by freezeKeyring() would keep a SIGTERM pending forever.
void dieWithParent()
{
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
}

void setPath(const char *variable, const QString &path)
{
    QDir().mkpath(path);
    qputenv(variable, QFile::encodeName(path));
}

void stopProcess(std::unique_ptr<QProcess> &process)
{
    if (!process)
        return;
    if (process->state() != QProcess::NotRunning) {
        ::kill(pid_t(process->processId()), SIGCONT); // a frozen process cannot act on SIGTERM
        process->terminate();
        if (!process->waitForFinished(kStopTimeoutMs)) {
            process->kill();
            process->waitForFinished(kStopTimeoutMs);
        }
    }
    process.reset();
}

} // namespace

SecretsTestBed::SecretsTestBed(Bus bus)
    : m_bus(bus), m_dir(QDir::tempPath() + QStringLiteral("/vaulttray-secrets-XXXXXX"))
{
    const QString home = this->home();
    setPath("HOME", home);
    setPath("XDG_CONFIG_HOME", home + QStringLiteral("/.config"));
    setPath("XDG_DATA_HOME", home + QStringLiteral("/.local/share"));
    setPath("XDG_CACHE_HOME", home + QStringLiteral("/.cache"));
    // gnome-keyring puts its control socket here; a private one keeps parallel tests apart.
    const QString runtime = root() + QStringLiteral("/run");
    setPath("XDG_RUNTIME_DIR", runtime);
    QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    // Nothing may fall back to the person's desktop session.
    qunsetenv("DISPLAY");
    qunsetenv("WAYLAND_DISPLAY");
    qunsetenv("GNOME_KEYRING_CONTROL");
    if (m_bus == Bus::Dead)
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + QFile::encodeName(root()) + "/nobody-listens-here");
    else
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
}

SecretsTestBed::~SecretsTestBed()
{
    stop();
}

QString SecretsTestBed::home() const
{
    return root() + QStringLiteral("/home");
}

QString SecretsTestBed::dataFolder() const
{
    return home() + QStringLiteral("/.local/share/vaulttray");
}

bool SecretsTestBed::start(QString *error)
{
    if (!m_dir.isValid()) {
        *error = QStringLiteral("no temporary folder: %1").arg(m_dir.errorString());
        return false;
    }
    if (m_bus == Bus::Dead)
        return true;
    if (!startBus(error))
        return false;
    return m_bus != Bus::WithKeyring || startKeyring(error);
}

bool SecretsTestBed::startBus(QString *error)
{
    const QString config = root() + QStringLiteral("/bus.conf");
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(QString::fromLatin1(kBusConfig)
                       .arg(root(), m_bus == Bus::AutoStartedKeyring ? QStringLiteral("<standard_session_servicedirs/>")
                                                                     : QString())
                       .toUtf8()) < 0) {
        *error = QStringLiteral("cannot write %1").arg(config);
        return false;
    }
    file.close();

    m_busDaemon = std::make_unique<QProcess>();
    m_busDaemon->setChildProcessModifier(dieWithParent);
    m_busDaemon->setProcessChannelMode(QProcess::SeparateChannels);
    m_busDaemon->start(
        QStringLiteral("dbus-daemon"),
        {QStringLiteral("--config-file=") + config, QStringLiteral("--nofork"), QStringLiteral("--print-address=1")});
    QByteArray address;
    while (!address.contains('\n') && m_busDaemon->waitForReadyRead(kStartTimeoutMs))
        address += m_busDaemon->readAllStandardOutput();
    address = address.trimmed();
    if (address.isEmpty()) {
        *error = QStringLiteral("dbus-daemon did not start: %1 %2")
                     .arg(m_busDaemon->errorString(), QString::fromLocal8Bit(m_busDaemon->readAllStandardError()));
        return false;
    }
    qputenv("DBUS_SESSION_BUS_ADDRESS", address);
    return true;
}

bool SecretsTestBed::startKeyring(QString *error)
{
    m_keyring = std::make_unique<QProcess>();
    m_keyring->setChildProcessModifier(dieWithParent);
    m_keyring->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    // --unlock reads the password from stdin and creates the login keyring with it in the fresh HOME.
    m_keyring->start(
        QStringLiteral("gnome-keyring-daemon"),
        {QStringLiteral("--foreground"), QStringLiteral("--unlock"), QStringLiteral("--components=secrets")});
    if (!m_keyring->waitForStarted(kStartTimeoutMs)) {
        *error = QStringLiteral("gnome-keyring-daemon did not start: %1").arg(m_keyring->errorString());
        return false;
    }
    m_keyring->write(kKeyringPassword);
    m_keyring->closeWriteChannel();

    // Waiting for real I/O: the daemon claiming its bus name.
    QDBusConnection bus = QDBusConnection::sessionBus();
    const QString name = QString::fromLatin1(kSecretsName);
    QDBusServiceWatcher watcher(name, bus, QDBusServiceWatcher::WatchForRegistration);
    QEventLoop loop;
    QObject::connect(&watcher, &QDBusServiceWatcher::serviceRegistered, &loop, &QEventLoop::quit);
    QObject::connect(m_keyring.get(), &QProcess::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(kStartTimeoutMs, &loop, &QEventLoop::quit);
    if (!bus.interface()->isServiceRegistered(name))
        loop.exec();
    if (!bus.interface()->isServiceRegistered(name)) {
        *error = QStringLiteral("gnome-keyring-daemon did not claim %1 (state %2)").arg(name).arg(m_keyring->state());
        return false;
    }
    // libsecret stores into the "default" collection; it must exist, unlocked, before the first test.
    QDBusMessage readAlias =
        QDBusMessage::createMethodCall(name, QStringLiteral("/org/freedesktop/secrets"),
                                       QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("ReadAlias"));
    readAlias << QStringLiteral("default");
    const QDBusMessage reply = bus.call(readAlias, QDBus::Block, kStartTimeoutMs);
    const QString collection = reply.arguments().value(0).value<QDBusObjectPath>().path();
    if (reply.type() != QDBusMessage::ReplyMessage || collection.isEmpty() || collection == QLatin1String("/")) {
        *error = QStringLiteral("the keyring has no default collection: %1").arg(reply.errorMessage());
        return false;
    }
    return true;
}

void SecretsTestBed::stop()
{
    stopActivatedKeyring();
    stopProcess(m_keyring);
    stopProcess(m_busDaemon);
}

// The bus, not the test, started this one; it would also quit once the bus is gone, but the test ends it itself.
void SecretsTestBed::stopActivatedKeyring()
{
    if (m_bus != Bus::AutoStartedKeyring || !m_busDaemon || m_busDaemon->state() != QProcess::Running)
        return;
    QDBusConnectionInterface *bus = QDBusConnection::sessionBus().interface();
    const QString name = QString::fromLatin1(kSecretsName);
    if (!bus || !bus->isServiceRegistered(name))
        return;
    const QDBusReply<uint> pid = bus->servicePid(name);
    if (pid.isValid() && pid.value() > 0)
        ::kill(pid_t(pid.value()), SIGTERM);
}

bool SecretsTestBed::freezeKeyring()
{
    return m_keyring && ::kill(pid_t(m_keyring->processId()), SIGSTOP) == 0;
}

bool SecretsTestBed::thawKeyring()
{
    return m_keyring && ::kill(pid_t(m_keyring->processId()), SIGCONT) == 0;
}

QStringList SecretsTestBed::filesContaining(const QByteArray &needle) const
{
    QStringList hits;
    QDirIterator it(root(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (it.fileInfo().isFile() && file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            hits << path;
    }
    return hits;
}

} // namespace vaulttray::test
