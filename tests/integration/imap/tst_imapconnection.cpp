// ImapConnection and ImapSession against a real Dovecot: each transport (IMAPS, STARTTLS, plaintext on loopback),
// the TLS policy (an unknown certificate is a clear ClientMisconfigured naming it, never accepted; a pinned CA
// works), the plaintext policy, and how every way a connection can end is classified: refused (server stopped),
// silent at the greeting or during a command (timeouts), BYE, a peer that is no IMAP server.
#include "dovecottestbed.h"
#include "imaptestutil.h"
#include "logcapture.h"

#include "net/imap/capabilitycommand.h"
#include "net/imap/imapconnection.h"
#include "net/imap/imapsession.h"
#include "net/imap/logoutcommand.h"

#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <signal.h>

using namespace vaulttray;
using namespace vaulttray::test;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(vaulttray::ImapSecurity)

namespace {

// Short, so the silent-peer cases are quick; Dovecot on loopback answers in milliseconds, far inside them.
constexpr std::chrono::milliseconds kShortTimeout{400};

// A name other than "localhost" that /etc/hosts maps to 127.0.0.1 ("vm", the machine's own name ...): it reaches
// this machine, but the plaintext rule cannot know that from the name.
QString loopbackAlias()
{
    QFile hosts(QStringLiteral("/etc/hosts"));
    if (!hosts.open(QIODevice::ReadOnly))
        return {};
    while (!hosts.atEnd()) {
        const QList<QByteArray> fields = hosts.readLine().simplified().split(' ');
        if (fields.size() >= 2 && fields.at(0) == "127.0.0.1")
            for (const QByteArray &name : fields.mid(1))
                if (name != "localhost" && !name.startsWith('#'))
                    return QString::fromLatin1(name);
    }
    return {};
}

// Waits for the connection's closed(failure).
Failure closedFailure(QSignalSpy &closed)
{
    if (closed.isEmpty() && !closed.wait(int(kDovecotWait.count())))
        return Failure::of(FailureKind::Local, QStringLiteral("test: never closed"));
    return closed.at(0).at(0).value<Failure>();
}

} // namespace

class TestImapConnection : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void opensOverEachTransport_data();
    void opensOverEachTransport();
    void untrustedCertificateIsAClearError_data();
    void untrustedCertificateIsAClearError();
    void plaintextOnlyToThisMachine();
    void badCaFileIsAConfigurationError();
    void pipelinedCommandsAllAnswered();
    void logoutClosesCleanly();
    void byeIsServerTransient();
    void silentGreetingTimesOut();
    void silentServerTimesOutACommand();
    void killedServerEndsEveryCommandInFlight();
    void nonImapPeerIsAConfigurationError();
    void plaintextAfterStartTlsIsRefused_data();
    void plaintextAfterStartTlsIsRefused();
    void stoppedServerIsNetworkTransient();

private:
    DovecotTestbed m_dovecot;
};

void TestImapConnection::initTestCase()
{
    QString error;
    QVERIFY2(m_dovecot.start(&error), qPrintable(error));
}

void TestImapConnection::opensOverEachTransport_data()
{
    QTest::addColumn<ImapSecurity>("security");
    QTest::addColumn<bool>("encrypted");
    QTest::newRow("imaps") << ImapSecurity::Imaps << true;
    QTest::newRow("starttls") << ImapSecurity::StartTls << true;
    QTest::newRow("plain on loopback") << ImapSecurity::Plain << false;
}

void TestImapConnection::opensOverEachTransport()
{
    QFETCH(ImapSecurity, security);
    QFETCH(bool, encrypted);
    ImapSession session(m_dovecot.endpoint(security), passwordOf(m_dovecot));
    const ImapOpenResult result = openSession(session);
    QVERIFY2(result.failure.ok(), qPrintable(result.failure.detail));
    QCOMPARE(session.connection().isEncrypted(), encrypted);
    // The post-login list (the pre-login one lacks these), and QRESYNC was switched on.
    QVERIFY(session.connection().hasCapability("IMAP4REV1"));
    QVERIFY(session.connection().hasCapability("CONDSTORE"));
    QVERIFY(session.connection().isEnabled("QRESYNC"));
    QVERIFY(!session.connection().hasCapability("STARTTLS") || security == ImapSecurity::Plain);
}

