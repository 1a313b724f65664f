#include "daemon/searchcommand.h"

#include "core/exitcodes.h"
#include "daemon/archivereadaccess.h"
#include "daemon/clientcommand.h"
#include "store/archivereader.h"
#include "store/searchquery.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

namespace vaulttray {

namespace {
// This file's user-visible texts; their translation context is "SearchCommand".
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(SearchCommand)
};

QJsonObject hitJson(const SearchHit &hit)
{
    return {{QStringLiteral("id"), hit.messageId},
            {QStringLiteral("account"), hit.accountName},
            {QStringLiteral("date"), hit.date.isValid() ? hit.date.toUTC().toString(Qt::ISODate) : QString()},
            {QStringLiteral("from"), hit.from},
            {QStringLiteral("subject"), hit.subject},
            {QStringLiteral("snippet"), hit.snippet},
            {QStringLiteral("hasAttachments"), hit.hasAttachments}};
}

// What the query could not use, in a sentence; empty when it is fine.
QString problems(const SearchQuery &query)
{
    QStringList out;
    for (const SearchQuery::Problem &p : query.problems()) {
        switch (p.kind) {
        case SearchQuery::Problem::Kind::BadDate:
            out << Text::tr("%1: not a date such as 2024-05-31.").arg(p.term);
            break;
        case SearchQuery::Problem::Kind::MissingValue:
            out << Text::tr("%1 needs something after the colon.").arg(p.term);
            break;
        case SearchQuery::Problem::Kind::UnknownHas:
            out << Text::tr("%1: only has:attachment is known.").arg(p.term);
            break;
        }
    }
    return out.join(QLatin1Char(' '));
}

// Tabs and line breaks inside a field would break the one-line-per-message form.
QString field(QString text)
{
    for (QChar &c : text) {
        if (c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r'))
            c = QLatin1Char(' ');
    }
    return text;
}
} // namespace

SearchCommand::SearchCommand(ControlCommand command, QString archivePath)
    : m_command(std::move(command)), m_archivePath(std::move(archivePath))
{
}

int SearchCommand::run()
{
    const SearchQuery query = SearchQuery::parse(m_command.name, QTimeZone::systemTimeZone());
    if (const QString problem = problems(query); !problem.isEmpty()) {
        printTo(stderr, problem + QLatin1Char('\n'));
        return ExitUsage;
    }
    if (query.isEmpty()) {
        printTo(stderr, Text::tr("Nothing to search for.\n"));
        return ExitUsage;
    }
    if (const StoreError error = prepareForReading(m_archivePath)) {
        printTo(stderr, error.message + QLatin1Char('\n'));
        return ExitLocal;
    }
    ArchiveReader reader(m_archivePath);
    if (reader.openError()) {
        printTo(stderr, reader.openError().message + QLatin1Char('\n'));
        return ExitLocal;
    }
    const int limit = QJsonDocument::fromJson(m_command.settingsJson).object().value(QStringLiteral("limit")).toInt();
    const QList<SearchHit> hits = reader.search(query, limit);
    if (m_command.json) {
        QJsonArray array;
        for (const SearchHit &hit : hits)
            array.append(hitJson(hit));
        printTo(stdout, QString::fromUtf8(QJsonDocument(array).toJson()));
        return ExitOk;
    }
    if (hits.isEmpty()) {
        printTo(stderr, Text::tr("No message matches.\n"));
        return ExitOk;
    }
    QString out;
    for (const SearchHit &hit : hits) {
        const QString date =
            hit.date.isValid() ? hit.date.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
        out += QStringList{QString::number(hit.messageId), date, field(hit.accountName), field(hit.from),
                           field(hit.subject)}
                   .join(QLatin1Char('\t')) +
               QLatin1Char('\n');
    }
    printTo(stdout, out);
    return ExitOk;
}

} // namespace vaulttray
