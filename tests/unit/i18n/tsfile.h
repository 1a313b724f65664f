#pragma once

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace vaulttray::test {

// One <message> of a Qt Linguist .ts file.
struct TsMessage
{
    QString context;
    QString source;
    QString type; // the translation's type: empty (finished), "unfinished", "obsolete" or "vanished"
    bool numerus = false;
    QStringList translations; // one, or one per plural form

    QString key() const { return context + QLatin1Char('\x1f') + source; }
};

struct TsFile
{
    QString language; // the TS element's language attribute, e.g. "de_DE"
    QList<TsMessage> messages;
    QString error; // why the file could not be read; empty when it could

    static TsFile read(const QString &path);
    QSet<QString> keys() const;
};

// What is wrong with a translation, one line per problem, each naming the message; empty when nothing is.
// `used` holds the keys of the texts the sources have now (from lupdate over them). For a complete translation
// (German, French) every used message must be finished, non-empty and keep its source's placeholders; the English
// file only needs the plural forms of its %n texts. Every file must hold exactly the used texts.
QStringList translationProblems(const TsFile &file, const QSet<QString> &used, bool complete);

// The placeholders of a text, sorted: %1..%99, %n and their %L forms.
QStringList placeholders(const QString &text);

} // namespace vaulttray::test
