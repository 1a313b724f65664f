#include "store/searchquery.h"

#include <QDate>

namespace vaulttray {

namespace {
const QStringList kOperators{QStringLiteral("from"),  QStringLiteral("to"),    QStringLiteral("subject"),
                             QStringLiteral("after"), QStringLiteral("before"), QStringLiteral("on"),
                             QStringLiteral("has"),   QStringLiteral("account"), QStringLiteral("label")};

struct Token
{
    QString op; // empty for free text
    QString value;
    bool quoted = false;
};

// Reads up to the closing quote; an unbalanced quote runs to the end of the text.
QString readQuoted(const QString &text, qsizetype *pos)
{
    const qsizetype start = ++*pos;
    qsizetype end = text.indexOf(QLatin1Char('"'), start);
    if (end < 0)
        end = text.size();
    *pos = qMin(end + 1, text.size());
    return text.mid(start, end - start);
}

QList<Token> tokenize(const QString &text)
{
    QList<Token> tokens;
    qsizetype pos = 0;
    while (pos < text.size()) {
        if (text.at(pos).isSpace()) {
            ++pos;
            continue;
        }
        if (text.at(pos) == QLatin1Char('"')) {
            tokens << Token{QString(), readQuoted(text, &pos), true};
            continue;
        }
        qsizetype end = pos;
        while (end < text.size() && !text.at(end).isSpace())
            ++end;
        const QString word = text.mid(pos, end - pos);
        const qsizetype colon = word.indexOf(QLatin1Char(':'));
        const QString op = colon > 0 ? word.left(colon).toLower() : QString();
        if (!kOperators.contains(op)) {
            tokens << Token{QString(), word, false};
            pos = end;
            continue;
        }
        pos += colon + 1;
        if (pos < text.size() && text.at(pos) == QLatin1Char('"')) {
            tokens << Token{op, readQuoted(text, &pos), true};
        } else {
            tokens << Token{op, text.mid(pos, end - pos), false};
            pos = end;
        }
    }
    return tokens;
}

bool hasSearchableText(const QString &s)
{
    for (const QChar c : s)
        if (c.isLetterOrNumber())
            return true;
    return false;
}

// An FTS5 string: double quotes inside are doubled, so nothing in it is syntax.
QString ftsString(const QString &s)
{
    QString quoted = s;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString likePattern(const QString &s)
{
    QString escaped = s;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('%'), QLatin1String("\\%"));
    escaped.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

std::optional<QDate> dayOf(const QString &value)
{
    const QDate d = QDate::fromString(value, Qt::ISODate);
    if (!d.isValid())
        return std::nullopt;
    return d;
}

qint64 startOfDay(const QDate &day, const QTimeZone &zone)
{
    return day.startOfDay(zone).toMSecsSinceEpoch();
}
} // namespace

SearchQuery SearchQuery::parse(const QString &text, const QTimeZone &zone)
{
    SearchQuery query;
    for (const Token &t : tokenize(text)) {
        if (t.op.isEmpty())
            query.addWords(QString(), t.value, t.quoted);
        else
            query.addTerm(t.op, t.value, t.quoted, zone);
    }
    return query;
}

QString SearchQuery::whereSql() const
{
    return m_conditions.isEmpty() ? QStringLiteral("1") : m_conditions.join(QLatin1String(" AND "));
}

void SearchQuery::addWords(const QString &column, const QString &value, bool quoted)
{
    if (!hasSearchableText(value))
        return;
    QString term;
    // A trailing '*' on a word asks for a prefix search; it stays outside the quotes.
    if (!quoted && value.size() > 1 && value.endsWith(QLatin1Char('*')) && hasSearchableText(value.chopped(1)))
        term = ftsString(value.chopped(1)) + QLatin1Char('*');
    else
        term = ftsString(value);
    if (!column.isEmpty())
        term = column + QLatin1String(" : ") + term;
    if (!m_fts.isEmpty())
        m_fts += QLatin1Char(' ');
    m_fts += term;
}

void SearchQuery::addCondition(const QString &sql, const QVariantList &values)
{
    m_conditions << sql;
    m_values << values;
}

void SearchQuery::addTerm(const QString &op, const QString &value, bool quoted, const QTimeZone &zone)
{
    const QString typed = op + QLatin1Char(':') + (quoted ? ftsString(value) : value);
    if (value.trimmed().isEmpty()) {
        m_problems << Problem{Problem::Kind::MissingValue, typed};
        return;
    }
    if (op == QLatin1String("subject")) {
        addWords(QStringLiteral("subject"), value, quoted);
    } else if (op == QLatin1String("from")) {
        addCondition(QStringLiteral("m.from_addr LIKE ? ESCAPE '\\'"), {likePattern(value)});
    } else if (op == QLatin1String("to")) {
        addCondition(QStringLiteral("(m.to_addr LIKE ? ESCAPE '\\' OR m.cc_addr LIKE ? ESCAPE '\\')"),
                     {likePattern(value), likePattern(value)});
    } else if (op == QLatin1String("after") || op == QLatin1String("before") || op == QLatin1String("on")) {
        const std::optional<QDate> day = dayOf(value);
        if (!day) {
            m_problems << Problem{Problem::Kind::BadDate, typed};
            return;
        }
        if (op == QLatin1String("after"))
            addCondition(QStringLiteral("m.internal_date >= ?"), {startOfDay(*day, zone)});
        else if (op == QLatin1String("before"))
            addCondition(QStringLiteral("m.internal_date < ?"), {startOfDay(*day, zone)});
        else
            addCondition(QStringLiteral("m.internal_date >= ? AND m.internal_date < ?"),
                         {startOfDay(*day, zone), startOfDay(day->addDays(1), zone)});
    } else if (op == QLatin1String("has")) {
        const QString what = value.toLower();
        if (what == QLatin1String("attachment") || what == QLatin1String("attachments"))
            addCondition(QStringLiteral("m.has_attachments = 1"), {});
        else
            m_problems << Problem{Problem::Kind::UnknownHas, typed};
    } else if (op == QLatin1String("account")) {
        addCondition(QStringLiteral("m.account_id IN (SELECT id FROM accounts WHERE name = ?)"), {value});
    } else if (op == QLatin1String("label")) {
        addCondition(QStringLiteral("EXISTS (SELECT 1 FROM message_labels l JOIN folders f ON f.id = l.folder_id "
                                    "WHERE l.message_id = m.id AND (f.remote_id = ? COLLATE NOCASE "
                                    "OR f.name = ? COLLATE NOCASE))"),
                     {value, value});
    }
}

} // namespace vaulttray
