#include "dovecottestbed.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace vaulttray::test {

namespace {

// Dovecot's exit code when a listener's address is taken (EX_TEMPFAIL from bind).
constexpr int kExitAddressInUse = 89;
constexpr int kPortAttempts = 5;
constexpr int kPollMs = 20;
// Mail processes may not run as root; "nobody" exists on every Debian system.
constexpr uid_t kNobodyUid = 65534;
constexpr gid_t kNogroupGid = 65534;

QString dovecotBinary()
{
    return QStringLiteral("/usr/sbin/dovecot");
}

quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

bool accepts(quint16 port)
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    return s.waitForConnected(kPollMs * 10);
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

} // namespace

DovecotTestbed::DovecotTestbed(DovecotOptions options) : m_options(std::move(options))
{
    // Fresh per run; with a quote, a backslash and 8-bit bytes, so every LOGIN exercises the quoting rules and a
    // literal, not only the easy case.
    m_password = QByteArray::number(QRandomGenerator::system()->generate64(), 36) + "-\"q\\\xc3\xbc";
    // For a look at config, log and mail after a failed run.
    if (qEnvironmentVariableIsSet("VAULTTRAY_KEEP_DOVECOT")) {
        m_dir.setAutoRemove(false);
        qInfo("Dovecot test bed in %s", qPrintable(m_dir.path()));
    }
}

DovecotTestbed::~DovecotTestbed()
{
    stop();
}

QString DovecotTestbed::mailRoot() const
{
    return m_dir.path() + QStringLiteral("/home/alice/Maildir");
}

QString DovecotTestbed::caFile() const
{
    return m_dir.path() + QStringLiteral("/server-cert.pem");
}

QString DovecotTestbed::untrustedCaFile() const
{
    return m_dir.path() + QStringLiteral("/other-cert.pem");
}

ImapEndpoint DovecotTestbed::endpoint(ImapSecurity security) const
{
    ImapEndpoint e;
    e.host = QStringLiteral("127.0.0.1");
    e.security = security;
    e.port = security == ImapSecurity::Imaps ? m_imapsPort : m_imapPort;
    if (security != ImapSecurity::Plain)
        e.caFile = caFile();
    return e;
}

bool DovecotTestbed::makeCertificate(const QString &name, QString *error)
{
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                   QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                   QStringLiteral("-days"), QStringLiteral("30"), QStringLiteral("-subj"),
                   QStringLiteral("/CN=vaulttray test %1").arg(name), QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost"), QStringLiteral("-keyout"),
                   m_dir.filePath(name + QStringLiteral("-key.pem")), QStringLiteral("-out"),
                   m_dir.filePath(name + QStringLiteral("-cert.pem"))});
    if (!openssl.waitForFinished(int(kDovecotWait.count())) || openssl.exitCode() != 0) {
        *error = QStringLiteral("openssl failed: %1").arg(QString::fromLocal8Bit(openssl.readAllStandardError()));
        return false;
    }
    return true;
}

bool DovecotTestbed::prepare(QString *error)
{
    if (m_prepared)
        return true;
    if (!m_dir.isValid()) {
        *error = QStringLiteral("no temporary folder");
        return false;
    }
    if (!QFile::exists(dovecotBinary())) {
        *error =
            QStringLiteral("%1 is missing: apt-get install dovecot-imapd (scripts/test does)").arg(dovecotBinary());
        return false;
    }
    if (!makeCertificate(QStringLiteral("server"), error) || !makeCertificate(QStringLiteral("other"), error))
        return false;
    m_uid = ::geteuid() == 0 ? kNobodyUid : ::geteuid();
    m_gid = ::geteuid() == 0 ? kNogroupGid : ::getegid();
    QDir().mkpath(mailRoot());
    // The mail user must reach its home through every parent folder.
    ::chmod(QFile::encodeName(m_dir.path()).constData(), 0755);
    for (const QString &p :
         {m_dir.path() + QStringLiteral("/home"), m_dir.path() + QStringLiteral("/home/alice"), mailRoot()})
        if (::chown(QFile::encodeName(p).constData(), m_uid, m_gid) != 0 && ::geteuid() == 0) {
            *error = QStringLiteral("cannot chown %1").arg(p);
            return false;
        }
    writeFile(m_dir.filePath(QStringLiteral("passwd")), "alice:{PLAIN}" + m_password + "::::::\n");
    // Read by Dovecot's auth process, which runs as its internal user: readable by that group only.
    const QByteArray passwd = QFile::encodeName(m_dir.filePath(QStringLiteral("passwd")));
    const struct group *dovecotGroup = ::geteuid() == 0 ? ::getgrnam("dovecot") : nullptr;
    if (dovecotGroup && ::chown(passwd.constData(), 0, dovecotGroup->gr_gid) == 0)
        ::chmod(passwd.constData(), 0640);
    else
        ::chmod(passwd.constData(), 0600);
    m_prepared = true;
    return true;
}

