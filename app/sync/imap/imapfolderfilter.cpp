#include "sync/imap/imapfolderfilter.h"

namespace vaulttray {

namespace {
QString canonical(const QString &folder)
{
    // INBOX is case-insensitive; every other name is the server's.
    if (folder.compare(QLatin1String("INBOX"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("INBOX");
    if (folder.startsWith(QLatin1String("INBOX/"), Qt::CaseInsensitive))
        return QStringLiteral("INBOX") + folder.mid(5);
    return folder;
}
} // namespace

ImapFolderFilter::ImapFolderFilter(const QStringList &include, const QStringList &exclude)
{
    for (const QString &glob : include)
        m_include << compile(glob);
    for (const QString &glob : exclude)
        m_exclude << compile(glob);
}

QRegularExpression ImapFolderFilter::compile(const QString &glob)
{
    QString pattern;
    for (const QChar c : canonical(glob)) {
        if (c == QLatin1Char('*'))
            pattern += QStringLiteral(".*");
        else if (c == QLatin1Char('?'))
            pattern += QLatin1Char('.');
        else
            pattern += QRegularExpression::escape(QString(c));
    }
    return QRegularExpression(QRegularExpression::anchoredPattern(pattern));
}

bool ImapFolderFilter::matchesAny(const QList<QRegularExpression> &globs, const QString &folder)
{
    for (const QRegularExpression &glob : globs)
        if (glob.match(folder).hasMatch())
            return true;
    return false;
}

bool ImapFolderFilter::accepts(const QString &folder) const
{
    const QString name = canonical(folder);
    if (!m_include.isEmpty() && !matchesAny(m_include, name))
        return false;
    return !matchesAny(m_exclude, name);
}

} // namespace vaulttray
