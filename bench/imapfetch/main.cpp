// How fast the IMAP client takes a whole mailbox from a local Dovecot, next to the physical limit: the same server
// streaming one UID FETCH 1:* (BODY.PEEK[]) per folder to a reader that only counts the bytes. Both over plaintext
// and IMAPS, interleaved rounds, medians. Prints a markdown table on stdout, progress on stderr.
//   bench_imapfetch [--messages N] [--rounds R] [--batch B] [--window W]
#include "dovecottestbed.h"
#include "maildirgenerator.h"

#include "net/imap/examinecommand.h"
#include "net/imap/imapconnection.h"
#include "net/imap/imapsession.h"
#include "net/imap/imapuidset.h"
#include "net/imap/mutf7.h"
#include "net/imap/uidfetchcommand.h"
#include "net/imap/uidsearchcommand.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QSslConfiguration>
#include <QSslSocket>

#include <algorithm>
#include <cstdio>

using namespace vaulttray;
using namespace vaulttray::test;

namespace {

constexpr int kIoWaitMs = 60000;
constexpr qsizetype kTail = 512;

struct Pass
{
    double seconds = 0;
    qint64 messages = 0;
    qint64 bytes = 0;
    bool ok = false;
};

QByteArray mailboxName(const QString &folder)
{
    return '"' + encodeModifiedUtf7(folder) + '"';
}

// Reads until the tagged answer to `tag` arrives; counts the bytes on the way. Literal bytes are not parsed: the
// tag is looked for at the end of what came, which is where the server puts it.
bool readUntilTagged(QSslSocket &s, const QByteArray &tag, qint64 *bytes)
{
    QByteArray tail = "\r\n"; // the answer may be the first line of the read
    const QByteArray marker = "\r\n" + tag + ' ';
    for (;;) {
        if (s.bytesAvailable() == 0 && !s.waitForReadyRead(kIoWaitMs))
            return false;
        const QByteArray chunk = s.readAll();
        *bytes += chunk.size();
        tail = (tail + chunk).right(kTail);
        const qsizetype at = tail.lastIndexOf(marker);
        if (at >= 0 && tail.indexOf("\r\n", at + 2) >= 0)
            return tail.mid(at + marker.size(), 2) == "OK";
    }
}

Pass rawPass(DovecotTestbed &dovecot, ImapSecurity security)
{
    Pass p;
    const ImapEndpoint e = dovecot.endpoint(security);
    QSslSocket s;
    QElapsedTimer clock;
    clock.start();
    if (security == ImapSecurity::Imaps) {
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.addCaCertificates(QSslCertificate::fromPath(e.caFile));
        s.setSslConfiguration(config);
        s.connectToHostEncrypted(e.host, e.port);
        if (!s.waitForEncrypted(kIoWaitMs))
            return p;
    } else {
        s.connectToHost(e.host, e.port);
        if (!s.waitForConnected(kIoWaitMs))
            return p;
    }
    qint64 ignored = 0;
    if (!s.waitForReadyRead(kIoWaitMs))
        return p;
    s.readAll();
    const QByteArray password = dovecot.password();
    s.write("L LOGIN " + dovecot.user().toUtf8() + " {" + QByteArray::number(password.size()) + "+}\r\n" + password +
            "\r\n");
    if (!readUntilTagged(s, "L", &ignored))
        return p;
    int n = 0;
    for (const GeneratedFolder &f : MaildirGenerator::folders()) {
        const QByteArray examine = 'E' + QByteArray::number(++n);
        s.write(examine + " EXAMINE " + mailboxName(f.name) + "\r\n");
        if (!readUntilTagged(s, examine, &ignored))
            return p;
        const QByteArray fetch = 'F' + QByteArray::number(n);
        s.write(fetch + " UID FETCH 1:* (BODY.PEEK[])\r\n");
        if (!readUntilTagged(s, fetch, &p.bytes))
            return p;
    }
    p.seconds = double(clock.nsecsElapsed()) / 1e9;
    p.ok = true;
    return p;
}

template <typename Result, typename Command> std::optional<Result> await(ImapConnection &connection, Command *command)
{
    std::optional<Result> result;
    QEventLoop loop;
    QObject::connect(command, &Command::finished, &loop, [&](const Result &r) {
        result = r;
        loop.quit();
    });
    connection.send(command);
    loop.exec();
    return result;
}

Pass clientPass(DovecotTestbed &dovecot, ImapSecurity security, qsizetype batch, int window)
{
    Pass p;
    QElapsedTimer clock;
    clock.start();
    ImapSession session(dovecot.endpoint(security), {ImapAuthMethod::Password, dovecot.user(), dovecot.password()});
    {
        QEventLoop loop;
        bool opened = false;
        QObject::connect(&session, &ImapSession::opened, &loop, [&](const ImapOpenResult &r) {
            opened = r.failure.ok();
            loop.quit();
        });
        session.open();
        loop.exec();
        if (!opened)
            return p;
    }
    ImapConnection &connection = session.connection();
    for (const GeneratedFolder &f : MaildirGenerator::folders()) {
        const auto examined = await<ImapExamineResult>(connection, new ExamineCommand(encodeModifiedUtf7(f.name)));
        const auto search = await<ImapSearchResult>(connection, new UidSearchCommand);
        if (!examined || examined->failure || !search || search->failure)
            return p;
        const QList<QList<ImapUidRange>> batches = uidBatches(search->uids, batch);
        qsizetype next = 0;
        qsizetype done = 0;
        bool failed = false;
        QEventLoop loop;
        std::function<void()> sendNext = [&] {
            auto *fetch = new UidFetchCommand(batches.at(next++));
            QObject::connect(fetch, &UidFetchCommand::messageFetched, &loop, [&p](const ImapFetchedMessage &m) {
                ++p.messages;
                p.bytes += m.raw.size();
            });
            QObject::connect(fetch, &UidFetchCommand::finished, &loop, [&](const ImapFetchResult &r) {
                failed = failed || r.failure;
                if (++done == batches.size())
                    loop.quit();
                else if (next < batches.size())
                    sendNext();
            });
            connection.send(fetch);
        };
        if (batches.isEmpty())
            continue;
        while (next < batches.size() && next < window)
            sendNext();
        loop.exec();
        if (failed)
            return p;
    }
    p.seconds = double(clock.nsecsElapsed()) / 1e9;
    p.ok = true;
    return p;
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

QByteArray peakRss()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return "?";
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).simplified();
    return "?";
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser cli;
    cli.addOptions({{"messages", "messages to generate", "N", "10000"},
                    {"rounds", "rounds of every mode", "R", "3"},
                    {"batch", "UIDs per UID FETCH", "B", "500"},
                    {"window", "UID FETCH commands in flight", "W", "4"}});
    cli.process(app);
    const int messages = cli.value("messages").toInt();
    const int rounds = cli.value("rounds").toInt();
    const qsizetype batch = cli.value("batch").toLongLong();
    const int window = cli.value("window").toInt();