void DovecotTestbed::writeConfig()
{
    const QByteArray d = QFile::encodeName(m_dir.path());
    QByteArray unprivileged;
    if (::geteuid() != 0) {
        const struct passwd *pw = ::getpwuid(::geteuid());
        const QByteArray me = pw ? QByteArray(pw->pw_name) : QByteArray::number(::geteuid());
        unprivileged = "default_internal_user = " + me + "\ndefault_login_user = " + me +
                       "\nservice imap-login {\n  chroot =\n}\nservice anvil {\n  chroot =\n}\n";
    }
    QByteArray oauth;
    QByteArray mechanisms = "plain login";
    if (m_options.introspectionUrl.isValid()) {
        mechanisms += " xoauth2 oauthbearer";
        writeFile(m_dir.filePath(QStringLiteral("oauth2.conf.ext")),
                  "introspection_mode = post\nintrospection_url = " + m_options.introspectionUrl.toEncoded() +
                      "\nusername_attribute = username\nactive_attribute = active\nactive_value = true\n");
        oauth =
            "passdb {\n  driver = oauth2\n  mechanisms = xoauth2 oauthbearer\n  args = " + d + "/oauth2.conf.ext\n}\n";
    }
    const QByteArray config =
        "instance_name = vaulttray-test-" + QByteArray::number(QRandomGenerator::global()->generate(), 16) +
        "\nbase_dir = " + d + "/run\nstate_dir = " + d + "/state\nlog_path = " + d +
        "/dovecot.log\nlisten = 127.0.0.1\nprotocols = imap\n"
        "ssl = yes\nssl_cert = <" +
        d + "/server-cert.pem\nssl_key = <" + d +
        "/server-key.pem\n"
        "disable_plaintext_auth = no\nauth_mechanisms = " +
        mechanisms +
        "\n"
        "auth_failure_delay = 0\n"
        "first_valid_uid = " +
        QByteArray::number(m_uid) +
        "\nlast_valid_uid = 0\n"
        "mail_location = maildir:~/Maildir\n" +
        unprivileged + oauth +
        (m_options.capabilities.isEmpty() ? QByteArray() : "imap_capability = " + m_options.capabilities + '\n') +
        "passdb {\n  driver = passwd-file\n  mechanisms = plain login\n  args = scheme=PLAIN " + d +
        "/passwd\n}\n"
        "userdb {\n  driver = passwd-file\n  args = " +
        d + "/passwd\n  default_fields = uid=" + QByteArray::number(m_uid) + " gid=" + QByteArray::number(m_gid) +
        " home=" + d +
        "/home/%u\n}\n"
        "service imap-login {\n  inet_listener imap {\n    port = " +
        QByteArray::number(m_imapPort) +
        "\n  }\n  inet_listener imaps {\n    port = " + QByteArray::number(m_imapsPort) +
        "\n  }\n}\n"
        // Without this, every failed login from 127.0.0.1 delays the next one (4, 8, 15 s).
        "service anvil {\n  unix_listener anvil-auth-penalty {\n    mode = 0\n  }\n}\n"
        "protocol imap {\n  mail_max_userip_connections = 100\n}\n"
        "namespace inbox {\n  inbox = yes\n  separator = /\n"
        "  mailbox Sent {\n    special_use = \\Sent\n  }\n  mailbox Drafts {\n    special_use = \\Drafts\n  }\n"
        "  mailbox Trash {\n    special_use = \\Trash\n  }\n  mailbox Archive {\n    special_use = \\Archive\n  }\n}\n";
    writeFile(m_dir.filePath(QStringLiteral("dovecot.conf")), config);
}