void TestImapConnection::untrustedCertificateIsAClearError_data()
{
    QTest::addColumn<ImapSecurity>("security");
    QTest::addColumn<bool>("pinOtherCa");
    QTest::newRow("imaps, system CAs only") << ImapSecurity::Imaps << false;
    QTest::newRow("imaps, another CA pinned") << ImapSecurity::Imaps << true;
    QTest::newRow("starttls, system CAs only") << ImapSecurity::StartTls << false;
    QTest::newRow("starttls, another CA pinned") << ImapSecurity::StartTls << true;
}

void TestImapConnection::untrustedCertificateIsAClearError()
{
    QFETCH(ImapSecurity, security);
    QFETCH(bool, pinOtherCa);
    ImapEndpoint endpoint = m_dovecot.endpoint(security);
    endpoint.caFile = pinOtherCa ? m_dovecot.untrustedCaFile() : QString();
    LogCapture log;
    ImapSession session(endpoint, passwordOf(m_dovecot));
    const ImapOpenResult result = openSession(session);
    QCOMPARE(toString(result.failure.kind), toString(FailureKind::ClientMisconfigured));
    QVERIFY2(result.failure.detail.contains(QLatin1String("not trusted")), qPrintable(result.failure.detail));
    // Qt's words for the problem, and which certificate it was.
    QVERIFY2(result.failure.detail.contains(QLatin1String("self-signed"), Qt::CaseInsensitive) ||
                 result.failure.detail.contains(QLatin1String("issuer"), Qt::CaseInsensitive),
             qPrintable(result.failure.detail));
    QVERIFY2(result.failure.detail.contains(QLatin1String("vaulttray test server")), qPrintable(result.failure.detail));
    QVERIFY2(result.failure.detail.contains(QLatin1String("SHA-256")), qPrintable(result.failure.detail));
    // Never silently accepted: the password never went out (STARTTLS itself, in plaintext, does go out).
    QVERIFY2(log.contains(QStringLiteral("connecting to")), qPrintable(log.text()));
    QVERIFY2(!log.contains(QStringLiteral("LOGIN")) && !log.contains(QStringLiteral("AUTHENTICATE")),
             qPrintable(log.text()));
}

void TestImapConnection::plaintextOnlyToThisMachine()
{
    const QString alias = loopbackAlias();
    if (alias.isEmpty())
        QSKIP("/etc/hosts names no alias of 127.0.0.1 besides localhost");
    ImapEndpoint endpoint = m_dovecot.endpoint(ImapSecurity::Plain);
    endpoint.host = alias;
    {
        ImapSession session(endpoint, passwordOf(m_dovecot));
        const ImapOpenResult result = openSession(session);
        QCOMPARE(toString(result.failure.kind), toString(FailureKind::ClientMisconfigured));
        QVERIFY2(result.failure.detail.contains(QLatin1String("unencrypted")), qPrintable(result.failure.detail));
    }
    // The same endpoint works once the person allowed plaintext: the refusal above was the rule, not the network.
    endpoint.allowPlaintext = true;
    ImapSession session(endpoint, passwordOf(m_dovecot));
    const ImapOpenResult result = openSession(session);
    QVERIFY2(result.failure.ok(), qPrintable(result.failure.detail));
}

void TestImapConnection::badCaFileIsAConfigurationError()
{
    ImapEndpoint endpoint = m_dovecot.endpoint(ImapSecurity::Imaps);
    endpoint.caFile = m_dovecot.dir() + QStringLiteral("/passwd-does-not-exist.pem");
    ImapSession session(endpoint, passwordOf(m_dovecot));
    const ImapOpenResult result = openSession(session);
    QCOMPARE(toString(result.failure.kind), toString(FailureKind::ClientMisconfigured));
    QVERIFY2(result.failure.detail.contains(QLatin1String("CA file")), qPrintable(result.failure.detail));
}

void TestImapConnection::pipelinedCommandsAllAnswered()
{
    ImapSession session(m_dovecot.endpoint(ImapSecurity::Imaps), passwordOf(m_dovecot));
    QVERIFY(openSession(session).failure.ok());
    constexpr int kCommands = 50;
    QList<Failure> results;
    for (int i = 0; i < kCommands; ++i) {
        auto *c = new CapabilityCommand;
        connect(c, &CapabilityCommand::finished, this, [&results](const Failure &f) { results << f; });
        session.connection().send(c);
    }
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), kCommands, int(kDovecotWait.count()));
    for (const Failure &f : results)
        QVERIFY2(f.ok(), qPrintable(f.detail));
}

