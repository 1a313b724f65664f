#include "sync/import/maildirwalker.h"

#include "net/imap/mutf7.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <utility>

namespace vaulttray {

namespace {
const QString kSubdirs[] = {QStringLiteral("cur"), QStringLiteral("new")};
constexpr int kSubdirCount = 2;
const QString kInbox = QStringLiteral("INBOX");

QStringList messageFiles(const QString &dir)
{
    // Hidden files (".dovecot.lock" and the like) are left out, as Maildir readers do.
    return QDir(dir).entryList(QDir::Files, QDir::Name);
}

bool listable(const QString &dir)
{
    const QFileInfo info(dir);
    return info.isDir() && info.isReadable() && info.isExecutable();
}
} // namespace

MaildirWalker::MaildirWalker(QString root) : m_root(std::move(root)) {}

bool MaildirWalker::isMaildir(const QString &path)
{
    const QDir dir(path);
    return QFileInfo(dir.filePath(kSubdirs[0])).isDir() && QFileInfo(dir.filePath(kSubdirs[1])).isDir();
}

QString MaildirWalker::folderName(const QString &maildirPlusPlusName)
{
    const QString name =
        maildirPlusPlusName.startsWith(QLatin1Char('.')) ? maildirPlusPlusName.mid(1) : maildirPlusPlusName;
    QStringList levels;
    for (const QString &level : name.split(QLatin1Char('.')))
        levels << decodeMailboxName(level.toUtf8());
    return levels.join(QLatin1Char('/'));
}

QString MaildirWalker::flagsFromFileName(const QString &fileName)
{
    static const std::pair<QChar, QString> kFlags[] = {
        {QLatin1Char('D'), QStringLiteral("\\Draft")},    {QLatin1Char('F'), QStringLiteral("\\Flagged")},
        {QLatin1Char('P'), QStringLiteral("$Forwarded")}, {QLatin1Char('R'), QStringLiteral("\\Answered")},
        {QLatin1Char('S'), QStringLiteral("\\Seen")},     {QLatin1Char('T'), QStringLiteral("\\Deleted")},
    };
    const qsizetype info = fileName.lastIndexOf(QLatin1String(":2,"));
    if (info < 0)
        return {};
    const QStringView letters = QStringView(fileName).mid(info + 3);
    QStringList flags;
    for (const auto &[letter, flag] : kFlags)
        if (letters.contains(letter))
            flags << flag;
    return flags.join(QLatin1Char(' '));
}

void MaildirWalker::scan()
{
    m_folders = {Folder{kInbox, m_root}};
    const QDir root(m_root);
    QList<Folder> subfolders;
    for (const QString &entry : root.entryList(QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name)) {
        if (entry.startsWith(QLatin1Char('.')) && isMaildir(root.filePath(entry)))
            subfolders << Folder{folderName(entry), root.filePath(entry)};
    }
    std::sort(subfolders.begin(), subfolders.end(), [](const Folder &a, const Folder &b) { return a.name < b.name; });
    m_folders += subfolders;
    m_fileCount = 0;
    m_unreadable.clear();
    for (const Folder &folder : std::as_const(m_folders)) {
        for (const QString &subdir : kSubdirs) {
            const QString dir = QDir(folder.path).filePath(subdir);
            if (listable(dir))
                m_fileCount += messageFiles(dir).size();
            else
                m_unreadable << dir;
        }
    }
    m_folderIndex = m_subdirIndex = m_fileIndex = 0;
    m_listed = false;
}

QStringList MaildirWalker::folders() const
{
    QStringList names;
    for (const Folder &folder : m_folders)
        names << folder.name;
    return names;
}

bool MaildirWalker::next(MaildirEntry *entry)
{
    while (m_folderIndex < m_folders.size()) {
        const Folder &folder = m_folders.at(m_folderIndex);
        const QString dir = QDir(folder.path).filePath(kSubdirs[m_subdirIndex]);
        if (!m_listed) {
            m_files = messageFiles(dir);
            m_fileIndex = 0;
            m_listed = true;
        }
        if (m_fileIndex < m_files.size()) {
            const QString &name = m_files.at(m_fileIndex++);
            const QString path = QDir(dir).filePath(name);
            *entry = MaildirEntry{path, folder.name, flagsFromFileName(name), QFileInfo(path).lastModified().toUTC()};
            return true;
        }
        m_listed = false;
        m_files.clear();
        if (++m_subdirIndex == kSubdirCount) {
            m_subdirIndex = 0;
            ++m_folderIndex;
        }
    }
    return false;
}

} // namespace vaulttray