bool DovecotTestbed::launch(QString *error)
{
    QDir(m_dir.filePath(QStringLiteral("run"))).removeRecursively(); // no stale master.pid
    QDir().mkpath(m_dir.filePath(QStringLiteral("run")));
    QDir().mkpath(m_dir.filePath(QStringLiteral("state")));
    m_process = std::make_unique<QProcess>();
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->start(dovecotBinary(),
                     {QStringLiteral("-F"), QStringLiteral("-c"), m_dir.filePath(QStringLiteral("dovecot.conf"))});
    if (!m_process->waitForStarted(int(kDovecotWait.count()))) {
        *error = QStringLiteral("cannot start dovecot: %1").arg(m_process->errorString());
        return false;
    }
    const QDeadlineTimer deadline(kDovecotWait);
    while (!deadline.hasExpired()) {
        if (m_process->state() == QProcess::NotRunning)
            break;
        // Another program may hold one of the ports: then Dovecot exits (89) right after, and what accepted was
        // that program.
        if (accepts(m_imapPort) && accepts(m_imapsPort) && !m_process->waitForFinished(kPollMs))
            return true;
        m_process->waitForFinished(kPollMs);
    }
    if (m_process->state() == QProcess::NotRunning && m_process->exitCode() == kExitAddressInUse) {
        *error = QStringLiteral("address in use");
        return false;
    }
    *error = QStringLiteral("dovecot did not start (exit %1): %2 %3")
                 .arg(m_process->exitCode())
                 .arg(QString::fromLocal8Bit(m_process->readAll()), QString::fromLocal8Bit(log()));
    m_process->kill();
    m_process->waitForFinished();
    return false;
}

bool DovecotTestbed::start(QString *error)
{
    if (isRunning())
        return true;
    if (!prepare(error))
        return false;
    for (int attempt = 0; attempt < kPortAttempts; ++attempt) {
        if (attempt > 0 || m_imapPort == 0) {
            m_imapPort = freePort();
            m_imapsPort = freePort();
            while (m_imapsPort == m_imapPort)
                m_imapsPort = freePort();
        }
        writeConfig();
        if (launch(error))
            return true;
        if (*error != QLatin1String("address in use"))
            return false;
    }
    return false;
}

bool DovecotTestbed::stop()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return true;
    m_process->terminate();
    const bool stopped = m_process->waitForFinished(int(kDovecotWait.count()));
    if (!stopped) {
        m_process->kill();
        m_process->waitForFinished();
    }
    return stopped;
}

bool DovecotTestbed::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

bool DovecotTestbed::doveadm(const QStringList &arguments, QByteArray *output)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("/usr/bin/doveadm"),
            QStringList{QStringLiteral("-c"), m_dir.filePath(QStringLiteral("dovecot.conf"))} + arguments);
    const bool ok =
        p.waitForFinished(int(kDovecotWait.count())) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    if (output)
        *output = p.readAll();
    return ok;
}

QList<qint64> DovecotTestbed::imapProcesses() const
{
    QList<qint64> pids;
    if (!isRunning())
        return pids;
    const QString master = QString::number(m_process->processId());
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &pid : entries) {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        // pid (comm) state ppid ...: comm may hold spaces, so split after the last ')'.
        const QByteArray line = stat.readAll();
        const qsizetype close = line.lastIndexOf(')');
        const QByteArray comm = line.mid(line.indexOf('(') + 1, close - line.indexOf('(') - 1);
        const QList<QByteArray> rest = line.mid(close + 2).split(' ');
        if (comm == "imap" && rest.size() > 1 && rest.at(1) == master.toLatin1())
            pids << pid.toLongLong();
    }
    return pids;
}

QByteArray DovecotTestbed::log() const
{
    QFile f(m_dir.filePath(QStringLiteral("dovecot.log")));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace vaulttray::test
