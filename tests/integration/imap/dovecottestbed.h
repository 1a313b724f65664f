#pragma once

#include "net/imap/imapendpoint.h"

#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <chrono>
#include <memory>

#include <sys/types.h>

namespace vaulttray::test {

// Generous for a Dovecot start or stop on a loaded 2-core machine, far below a test's timeout.
inline constexpr std::chrono::milliseconds kDovecotWait{20000};

struct DovecotOptions
{
    // An RFC 7662 endpoint (the OAuth test server's /introspect-jwt): enables AUTHENTICATE XOAUTH2/OAUTHBEARER
    // through Dovecot's oauth2 passdb. Passwords keep working through the passwd-file passdb.
    QUrl introspectionUrl;
    // Replaces what Dovecot announces (imap_capability), e.g. without LITERAL+ and SASL-IR so that a client must
    // wait for "+" before each literal and send its SASL response after the challenge. What Dovecot does stays.
    QByteArray capabilities;
};

// A private Dovecot 2.3 (apt: dovecot-imapd) for tests and benchmarks: its own config, base_dir, state and log in
// a temporary folder; IMAP (plaintext and STARTTLS) and IMAPS on free ports of 127.0.0.1, retried when a port
// was taken in between ("address in use", exit 89); one passwd-file user with a password fresh per run; a
// self-signed certificate for 127.0.0.1/localhost (caFile()) and a second, unrelated one (untrustedCaFile());
// Maildir++ mail owned by an unprivileged uid when run as root. No failed-login delays, so a wrong-password test
// does not wait. Runs in the foreground as a child that dies with the test process.
class DovecotTestbed
{
public:
    explicit DovecotTestbed(DovecotOptions options = {});
    ~DovecotTestbed(); // stop()

    DovecotTestbed(const DovecotTestbed &) = delete;
    DovecotTestbed &operator=(const DovecotTestbed &) = delete;

    // Writes everything and starts; true once the IMAP ports accept connections. Start again after stop() reuses
    // the same mail, ports (when still free) and certificates.
    bool start(QString *error);
    // Graceful stop; afterwards the ports refuse connections.
    bool stop();
    bool isRunning() const;

    QString user() const { return QStringLiteral("alice"); }
    QByteArray password() const { return m_password; }
    // The user's Maildir (empty until start()); write into it with MaildirGenerator, passing mailUid()/mailGid().
    QString mailRoot() const;
    uid_t mailUid() const { return m_uid; }
    gid_t mailGid() const { return m_gid; }

    quint16 imapPort() const { return m_imapPort; }
    quint16 imapsPort() const { return m_imapsPort; }
    QString caFile() const;
    QString untrustedCaFile() const;
    // Ready-made endpoints to 127.0.0.1: Imaps with caFile(), StartTls with caFile(), Plain.
    ImapEndpoint endpoint(ImapSecurity security) const;

    // doveadm -c CONFIG ARGS...; its output in *output. False when it failed.
    bool doveadm(const QStringList &arguments, QByteArray *output = nullptr);
    // The pids of the user's imap processes (one per logged-in connection), e.g. to stop one with SIGSTOP.
    QList<qint64> imapProcesses() const;
    QByteArray log() const;
    QString dir() const { return m_dir.path(); }

private:
    bool prepare(QString *error);
    bool makeCertificate(const QString &name, QString *error);
    void writeConfig();
    bool launch(QString *error);

    DovecotOptions m_options;
    QTemporaryDir m_dir;
    bool m_prepared = false;
    QByteArray m_password;
    uid_t m_uid = 0;
    gid_t m_gid = 0;
    quint16 m_imapPort = 0;
    quint16 m_imapsPort = 0;
    std::unique_ptr<QProcess> m_process;
};

} // namespace vaulttray::test
