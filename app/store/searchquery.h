#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimeZone>
#include <QVariantList>

namespace vaulttray {

// What a person types into the search box, translated into an FTS5 MATCH expression and SQL conditions
// with bound values. Free text never reaches FTS5 as syntax: every word or "quoted phrase" becomes a quoted
// FTS5 string, so quotes, parentheses, '*', NEAR, AND/OR/NOT and unbalanced input only ever search for text.
//
// Operators: from:WHO  to:WHO (To or Cc)  subject:WORD  after:YYYY-MM-DD  before:YYYY-MM-DD  on:YYYY-MM-DD
//            has:attachment  account:NAME  label:NAME (a label's or folder's id or display name)
// A value may be quoted: subject:"quarterly report". Dates are days in the given time zone; after: includes
// its day, before: excludes its day.
class SearchQuery
{
public:
    struct Problem
    {
        enum class Kind { BadDate, MissingValue, UnknownHas };
        Kind kind;
        QString term; // the operator and value as typed
    };

    static SearchQuery parse(const QString &text, const QTimeZone &zone = QTimeZone::systemTimeZone());

    // Empty when the query names no words (then only the SQL conditions select).
    const QString &ftsMatch() const { return m_fts; }
    // Conditions on `messages m`, joined with AND; "1" when there are none.
    QString whereSql() const;
    const QVariantList &values() const { return m_values; }
    const QList<Problem> &problems() const { return m_problems; }
    // Nothing to search for: the person typed nothing (or only blanks).
    bool isEmpty() const { return m_fts.isEmpty() && m_conditions.isEmpty(); }

private:
    void addWords(const QString &column, const QString &value, bool quoted);
    void addCondition(const QString &sql, const QVariantList &values);
    void addTerm(const QString &op, const QString &value, bool quoted, const QTimeZone &zone);

    QString m_fts;
    QStringList m_conditions;
    QVariantList m_values;
    QList<Problem> m_problems;
};

} // namespace vaulttray
