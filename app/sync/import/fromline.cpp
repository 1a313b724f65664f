#include "sync/import/fromline.h"

#include <QList>
#include <QTime>

namespace vaulttray {

namespace {
constexpr QByteArrayView kFrom("From ");
constexpr const char *kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

bool isSpace(char c)
{
    return c == ' ' || c == '\t';
}

bool allDigits(QByteArrayView token)
{
    if (token.isEmpty())
        return false;
    for (char c : token)
        if (c < '0' || c > '9')
            return false;
    return true;
}

int monthOf(QByteArrayView token)
{
    if (token.size() != 3)
        return 0;
    const QByteArray lower = token.toByteArray().toLower();
    for (int i = 0; i < 12; ++i)
        if (lower == kMonths[i])
            return i + 1;
    return 0;
}

// "h:mm" or "h:mm:ss".
std::optional<QTime> timeOf(QByteArrayView token)
{
    const QList<QByteArray> parts = token.toByteArray().split(':');
    if (parts.size() < 2 || parts.size() > 3)
        return std::nullopt;
    int values[3] = {0, 0, 0};
    for (int i = 0; i < parts.size(); ++i) {
        if (!allDigits(parts.at(i)) || parts.at(i).size() > 2 || (i > 0 && parts.at(i).size() != 2))
            return std::nullopt;
        values[i] = parts.at(i).toInt();
    }
    const QTime t(values[0], values[1], values[2]);
    return t.isValid() ? std::optional<QTime>(t) : std::nullopt;
}

// "+hhmm" / "-hhmm", as seconds east of UTC.
std::optional<int> zoneOf(QByteArrayView token)
{
    if (token.size() != 5 || (token.front() != '+' && token.front() != '-') || !allDigits(token.sliced(1)))
        return std::nullopt;
    const int hhmm = token.sliced(1).toInt();
    const int seconds = (hhmm / 100) * 3600 + (hhmm % 100) * 60;
    return token.front() == '-' ? -seconds : seconds;
}
} // namespace

std::optional<FromLine> parseFromLine(QByteArrayView line)
{
    if (!line.startsWith(kFrom) || line.size() > kMaxFromLineBytes)
        return std::nullopt;
    QList<QByteArrayView> tokens;
    for (qsizetype i = kFrom.size(); i < line.size();) {
        while (i < line.size() && isSpace(line.at(i)))
            ++i;
        const qsizetype start = i;
        while (i < line.size() && !isSpace(line.at(i)))
            ++i;
        if (i > start)
            tokens << line.sliced(start, i - start);
    }
    if (tokens.size() < 2 || isSpace(line.at(kFrom.size())))
        return std::nullopt;
    int month = 0, day = 0, year = 0, zone = 0;
    std::optional<QTime> time;
    for (qsizetype i = 1; i < tokens.size(); ++i) {
        const QByteArrayView t = tokens.at(i);
        if (const int m = monthOf(t); m && !month)
            month = m;
        else if (const std::optional<QTime> hms = timeOf(t); hms && !time)
            time = hms;
        else if (const std::optional<int> z = zoneOf(t))
            zone = *z;
        else if (allDigits(t) && t.size() == 4 && !year)
            year = t.toInt();
        else if (allDigits(t) && t.size() <= 2 && !day)
            day = t.toInt();
    }
    const QDate date(year, month, day);
    if (!month || !day || !year || !time || !date.isValid())
        return std::nullopt;
    return FromLine{tokens.first().toByteArray(), QDateTime(date, *time, Qt::UTC).addSecs(-zone)};
}

} // namespace vaulttray
