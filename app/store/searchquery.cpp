#include "store/searchquery.h"

#include <QCoreApplication>
#include <QDateTime>

namespace vaulttray {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SearchQuery", text);
}

struct Token
{
    QString op; // lower-case operator name, or empty for a plain word
    QString value;
    bool quoted = false;
};

// Splits on white space; "quoted text" stays one token, also as an operator's value (subject:"a b").
bool tokenize(const QString &text, QList<Token> *tokens, QString *error)
{
    int i = 0;
    const int n = int(text.size());
    while (i < n) {
        if (text.at(i).isSpace()) {
            ++i;
            continue;
        }
        Token t;
        QString raw;
        while (i < n && !text.at(i).isSpace() && text.at(i) != QLatin1Char('"'))
            raw += text.at(i++);
        const int colon = int(raw.indexOf(QLatin1Char(':')));
        bool letters = colon > 0;
        for (int k = 0; k < colon && letters; ++k)
            letters = raw.at(k).isLetter() && raw.at(k).unicode() < 128;
        if (letters) {
            t.op = raw.left(colon).toLower();
            raw = raw.mid(colon + 1);
        }
        if (i < n && text.at(i) == QLatin1Char('"') && raw.isEmpty()) {
            const int close = int(text.indexOf(QLatin1Char('"'), i + 1));
            if (close < 0) {
                *error = tr("A quote is not closed.");
                return false;
            }
            t.value = text.mid(i + 1, close - i - 1);
            t.quoted = true;
            i = close + 1;
        } else {
            // A quote inside a word (ab"c) is part of the word.
            while (i < n && !text.at(i).isSpace())
                raw += text.at(i++);
            t.value = raw;
        }
        if (!t.op.isEmpty() && t.value.trimmed().isEmpty()) {
            *error = tr("%1: needs something after the colon.").arg(t.op);
            return false;
        }
        tokens->append(t);
    }
    return true;
}

bool hasWordCharacter(const QString &s)
{
    for (const QChar c : s) {
        if (c.isLetterOrNumber())
            return true;
    }
    return false;
}

