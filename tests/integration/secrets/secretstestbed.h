#pragma once

#include <QByteArray>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace vaulttray::test {

// A private desktop session for one test process, so the person's own keyring is never touched and tests can
// run side by side: a fresh HOME / XDG_* tree, a private D-Bus session bus with no activatable services (so
// nothing starts behind the test's back), and, when asked, a gnome-keyring-daemon unlocked with a throw-away
// password. Construct it first thing in main(): the environment must be in place before anything reads HOME or
// connects to D-Bus (libsecret and QtDBus both keep their first session bus for the life of the process).
// Every process it starts dies with the test process, also when the test crashes (PR_SET_PDEATHSIG).
class SecretsTestBed
{
public:
    enum class Bus {
        WithKeyring,          // gnome-keyring's Secret Service on the private bus
        WithoutSecretService, // a working private bus, but nobody owns org.freedesktop.secrets
        AutoStartedKeyring,   // the bus starts the installed gnome-keyring on demand, with no login keyring unlocked
        Dead,                 // DBUS_SESSION_BUS_ADDRESS names a socket nobody listens on
    };

    explicit SecretsTestBed(Bus bus); // creates the tree and sets the environment
    ~SecretsTestBed();                // stop()

    SecretsTestBed(const SecretsTestBed &) = delete;
    SecretsTestBed &operator=(const SecretsTestBed &) = delete;

    // Starts the bus and the keyring the Bus asks for; needs a QCoreApplication.
    bool start(QString *error);
    void stop();

    QString root() const { return m_dir.path(); }
    QString home() const;
    QString dataFolder() const; // where the app keeps secrets.json when allowed

    // SIGSTOP / SIGCONT the keyring daemon: its bus name stays, its answers stop.
    bool freezeKeyring();
    bool thawKeyring();

    // Every regular file under root() whose bytes contain `needle`.
    QStringList filesContaining(const QByteArray &needle) const;

private:
    bool startBus(QString *error);
    bool startKeyring(QString *error);
    void stopActivatedKeyring();

    Bus m_bus;
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_busDaemon;
    std::unique_ptr<QProcess> m_keyring;
};

} // namespace vaulttray::test
