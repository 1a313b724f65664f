#include "generatedarchive.h"

#include "store/archive.h"
#include "store/archivewriter.h"
#include "sync/messagerecord.h"

namespace vaulttray::testsupport {

namespace {
constexpr int kSenders = 50;
constexpr int kBatch = 500;
const QDateTime kFirst(QDate(2023, 1, 1), QTime(8, 0), Qt::UTC);
} // namespace

QString GeneratedArchive::topic(int n)
{
    static const QStringList topics{QStringLiteral("alpha"), QStringLiteral("budget"), QStringLiteral("garden"),
                                    QStringLiteral("harbour")};
    return topics.at(n % topics.size());
}

QDateTime GeneratedArchive::dateOf(int n)
{
    return kFirst.addSecs(qint64(n) * 3600);
}

QByteArray GeneratedArchive::rawMessage(int n)
{
    const QByteArray date = dateOf(n).toString(Qt::RFC2822Date).toLatin1();
    QByteArray head = "From: Sender " + QByteArray::number(n % kSenders) + " <sender" +
                      QByteArray::number(n % kSenders) + "@example.org>\r\nTo: me@example.org\r\nSubject: Report " +
                      QByteArray::number(n) + " about " + topic(n).toLatin1() + "\r\nDate: " + date +
                      "\r\nMessage-ID: <gen" + QByteArray::number(n) + "@example.org>\r\nMIME-Version: 1.0\r\n";
    const QByteArray text = "Hello,\r\n\r\nthe numbers for caf\xc3\xa9 " + QByteArray::number(n) +
                            " are in.\r\nRegards\r\n";
    if (n % 10 != 0)
        return head + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + text;
    return head + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n"
                  "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" +
           text + "--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"data" +
           QByteArray::number(n) + ".bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\nAAECAwQFBgc=\r\n--b--\r\n";
}

QString GeneratedArchive::write(const QString &path, int count)
{
    if (const StoreError e = Archive::prepare(path))
        return e.message;
    ArchiveWriter writer(path);
    if (const StoreError e = writer.start())
        return e.message;
    qint64 account = 0;
    if (const StoreError e = writer.addAccount(
            AccountRecord{0, QStringLiteral("work"), QStringLiteral("imap"), QStringLiteral("me@example.org"), "{}",
                          kFirst},
            &account))
        return e.message;
    for (int first = 0; first < count; first += kBatch) {
        WriteBatch b;
        b.accountId = account;
        b.at = kFirst;
        b.folders << FolderRecord{QStringLiteral("INBOX"), QStringLiteral("Inbox"), false, {}};
        for (int n = first; n < qMin(count, first + kBatch); ++n) {
            const QByteArray raw = rawMessage(n);
            MessageOrigin origin;
            origin.providerId = contentKey(QStringLiteral("gen%1@example.org").arg(n), raw);
            origin.internalDate = dateOf(n);
            origin.labels << QStringLiteral("INBOX");
            b.messages << buildMessageRecord(raw, origin);
        }
        if (const BatchResult r = writer.commit(b); r.error)
            return r.error.message;
    }
    return QString();
}

} // namespace vaulttray::testsupport