QString quotedFts(const QString &value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

// A term for FTS5: "quoted", with a trailing * (outside the quotes) for a prefix search.
QString ftsTerm(QString value)
{
    const bool prefix = value.endsWith(QLatin1Char('*'));
    while (value.endsWith(QLatin1Char('*')))
        value.chop(1);
    return quotedFts(value) + (prefix ? QStringLiteral("*") : QString());
}

QString likePattern(const QString &value)
{
    QString escaped;
    for (const QChar c : value) {
        if (c == QLatin1Char('\\') || c == QLatin1Char('%') || c == QLatin1Char('_'))
            escaped += QLatin1Char('\\');
        escaped += c;
    }
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

QDate parseDay(const QString &value)
{
    for (const QString &format : {QStringLiteral("yyyy-MM-dd"), QStringLiteral("yyyy/MM/dd")}) {
        const QDate d = QDate::fromString(value, format);
        if (d.isValid())
            return d;
    }
    return {};
}

qint64 startOfDay(const QDate &day, const QTimeZone &zone)
{
    return QDateTime(day, QTime(0, 0), zone).toMSecsSinceEpoch();
}

} // namespace

SearchQuery SearchQuery::parse(const QString &text)
{
    SearchQuery q;
    QList<Token> tokens;
    if (!tokenize(text, &tokens, &q.m_error))
        return q;
    auto fail = [&q](const QString &why) {
        q.m_error = why;
        return q;
    };
    for (const Token &t : tokens) {
        if (t.op.isEmpty()) {
            if (hasWordCharacter(t.value))
                q.m_words << t.value;
            continue;
        }
        if (t.op == QLatin1String("from")) {
            q.m_from << t.value;
        } else if (t.op == QLatin1String("to")) {
            q.m_to << t.value;
        } else if (t.op == QLatin1String("subject")) {
            if (hasWordCharacter(t.value))
                q.m_subjectWords << t.value;
        } else if (t.op == QLatin1String("has")) {
            const QString v = t.value.toLower();
            if (v != QLatin1String("attachment") && v != QLatin1String("attachments"))
                return fail(tr("has: only knows has:attachment."));
            q.m_hasAttachment = true;
        } else if (t.op == QLatin1String("after") || t.op == QLatin1String("before")) {
            const QDate day = parseDay(t.value);
            if (!day.isValid())
                return fail(tr("%1: needs a date such as 2024-05-31.").arg(t.op));
            (t.op == QLatin1String("after") ? q.m_after : q.m_before) = day;
        } else if (t.op == QLatin1String("account") || t.op == QLatin1String("label")) {
            QString &target = t.op == QLatin1String("account") ? q.m_account : q.m_label;
            if (!target.isEmpty())
                return fail(tr("Only one %1: per search.").arg(t.op));
            target = t.value;
        } else {
            return fail(
                tr("Unknown search operator %1: (known: from, to, subject, has, after, before, account, label). "
                   "Put text with a colon in quotes.")
                    .arg(t.op));
        }
    }
    if (q.m_after.isValid() && q.m_before.isValid() && q.m_after >= q.m_before)
        return fail(tr("after:%1 is not earlier than before:%2, so nothing can match.")
                        .arg(q.m_after.toString(Qt::ISODate), q.m_before.toString(Qt::ISODate)));
    if (q.m_words.isEmpty() && q.m_subjectWords.isEmpty() && q.m_from.isEmpty() && q.m_to.isEmpty() &&
        !q.m_hasAttachment && !q.m_after.isValid() && !q.m_before.isValid() && q.m_account.isEmpty() &&
        q.m_label.isEmpty())
        return fail(tr("Nothing to search for."));
    return q;
}

QString SearchQuery::ftsExpression() const
{
    QStringList terms;
    for (const QString &w : m_words)
        terms << ftsTerm(w);
    for (const QString &w : m_subjectWords)
        terms << QStringLiteral("subject : ") + ftsTerm(w);
    return terms.join(QLatin1Char(' '));
}

SearchQuery::Sql SearchQuery::toSql(int limit, const QTimeZone &zone) const
{
    Sql sql;
    const QString fts = ftsExpression();
    QStringList where;
    QString from;
    QString snippet;
    if (!fts.isEmpty()) {
        // snippet() needs the FTS table in the FROM clause; column 2 is the body.
        from = QStringLiteral("messages_fts JOIN messages m ON m.id = messages_fts.rowid");
        snippet = QStringLiteral("snippet(messages_fts, 2, '[', ']', '…', 12)");
        where << QStringLiteral("messages_fts MATCH ?");
        sql.bindings << fts;
    } else {
        from = QStringLiteral("messages m");
        snippet = QStringLiteral("coalesce(m.snippet, '')");
    }
    from += QStringLiteral(" JOIN accounts a ON a.id = m.account_id");
    for (const QString &f : m_from) {
        where << QStringLiteral("m.from_addr LIKE ? ESCAPE '\\'");
        sql.bindings << likePattern(f);
    }
    for (const QString &t : m_to) {
        where << QStringLiteral("(m.to_addr LIKE ? ESCAPE '\\' OR m.cc_addr LIKE ? ESCAPE '\\')");
        sql.bindings << likePattern(t) << likePattern(t);
    }
    if (m_hasAttachment)
        where << QStringLiteral("m.has_attachments = 1");
    const QString date = QStringLiteral("coalesce(m.internal_date, m.sent_date)");
    if (m_after.isValid()) {
        where << date + QStringLiteral(" >= ?");
        sql.bindings << startOfDay(m_after, zone);
    }
    if (m_before.isValid()) {
        where << date + QStringLiteral(" < ?");
        sql.bindings << startOfDay(m_before, zone);
    }
    if (!m_account.isEmpty()) {
        where << QStringLiteral("a.name = ?");
        sql.bindings << m_account;
    }
    if (!m_label.isEmpty()) {
        where << QStringLiteral(
            "EXISTS (SELECT 1 FROM message_labels l JOIN folders f ON f.id = l.folder_id "
            "WHERE l.message_id = m.id AND (f.name = ? COLLATE NOCASE OR f.remote_id = ? COLLATE NOCASE))");
        sql.bindings << m_label << m_label;
    }
    sql.statement = QStringLiteral("SELECT m.id, a.name, m.subject, m.from_addr, %1, m.has_attachments, "
                                   "m.deleted_at IS NOT NULL, %2 FROM %3")
                        .arg(date, snippet, from);
    if (!where.isEmpty())
        sql.statement += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql.statement += QStringLiteral(" ORDER BY %1 DESC, m.id DESC LIMIT ?").arg(date);
    sql.bindings << limit;
    return sql;
}

} // namespace vaulttray
