#pragma once

#include <QDate>
#include <QString>
#include <QStringList>
#include <QTimeZone>
#include <QVariantList>

namespace vaulttray {

// What a person types into a search box or `vaulttray search`, understood: free words and "quoted phrases"
// (full-text, prefix with a trailing *), and the operators
//   from:  to:  (a part of an address or name; to: also looks at Cc)   subject:WORD
//   has:attachment   after:YYYY-MM-DD (that day included)   before:YYYY-MM-DD (that day excluded)
//   account:NAME   label:NAME (a Gmail label or an IMAP folder, by its name or id)
// Everything is ANDed. An operator's value may be quoted: subject:"annual report". Pure: no database here;
// ArchiveReader::find() runs the SQL that toSql() builds.
class SearchQuery
{
public:
    static SearchQuery parse(const QString &text);

    // Empty when the text was understood; otherwise a sentence for the person.
    QString error() const { return m_error; }
    bool isValid() const { return m_error.isEmpty(); }

    QStringList words() const { return m_words; }
    QStringList subjectWords() const { return m_subjectWords; }
    QStringList from() const { return m_from; }
    QStringList to() const { return m_to; }
    bool hasAttachment() const { return m_hasAttachment; }
    QDate after() const { return m_after; }
    QDate before() const { return m_before; }
    QString account() const { return m_account; }
    QString label() const { return m_label; }

    // The FTS5 MATCH expression for the text terms (every term quoted, so nothing the person types is FTS5
    // syntax); empty when the query has no text terms.
    QString ftsExpression() const;

    struct Sql
    {
        QString statement;
        QVariantList bindings;
    };
    // One SELECT over messages (m) and accounts (a), newest first; the columns are those SearchHit reads
    // (see ArchiveReader::find). Dates are days in `zone`.
    Sql toSql(int limit, const QTimeZone &zone) const;

private:
    QString m_error;
    QStringList m_words;
    QStringList m_subjectWords;
    QStringList m_from;
    QStringList m_to;
    bool m_hasAttachment = false;
    QDate m_after;
    QDate m_before;
    QString m_account;
    QString m_label;
};

} // namespace vaulttray
