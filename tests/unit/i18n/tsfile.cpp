#include "tsfile.h"

#include <QFile>
#include <QRegularExpression>
#include <QXmlStreamReader>

namespace vaulttray::test {

namespace {
// German and French both have two plural forms in Qt's rules (French: 0 and 1 are singular).
constexpr int kPluralForms = 2;

QString shown(const TsMessage &m)
{
    QString source = m.source;
    source.replace(QLatin1Char('\n'), QLatin1String("\\n"));
    return QStringLiteral("[%1] \"%2\"").arg(m.context, source.left(60));
}
} // namespace

TsFile TsFile::read(const QString &path)
{
    TsFile file;
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly)) {
        file.error = QStringLiteral("cannot open %1: %2").arg(path, in.errorString());
        return file;
    }
    QXmlStreamReader xml(&in);
    QString context;
    TsMessage message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) {
            if (xml.isEndElement() && xml.name() == QLatin1String("message"))
                file.messages << message;
            continue;
        }
        const auto name = xml.name();
        if (name == QLatin1String("TS")) {
            file.language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            message = TsMessage{};
            message.context = context;
            message.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (name == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            message.type = xml.attributes().value(QLatin1String("type")).toString();
            if (!message.numerus)
                message.translations << xml.readElementText();
        } else if (name == QLatin1String("numerusform")) {
            message.translations << xml.readElementText();
        }
    }
    if (xml.hasError())
        file.error = QStringLiteral("%1: line %2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return file;
}

QSet<QString> TsFile::keys() const
{
    QSet<QString> keys;
    for (const TsMessage &m : messages) {
        if (m.type != QLatin1String("obsolete") && m.type != QLatin1String("vanished"))
            keys.insert(m.key());
    }
    return keys;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression placeholder(QStringLiteral("%L?(?:[1-9][0-9]?|n)"));
    QStringList found;
    for (auto it = placeholder.globalMatch(text); it.hasNext();)
        found << it.next().captured();
    found.sort();
    return found;
}

QStringList translationProblems(const TsFile &file, const QSet<QString> &used, bool complete)
{
    QStringList problems;
    if (!file.error.isEmpty())
        return {file.error};
    QSet<QString> present;
    for (const TsMessage &m : file.messages) {
        const bool retired = m.type == QLatin1String("obsolete") || m.type == QLatin1String("vanished");
        if (!used.contains(m.key())) {
            problems
                << QStringLiteral("not in the sources any more (run scripts/update-translations): %1").arg(shown(m));
            continue;
        }
        present.insert(m.key());
        if (retired) {
            problems << QStringLiteral("marked obsolete but still used: %1").arg(shown(m));
            continue;
        }
        if (!complete && !m.numerus)
            continue;
        if (m.type == QLatin1String("unfinished"))
            problems << QStringLiteral("unfinished: %1").arg(shown(m));
        if (m.numerus && m.translations.size() != kPluralForms)
            problems << QStringLiteral("%1 plural forms instead of %2: %3")
                            .arg(m.translations.size())
                            .arg(kPluralForms)
                            .arg(shown(m));
        const QStringList expected = placeholders(m.source);
        for (const QString &t : m.translations) {
            if (t.trimmed().isEmpty())
                problems << QStringLiteral("empty translation: %1").arg(shown(m));
            else if (placeholders(t) != expected)
                problems << QStringLiteral("placeholders %1 instead of %2 in \"%3\": %4")
                                .arg(placeholders(t).join(QLatin1Char(' ')), expected.join(QLatin1Char(' ')), t,
                                     shown(m));
        }
    }
    for (const QString &key : used) {
        if (!present.contains(key))
            problems << QStringLiteral("missing (run scripts/update-translations): [%1] \"%2\"")
                            .arg(key.section(QLatin1Char('\x1f'), 0, 0), key.section(QLatin1Char('\x1f'), 1));
    }
    return problems;
}

} // namespace vaulttray::test
