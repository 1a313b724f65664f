#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <sys/types.h>

namespace vaulttray::test {

// A folder of the generated mailbox: its IMAP name (separator "/") and its Maildir++ directory.
struct GeneratedFolder
{
    QString name;        // "Archive/2023", "Reçus"
    QString maildirName; // ".Archive.2023", ".Re&AOc-us"; empty for INBOX
    int weight = 0;      // share of the messages
};

struct GeneratedMessage
{
    QString folder; // IMAP name
    QString path;   // the Maildir file
    QByteArray messageId;
    QDateTime date;   // the Date header, also the file's mtime (Dovecot's INTERNALDATE)
    QByteArray flags; // Maildir info flags: "S", "FS", ""
    qint64 size = 0;  // bytes on disk (LF line ends)
};

struct MaildirOptions
{
    QString root; // the user's Maildir (mail_location = maildir:ROOT, Maildir++ layout)
    int messages = 2000;
    quint64 seed = 1;
    // Messages above this many bytes get a large attachment; the first message of INBOX is always one of them, so a
    // mailbox of any size has a literal that spans many socket reads.
    qint64 largeMessageBytes = 3 * 1024 * 1024;
    // Owner of everything written (the Dovecot mail user); -1 keeps the writer's.
    uid_t uid = uid_t(-1);
    gid_t gid = gid_t(-1);
};

// Writes a realistic mailbox straight into Maildir files, the fastest way to fill a Dovecot: deterministic for a
// seed; sizes 2 KB .. 200 KB skewed small like real mail (about 30 KB on average); a third multipart (text + HTML
// alternatives, base64 attachments); RFC 2047 non-ASCII senders and subjects, RFC 2231 non-ASCII attachment names,
// raw 8-bit UTF-8 bodies; threads (In-Reply-To/References); mailing-list headers; Maildir flags; file names with
// ,S= and ,W= so Dovecot needs no extra read. Nine folders, nested ("Archive/2023", "Lists/dev" under a \Noselect
// "Lists") and non-ASCII ("Reçus").
class MaildirGenerator
{
public:
    static QList<GeneratedFolder> folders();

    // Writes options.messages messages; false with *error when a file could not be written.
    static bool generate(const MaildirOptions &options, QList<GeneratedMessage> *out, QString *error);
    // One more message for a folder, as a delivery would add it (into new/, unseen). index makes it unique.
    static bool deliver(const MaildirOptions &options, const QString &folder, int index, GeneratedMessage *out,
                        QString *error);

    // The folder's directory under root.
    static QString folderPath(const QString &root, const QString &folder);
    // What an IMAP server sends for a Maildir file: the same bytes with CRLF line ends.
    static QByteArray toCrlf(const QByteArray &lf);
};

} // namespace vaulttray::test
