#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace vaulttray {

struct MaildirEntry
{
    QString path;
    QString folder;     // "INBOX" for the Maildir itself, else the Maildir++ folder's name with "/" between levels
    QString flags;      // IMAP flags from the file name's ":2," info, e.g. "\\Flagged \\Seen"
    QDateTime modified; // the file's modification time, which Maildir tools keep as the arrival time
};

// Walks a Maildir (cur/ and new/; tmp/ holds deliveries in progress and is left alone) and its Maildir++ subfolders
// (".Archive.2023" is "Archive/2023"; names in IMAP's modified UTF-7, ".Re&AOc-us" is "Reçus"). Folders come in name
// order with INBOX first, and each folder's files in name order, cur/ before new/; one folder's file names are
// listed at a time.
class MaildirWalker
{
public:
    explicit MaildirWalker(QString root);

    // A folder with cur/ and new/ folders in it.
    static bool isMaildir(const QString &path);
    // ".Archive.2023" -> "Archive/2023"; a level that is not valid modified UTF-7 is taken as UTF-8.
    static QString folderName(const QString &maildirPlusPlusName);
    // "1700000000.M1P2.host,S=1234:2,FRS" -> "\\Flagged \\Answered \\Seen" (D Draft, F Flagged, P $Forwarded,
    // R Answered, S Seen, T Deleted); no info, no flags.
    static QString flagsFromFileName(const QString &fileName);

    // Lists the folders and counts their messages. Folders that cannot be listed are named in unreadableFolders().
    void scan();
    QStringList folders() const;
    QStringList unreadableFolders() const { return m_unreadable; }
    qint64 fileCount() const { return m_fileCount; }
    // The next message file; false after the last.
    bool next(MaildirEntry *entry);

private:
    struct Folder
    {
        QString name;
        QString path;
    };

    QString m_root;
    QList<Folder> m_folders;
    QStringList m_unreadable;
    qint64 m_fileCount = 0;
    int m_folderIndex = 0;
    int m_subdirIndex = 0;
    QStringList m_files;
    bool m_listed = false;
    int m_fileIndex = 0;
};

} // namespace vaulttray