void TestImapConnection::logoutClosesCleanly()
{
    ImapSession session(m_dovecot.endpoint(ImapSecurity::Imaps), passwordOf(m_dovecot));
    QVERIFY(openSession(session).failure.ok());
    QSignalSpy closed(&session, &ImapSession::closed);
    session.close();
    QVERIFY(closed.wait(int(kDovecotWait.count())));
    const Failure f = closed.at(0).at(0).value<Failure>();
    QVERIFY2(f.ok(), qPrintable(f.detail));
    QCOMPARE(session.connection().state(), ImapConnection::State::Closed);
    // A command after the end is refused, not lost.
    const auto after = runCommand<Failure>(session.connection(), new CapabilityCommand);
    QVERIFY(after.has_value());
    QVERIFY(!after->ok());
}

void TestImapConnection::byeIsServerTransient()
{
    ImapSession session(m_dovecot.endpoint(ImapSecurity::Imaps), passwordOf(m_dovecot));
    QVERIFY(openSession(session).failure.ok());
    QSignalSpy closed(&session.connection(), &ImapConnection::closed);
    QByteArray output;
    QVERIFY2(m_dovecot.doveadm({QStringLiteral("kick"), m_dovecot.user()}, &output), output.constData());
    const Failure f = closedFailure(closed);
    QCOMPARE(toString(f.kind), toString(FailureKind::ServerTransient));
    QVERIFY2(f.detail.contains(QLatin1String("BYE")), qPrintable(f.detail));
}

void TestImapConnection::silentGreetingTimesOut()
{
    // A real TCP peer that accepts and never speaks: a half-dead server, or a firewall that swallows the greeting.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    ImapEndpoint endpoint;
    endpoint.host = QStringLiteral("127.0.0.1");
    endpoint.port = silent.serverPort();
    endpoint.security = ImapSecurity::Plain;
    endpoint.connectTimeout = kShortTimeout;
    ImapConnection connection(endpoint);
    QSignalSpy opened(&connection, &ImapConnection::opened);
    connection.open();
    QVERIFY(opened.wait(int(kDovecotWait.count())));
    const Failure f = opened.at(0).at(0).value<Failure>();
    QCOMPARE(toString(f.kind), toString(FailureKind::NetworkTransient));
    QVERIFY2(f.detail.contains(QLatin1String("greeting")), qPrintable(f.detail));
}

void TestImapConnection::silentServerTimesOutACommand()
{
    ImapEndpoint endpoint = m_dovecot.endpoint(ImapSecurity::Imaps);
    endpoint.commandTimeout = kShortTimeout;
    ImapSession session(endpoint, passwordOf(m_dovecot));
    QVERIFY(openSession(session).failure.ok());
    // Freeze the server's process for this session: it keeps the connection but answers nothing.
    const QList<qint64> before = m_dovecot.imapProcesses();
    QVERIFY(!before.isEmpty());
    for (const qint64 pid : before)
        ::kill(pid_t(pid), SIGSTOP);
    const auto result = runCommand<Failure>(session.connection(), new CapabilityCommand);
    for (const qint64 pid : before)
        ::kill(pid_t(pid), SIGCONT);
    QVERIFY(result.has_value());
    QCOMPARE(toString(result->kind), toString(FailureKind::NetworkTransient));
    QVERIFY2(result->detail.contains(QLatin1String("did not answer")), qPrintable(result->detail));
    QCOMPARE(session.connection().state(), ImapConnection::State::Closed);
}

void TestImapConnection::killedServerEndsEveryCommandInFlight()
{
    ImapSession session(m_dovecot.endpoint(ImapSecurity::Imaps), passwordOf(m_dovecot));
    QVERIFY(openSession(session).failure.ok());
    const QList<qint64> pids = m_dovecot.imapProcesses();
    QVERIFY(!pids.isEmpty());
    // Three commands on the wire and unanswered, then the server's process dies: the kernel closes its socket.
    for (const qint64 pid : pids)
        ::kill(pid_t(pid), SIGSTOP);
    QList<Failure> results;
    for (int i = 0; i < 3; ++i) {
        auto *c = new CapabilityCommand;
        connect(c, &CapabilityCommand::finished, this, [&results](const Failure &f) { results << f; });
        session.connection().send(c);
    }
    QSignalSpy closed(&session.connection(), &ImapConnection::closed);
    QCoreApplication::processEvents();
    for (const qint64 pid : pids)
        ::kill(pid_t(pid), SIGKILL);
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 3, int(kDovecotWait.count()));
    for (const Failure &f : std::as_const(results))
        QCOMPARE(toString(f.kind), toString(FailureKind::NetworkTransient));
    QCOMPARE(closed.size(), 1);
    QCOMPARE(toString(closed.at(0).at(0).value<Failure>().kind), toString(FailureKind::NetworkTransient));
}

