#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace vaulttray {
class ArchiveReader;
}

namespace vaulttray::test {

// One message of a generated corpus as the archive should hold it (tests/data/mailcorpus.py's manifest).
struct CorpusMessage
{
    QByteArray sha256; // hex, of the exact bytes
    qint64 size = 0;
    QString messageId;
    QStringList folders; // sorted
    QString flags;
    qint64 offset = -1;        // mbox: where its From line starts
    bool truncated = false;    // mbox: cut short by the end of the file
    qint64 internalDateMs = 0; // Maildir: the file's modification time
    QStringList files;         // Maildir: paths relative to the root
};

struct Corpus
{
    QList<CorpusMessage> messages;
    qint64 bytes = 0;
    QString error; // empty when the generator succeeded

    QHash<QByteArray, CorpusMessage> bySha256() const;
};

struct MboxOptions
{
    bool lf = false;
    bool truncateLast = false;
};

// Runs tests/data/mailcorpus.py (found through $VAULTTRAY_TEST_DATA) with /usr/bin/python3.
Corpus writeMboxCorpus(const QString &path, int messages, int seed, MboxOptions options = {});
Corpus writeMaildirCorpus(const QString &root, int messages, int seed);

// Runs tests/gmail-server/takeout_export.py: the Takeout mbox of the mailbox gmail_fake.py serves for the same
// (messages, seed, email); oldest < 0 exports every message. The ids (hex) of what it exported, oldest first.
struct TakeoutExport
{
    QStringList ids;
    QString error;
};
TakeoutExport writeTakeout(const QString &path, int messages, int seed, const QString &email, int oldest = -1);

// A message as the archive holds it.
struct ArchivedMessage
{
    QString providerId;
    QString threadId;
    QString messageId;
    QString flags;
    qint64 internalDateMs = 0;
    QByteArray raw;
    QByteArray sha256;  // hex, of raw
    QStringList labels; // folder remote ids, sorted
};
QList<ArchivedMessage> archivedMessages(ArchiveReader &reader, qint64 accountId);

} // namespace vaulttray::test
