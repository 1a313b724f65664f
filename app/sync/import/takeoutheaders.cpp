#include "sync/import/takeoutheaders.h"

#include "mail/mimeparser.h"

#include <QHash>

namespace vaulttray {

namespace {
constexpr QByteArrayView kTakeoutDomain("@xxx");
constexpr QByteArrayView kThreadHeader("X-GM-THRID");
constexpr QByteArrayView kLabelsHeader("X-Gmail-Labels");

bool isDigits(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (char c : text)
        if (c < '0' || c > '9')
            return false;
    return true;
}

bool nameIs(QByteArrayView name, QByteArrayView wanted)
{
    return name.size() == wanted.size() && name.compare(wanted, Qt::CaseInsensitive) == 0;
}

bool needsDecoding(QByteArrayView field)
{
    if (field.contains("=?"))
        return true;
    for (char c : field)
        if (uchar(c) >= 0x80)
            return true;
    return false;
}

QString labelText(const QByteArray &field)
{
    return needsDecoding(field) ? MimeParser::decodeHeaderText(field) : QString::fromLatin1(field);
}
} // namespace

std::optional<TakeoutMessage> TakeoutHeaders::read(QByteArrayView fromLineSender, QByteArrayView raw)
{
    if (!fromLineSender.endsWith(kTakeoutDomain))
        return std::nullopt;
    TakeoutMessage t;
    t.gmailId = decimalToHex(fromLineSender.chopped(kTakeoutDomain.size()));
    if (t.gmailId.isEmpty())
        return std::nullopt;
    // The header fields Takeout puts above the message's own, each with its folded continuation lines.
    qsizetype p = 0;
    while (p < raw.size()) {
        const qsizetype colon = raw.indexOf(':', p);
        const qsizetype newline = raw.indexOf('\n', p);
        if (colon < 0 || (newline >= 0 && newline < colon))
            break;
        const QByteArrayView name = raw.sliced(p, colon - p);
        const bool thread = nameIs(name, kThreadHeader);
        if (!thread && !nameIs(name, kLabelsHeader))
            break;
        qsizetype end = newline < 0 ? raw.size() : newline + 1;
        while (end < raw.size() && (raw.at(end) == ' ' || raw.at(end) == '\t')) {
            const qsizetype next = raw.indexOf('\n', end);
            end = next < 0 ? raw.size() : next + 1;
        }
        QByteArray value = raw.sliced(colon + 1, end - colon - 1).toByteArray();
        value.replace('\r', QByteArray()).replace('\n', QByteArray());
        if (thread)
            t.threadId = decimalToHex(value.trimmed());
        else
            t.labelNames = splitLabels(value);
        p = end;
    }
    t.addedHeaderBytes = p;
    return t;
}

QString TakeoutHeaders::decimalToHex(QByteArrayView decimal)
{
    if (!isDigits(decimal))
        return {};
    bool ok = false;
    const quint64 value = decimal.toULongLong(&ok, 10);
    return ok ? QString::number(value, 16) : QString();
}

QStringList TakeoutHeaders::splitLabels(QByteArrayView value)
{
    QStringList out;
    qsizetype i = 0;
    const qsizetype n = value.size();
    while (i <= n) {
        while (i < n && (value.at(i) == ' ' || value.at(i) == '\t'))
            ++i;
        QByteArray field;
        if (i < n && value.at(i) == '"') {
            for (++i; i < n; ++i) {
                if (value.at(i) == '"') {
                    if (i + 1 < n && value.at(i + 1) == '"') {
                        field += '"';
                        ++i;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += value.at(i);
            }
            while (i < n && value.at(i) != ',')
                ++i; // nothing but blanks belongs between a closing quote and the comma
        } else {
            const qsizetype comma = value.indexOf(',', i);
            const qsizetype end = comma < 0 ? n : comma;
            field = value.sliced(i, end - i).toByteArray().trimmed();
            i = end;
        }
        if (!field.isEmpty())
            out << labelText(field);
        ++i; // past the comma (or the end)
    }
    return out;
}

QString TakeoutHeaders::systemLabelId(const QString &takeoutName)
{
    static const QHash<QString, QString> ids{
        {QStringLiteral("inbox"), QStringLiteral("INBOX")},
        {QStringLiteral("sent"), QStringLiteral("SENT")},
        {QStringLiteral("starred"), QStringLiteral("STARRED")},
        {QStringLiteral("important"), QStringLiteral("IMPORTANT")},
        {QStringLiteral("spam"), QStringLiteral("SPAM")},
        {QStringLiteral("trash"), QStringLiteral("TRASH")},
        {QStringLiteral("drafts"), QStringLiteral("DRAFT")},
        {QStringLiteral("draft"), QStringLiteral("DRAFT")},
        {QStringLiteral("unread"), QStringLiteral("UNREAD")},
        {QStringLiteral("chat"), QStringLiteral("CHAT")},
        {QStringLiteral("chats"), QStringLiteral("CHAT")},
        {QStringLiteral("category personal"), QStringLiteral("CATEGORY_PERSONAL")},
        {QStringLiteral("category social"), QStringLiteral("CATEGORY_SOCIAL")},
        {QStringLiteral("category promotions"), QStringLiteral("CATEGORY_PROMOTIONS")},
        {QStringLiteral("category updates"), QStringLiteral("CATEGORY_UPDATES")},
        {QStringLiteral("category forums"), QStringLiteral("CATEGORY_FORUMS")},
    };
    return ids.value(takeoutName.trimmed().toLower());
}

bool TakeoutHeaders::isPseudoLabel(const QString &takeoutName)
{
    const QString name = takeoutName.trimmed().toLower();
    return name == QLatin1String("opened") || name == QLatin1String("archived");
}

} // namespace vaulttray