void TestImapConnection::nonImapPeerIsAConfigurationError()
{
    QTcpServer smtp;
    QVERIFY(smtp.listen(QHostAddress::LocalHost, 0));
    connect(&smtp, &QTcpServer::newConnection, this, [&smtp] {
        QTcpSocket *s = smtp.nextPendingConnection();
        s->write("220 mail.example.org ESMTP ready\r\n");
    });
    ImapEndpoint endpoint;
    endpoint.host = QStringLiteral("127.0.0.1");
    endpoint.port = smtp.serverPort();
    endpoint.security = ImapSecurity::Plain;
    ImapSession session(endpoint, {ImapAuthMethod::Password, QStringLiteral("alice"), "x"});
    const ImapOpenResult result = openSession(session);
    QCOMPARE(toString(result.failure.kind), toString(FailureKind::ClientMisconfigured));
    QVERIFY2(result.failure.detail.contains(QLatin1String("did not greet as an IMAP server")),
             qPrintable(result.failure.detail));
}

void TestImapConnection::plaintextAfterStartTlsIsRefused_data()
{
    QTest::addColumn<QByteArray>("afterOk");
    QTest::addColumn<QString>("expected");
    QTest::newRow("injected response") << QByteArray("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] injected\r\n")
                                       << QStringLiteral("after accepting STARTTLS");
    // The control: with nothing after the OK the client goes on to the TLS handshake, which this peer cannot do.
    QTest::newRow("nothing injected") << QByteArray() << QStringLiteral("TLS handshake");
}

void TestImapConnection::plaintextAfterStartTlsIsRefused()
{
    // A man in the middle's view of STARTTLS: it accepts, and slips a response in before the handshake. Dovecot
    // never does this, so the peer is a socket that answers like that attacker.
    QFETCH(QByteArray, afterOk);
    QFETCH(QString, expected);
    QTcpServer attacker;
    QVERIFY(attacker.listen(QHostAddress::LocalHost, 0));
    connect(&attacker, &QTcpServer::newConnection, this, [&attacker, afterOk] {
        QTcpSocket *s = attacker.nextPendingConnection();
        s->write("* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] ready\r\n");
        connect(s, &QTcpSocket::readyRead, s, [s, afterOk] {
            const QByteArray line = s->readAll();
            if (line.contains(" STARTTLS\r\n"))
                s->write(line.left(line.indexOf(' ')) + " OK Begin TLS negotiation now\r\n" + afterOk);
            else
                s->disconnectFromHost(); // a TLS ClientHello: this peer cannot answer it
        });
    });
    ImapEndpoint endpoint;
    endpoint.host = QStringLiteral("127.0.0.1");
    endpoint.port = attacker.serverPort();
    endpoint.security = ImapSecurity::StartTls;
    endpoint.commandTimeout = kShortTimeout;
    ImapSession session(endpoint, passwordOf(m_dovecot));
    const ImapOpenResult result = openSession(session);
    QVERIFY(!result.failure.ok());
    QVERIFY2(result.failure.detail.contains(expected), qPrintable(result.failure.detail));
    if (!afterOk.isEmpty())
        QCOMPARE(toString(result.failure.kind), toString(FailureKind::ClientMisconfigured));
}

void TestImapConnection::stoppedServerIsNetworkTransient()
{
    QVERIFY(m_dovecot.stop());
    for (const ImapSecurity security : {ImapSecurity::Imaps, ImapSecurity::StartTls}) {
        ImapSession session(m_dovecot.endpoint(security), passwordOf(m_dovecot));
        const ImapOpenResult result = openSession(session);
        QCOMPARE(toString(result.failure.kind), toString(FailureKind::NetworkTransient));
        QVERIFY2(result.failure.detail.contains(QLatin1String("refused")), qPrintable(result.failure.detail));
    }
    // Started again, the same endpoint works: the failure was the server being away.
    QString error;
    QVERIFY2(m_dovecot.start(&error), qPrintable(error));
    ImapSession session(m_dovecot.endpoint(ImapSecurity::Imaps), passwordOf(m_dovecot));
    const ImapOpenResult result = openSession(session);
    QVERIFY2(result.failure.ok(), qPrintable(result.failure.detail));
}

QTEST_GUILESS_MAIN(TestImapConnection)
#include "tst_imapconnection.moc"