    DovecotTestbed dovecot;
    QString error;
    if (!dovecot.start(&error)) {
        std::fprintf(stderr, "bench_imapfetch: %s\n", qPrintable(error));
        return 1;
    }
    MaildirOptions mail;
    mail.root = dovecot.mailRoot();
    mail.messages = messages;
    mail.uid = dovecot.mailUid();
    mail.gid = dovecot.mailGid();
    QList<GeneratedMessage> generated;
    QElapsedTimer clock;
    clock.start();
    if (!MaildirGenerator::generate(mail, &generated, &error)) {
        std::fprintf(stderr, "bench_imapfetch: %s\n", qPrintable(error));
        return 1;
    }
    qint64 fileBytes = 0;
    for (const GeneratedMessage &m : std::as_const(generated))
        fileBytes += m.size;
    std::fprintf(stderr, "generated %d messages, %.1f MB, in %.1f s\n", messages, double(fileBytes) / 1e6,
                 double(clock.elapsed()) / 1000.0);
    // Dovecot builds its index and cache files on the first full read: that is not what is measured.
    if (!clientPass(dovecot, ImapSecurity::Plain, batch, window).ok) {
        std::fprintf(stderr, "bench_imapfetch: the warm-up pass failed\n");
        return 1;
    }

    struct Mode
    {
        const char *name;
        ImapSecurity security;
        bool client;
        QList<double> seconds;
        qint64 messages = 0;
        qint64 bytes = 0;
    };
    Mode modes[] = {{"physical limit, plaintext", ImapSecurity::Plain, false, {}},
                    {"vaulttray client, plaintext", ImapSecurity::Plain, true, {}},
                    {"physical limit, IMAPS", ImapSecurity::Imaps, false, {}},
                    {"vaulttray client, IMAPS", ImapSecurity::Imaps, true, {}}};
    for (int r = 0; r < rounds; ++r) {
        for (Mode &m : modes) {
            const Pass p = m.client ? clientPass(dovecot, m.security, batch, window) : rawPass(dovecot, m.security);
            if (!p.ok) {
                std::fprintf(stderr, "bench_imapfetch: %s failed\n", m.name);
                return 1;
            }
            m.seconds << p.seconds;
            m.messages = p.messages;
            m.bytes = p.bytes;
            std::fprintf(stderr, "round %d: %s %.2f s\n", r + 1, m.name, p.seconds);
        }
    }
    std::printf("%d messages (%.1f MB as stored), 9 folders; UID FETCH batches of %lld UIDs, %d in flight; median of "
                "%d rounds\n\n",
                messages, double(fileBytes) / 1e6, static_cast<long long>(batch), window, rounds);
    std::printf("| mode | wall s | msg/s | MB/s | time vs physical limit |\n|---|---|---|---|---|\n");
    for (const Mode &m : modes) {
        const double s = median(m.seconds);
        const Mode &limit = m.security == ImapSecurity::Plain ? modes[0] : modes[2];
        std::printf("| %s | %.2f | %.0f | %.0f | %.2f |\n", m.name, s, double(messages) / s, double(m.bytes) / 1e6 / s,
                    s / median(limit.seconds));
        if (m.client && m.messages != messages) {
            std::fprintf(stderr, "bench_imapfetch: %s fetched %lld of %d messages\n", m.name,
                         static_cast<long long>(m.messages), messages);
            return 1;
        }
    }
    std::printf("\npeak RSS of the process (generator, reader and client together): %s\n", peakRss().constData());
    return 0;
}
