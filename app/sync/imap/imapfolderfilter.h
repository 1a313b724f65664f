#pragma once

#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace vaulttray {

// Which folders of an account are archived: those matching an include glob (all when there is none) and no exclude
// glob. Globs match the whole decoded folder name, "/" included: "*" is any run of characters, "?" one character;
// "Lists/*" takes every folder under Lists. Names are compared case-sensitively, except INBOX (RFC 3501 §5.1).
class ImapFolderFilter
{
public:
    ImapFolderFilter() = default;
    ImapFolderFilter(const QStringList &include, const QStringList &exclude);

    bool accepts(const QString &folder) const;

private:
    static QRegularExpression compile(const QString &glob);
    static bool matchesAny(const QList<QRegularExpression> &globs, const QString &folder);

    QList<QRegularExpression> m_include;
    QList<QRegularExpression> m_exclude;
};

} // namespace vaulttray
