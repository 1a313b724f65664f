// The server side of bench/imap (see run.sh):
//   bench_imapserver serve --messages N --env FILE
//       starts a private Dovecot, writes a generated mailbox of N messages into it, reads everything once (Dovecot
//       builds its indexes on the first read: that is not what is measured), writes the connection settings as
//       shell variables to FILE, and runs until its stdin closes.
//   bench_imapserver limit --port P --user U --password-env VAR
//       the physical limit: LOGIN, then per folder EXAMINE and one UID FETCH 1:* (BODY.PEEK[]) over plaintext,
//       every byte read and discarded. Prints "messages bytes seconds".
#include "dovecottestbed.h"
#include "maildirgenerator.h"

#include "net/imap/mutf7.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSocketNotifier>
#include <QTcpSocket>

#include <cstdio>

#include <unistd.h>

using namespace vaulttray;
using namespace vaulttray::test;

namespace {

constexpr int kIoWaitMs = 60000;
constexpr qsizetype kTail = 512;

// Reads until the tagged answer to `tag`; counts bytes and "* n FETCH" lines on the way. The tag is looked for at
// the end of what came, where the server puts it.
bool readUntilTagged(QTcpSocket &s, const QByteArray &tag, qint64 *bytes, qint64 *fetches)
{
    QByteArray tail = "\r\n";
    const QByteArray marker = "\r\n" + tag + ' ';
    for (;;) {
        if (s.bytesAvailable() == 0 && !s.waitForReadyRead(kIoWaitMs))
            return false;
        const QByteArray chunk = s.readAll();
        *bytes += chunk.size();
        const QByteArray scan = tail.right(16) + chunk;
        *fetches += scan.count(" FETCH (");
        tail = (tail + chunk).right(kTail);
        const qsizetype at = tail.lastIndexOf(marker);
        if (at >= 0 && tail.indexOf("\r\n", at + 2) >= 0)
            return tail.mid(at + marker.size(), 2) == "OK";
    }
}

bool streamEverything(quint16 port, const QByteArray &user, const QByteArray &password, qint64 *messages,
                      qint64 *bytes)
{
    QTcpSocket s;
    s.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!s.waitForConnected(kIoWaitMs) || !s.waitForReadyRead(kIoWaitMs))
        return false;
    s.readAll();
    qint64 ignored = 0, none = 0;
    s.write("L LOGIN " + user + " {" + QByteArray::number(password.size()) + "+}\r\n" + password + "\r\n");
    if (!readUntilTagged(s, "L", &ignored, &none))
        return false;
    int n = 0;
    for (const GeneratedFolder &f : MaildirGenerator::folders()) {
        const QByteArray examine = 'E' + QByteArray::number(++n);
        s.write(examine + " EXAMINE \"" + encodeModifiedUtf7(f.name) + "\"\r\n");
        if (!readUntilTagged(s, examine, &ignored, &none))
            return false;
        const QByteArray fetch = 'F' + QByteArray::number(n);
        s.write(fetch + " UID FETCH 1:* (BODY.PEEK[])\r\n");
        if (!readUntilTagged(s, fetch, bytes, messages))
            return false;
    }
    s.write("Z LOGOUT\r\n");
    s.waitForDisconnected(kIoWaitMs);
    return true;
}

// A value for a shell's `source`: single-quoted.
QByteArray shellQuoted(QByteArray value)
{
    return '\'' + value.replace('\'', "'\\''") + '\'';
}

int serve(const QCommandLineParser &cli)
{
    DovecotTestbed dovecot;
    QString error;
    if (!dovecot.start(&error)) {
        std::fprintf(stderr, "bench_imapserver: %s\n", qPrintable(error));
        return 1;
    }
    MaildirOptions mail;
    mail.root = dovecot.mailRoot();
    mail.messages = cli.value(QStringLiteral("messages")).toInt();
    mail.uid = dovecot.mailUid();
    mail.gid = dovecot.mailGid();
    QList<GeneratedMessage> generated;
    if (!MaildirGenerator::generate(mail, &generated, &error)) {
        std::fprintf(stderr, "bench_imapserver: %s\n", qPrintable(error));
        return 1;
    }
    qint64 fileBytes = 0;
    for (const GeneratedMessage &m : std::as_const(generated))
        fileBytes += m.size;
    qint64 messages = 0, bytes = 0;
    if (!streamEverything(dovecot.imapPort(), dovecot.user().toUtf8(), dovecot.password(), &messages, &bytes)) {
        std::fprintf(stderr, "bench_imapserver: the warm-up read failed\n");
        return 1;
    }
    QFile env(cli.value(QStringLiteral("env")));
    if (!env.open(QIODevice::WriteOnly)) {
        std::fprintf(stderr, "bench_imapserver: cannot write %s\n", qPrintable(env.fileName()));
        return 1;
    }
    env.write("IMAP_PORT=" + QByteArray::number(dovecot.imapPort()) + "\nIMAP_USER=" + dovecot.user().toUtf8() +
              "\nIMAP_PASSWORD=" + shellQuoted(dovecot.password()) + "\nIMAP_MESSAGES=" + QByteArray::number(generated.size()) +
              "\nIMAP_FILE_BYTES=" + QByteArray::number(fileBytes) + "\nIMAP_WIRE_BYTES=" + QByteArray::number(bytes) +
              "\nIMAP_MAILROOT=" + shellQuoted(QFile::encodeName(dovecot.mailRoot())) + '\n');
    env.close();
    // Until run.sh closes our stdin.
    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&input, &QSocketNotifier::activated, [&input] {
        char buffer[64];
        if (::read(STDIN_FILENO, buffer, sizeof buffer) <= 0) {
            input.setEnabled(false);
            QCoreApplication::quit();
        }
    });
    QCoreApplication::exec();
    return 0;
}

int limit(const QCommandLineParser &cli)
{
    QElapsedTimer clock;
    clock.start();
    qint64 messages = 0, bytes = 0;
    if (!streamEverything(quint16(cli.value(QStringLiteral("port")).toUInt()), cli.value(QStringLiteral("user")).toUtf8(),
                          qgetenv(cli.value(QStringLiteral("password-env")).toLocal8Bit().constData()), &messages,
                          &bytes)) {
        std::fprintf(stderr, "bench_imapserver: the physical-limit read failed\n");
        return 1;
    }
    std::printf("%lld %lld %.3f\n", static_cast<long long>(messages), static_cast<long long>(bytes),
                double(clock.nsecsElapsed()) / 1e9);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser cli;
    cli.addPositionalArgument(QStringLiteral("mode"), QStringLiteral("serve or limit"));
    cli.addOptions({{QStringLiteral("messages"), QStringLiteral("messages to generate"), QStringLiteral("N"), QStringLiteral("10000")},
                    {QStringLiteral("env"), QStringLiteral("where serve writes the settings"), QStringLiteral("FILE")},
                    {QStringLiteral("port"), QStringLiteral("plaintext IMAP port"), QStringLiteral("P")},
                    {QStringLiteral("user"), QStringLiteral("user"), QStringLiteral("U")},
                    {QStringLiteral("password-env"), QStringLiteral("variable holding the password"), QStringLiteral("VAR")}});
    cli.process(app);
    const QString mode = cli.positionalArguments().value(0);
    if (mode == QLatin1String("serve"))
        return serve(cli);
    if (mode == QLatin1String("limit"))
        return limit(cli);
    std::fprintf(stderr, "bench_imapserver serve|limit ...\n");
    return 2;
}
