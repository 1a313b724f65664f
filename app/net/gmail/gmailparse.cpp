#include "net/gmail/gmailparse.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <limits>

namespace vaulttray {

namespace {

using K = FailureKind;

constexpr int kBase64Quantum = 4; // characters per 3 bytes
constexpr int kMaxBase64Padding = 2;
constexpr int kHttpForbidden = 403;
constexpr int kHttpTooManyRequests = 429;
// The largest integer a double (a JSON number) holds exactly.
constexpr double kMaxExactJsonInteger = 9007199254740992.0; // 2^53

bool isBase64UrlChar(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

// The answer as a JSON object, or the ServerTransient failure that says it was not one.
std::optional<QJsonObject> jsonObject(const QByteArray &body, const char *what, Failure *failure)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error == QJsonParseError::NoError && doc.isObject())
        return doc.object();
    const QString why = error.error == QJsonParseError::NoError
                            ? QStringLiteral("JSON that is not an object")
                            : QStringLiteral("%1 at offset %2").arg(error.errorString()).arg(error.offset);
    *failure = Failure::of(K::ServerTransient,
                           QStringLiteral("Gmail API: %1 answer is not JSON (%2, %3 bytes); garbled on its way?")
                               .arg(QLatin1String(what), why)
                               .arg(body.size()));
    return std::nullopt;
}

Failure badData(const char *what, const QString &problem)
{
    return Failure::of(K::BadData, QStringLiteral("Gmail API: %1 answer %2").arg(QLatin1String(what), problem));
}

QString string(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QStringList stringList(const QJsonValue &value)
{
    QStringList out;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &v : array) {
        if (v.isString() && !v.toString().isEmpty())
            out << v.toString();
    }
    return out;
}

// A count Gmail sends as a JSON number (messagesTotal, resultSizeEstimate, sizeEstimate); also read as a string.
qint64 count(const QJsonObject &o, const char *key)
{
    const std::optional<quint64> n = parseGmailUInt64(o.value(QLatin1String(key)));
    return n ? qint64(std::min<quint64>(*n, quint64(std::numeric_limits<qint64>::max()))) : 0;
}

std::optional<GmailHistoryMessage> historyMessage(const QJsonValue &entry)
{
    const QJsonObject m = entry.toObject().value(QLatin1String("message")).toObject();
    GmailHistoryMessage out{string(m, "id"), string(m, "threadId"), stringList(m.value(QLatin1String("labelIds")))};
    if (out.id.isEmpty())
        return std::nullopt;
    return out;
}

void historyMessages(const QJsonObject &record, const char *key, QList<GmailHistoryMessage> *out, int *skipped)
{
    const QJsonArray entries = record.value(QLatin1String(key)).toArray();
    for (const QJsonValue &entry : entries) {
        if (const auto m = historyMessage(entry))
            *out << *m;
        else
            ++*skipped;
    }
}

void labelChanges(const QJsonObject &record, const char *key, QList<GmailLabelChange> *out, int *skipped)
{
    const QJsonArray entries = record.value(QLatin1String(key)).toArray();
    for (const QJsonValue &entry : entries) {
        if (const auto m = historyMessage(entry))
            *out << GmailLabelChange{*m, stringList(entry.toObject().value(QLatin1String("labelIds")))};
        else
            ++*skipped;
    }
}

} // namespace

std::optional<QByteArray> decodeBase64Url(const QByteArray &text)
{
    qsizetype end = text.size();
    while (end > 0 && text.at(end - 1) == '=')
        --end;
    const qsizetype padding = text.size() - end;
    if (padding > kMaxBase64Padding)
        return std::nullopt;
    if (padding > 0 && text.size() % kBase64Quantum != 0)
        return std::nullopt;
    // One character left over carries only 6 bits: no byte sequence encodes to that.
    if (end % kBase64Quantum == 1)
        return std::nullopt;
    if (!std::all_of(text.begin(), text.begin() + end, isBase64UrlChar))
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(text.left(end), QByteArray::Base64UrlEncoding |
                                                                            QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return *decoded;
}

std::optional<quint64> parseGmailUInt64(const QJsonValue &value)
{
    if (value.isString()) {
        const QString s = value.toString();
        if (s.isEmpty() || !std::all_of(s.begin(), s.end(), [](QChar c) { return c >= u'0' && c <= u'9'; }))
            return std::nullopt;
        bool ok = false;
        const quint64 n = s.toULongLong(&ok);
        return ok ? std::optional<quint64>(n) : std::nullopt;
    }
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (d < 0 || d > kMaxExactJsonInteger || std::floor(d) != d)
            return std::nullopt;
        return quint64(d);
    }
    return std::nullopt;
}

GmailProfileResult parseProfile(const QByteArray &body)
{
    GmailProfileResult result;
    const auto o = jsonObject(body, "getProfile", &result.failure);
    if (!o)
        return result;
    result.profile.emailAddress = string(*o, "emailAddress");
    result.profile.messagesTotal = count(*o, "messagesTotal");
    result.profile.threadsTotal = count(*o, "threadsTotal");
    const auto historyId = parseGmailUInt64(o->value(QLatin1String("historyId")));
    if (result.profile.emailAddress.isEmpty())
        result.failure = badData("getProfile", QStringLiteral("has no emailAddress"));
    else if (!historyId)
        result.failure = badData("getProfile", QStringLiteral("has no usable historyId"));
    else
        result.profile.historyId = *historyId;
    return result;
}

GmailLabelsResult parseLabels(const QByteArray &body)
{
    GmailLabelsResult result;
    const auto o = jsonObject(body, "labels.list", &result.failure);
    if (!o)
        return result;
    const QJsonArray labels = o->value(QLatin1String("labels")).toArray();
    for (const QJsonValue &v : labels) {
        const QJsonObject l = v.toObject();
        GmailLabel label{string(l, "id"), string(l, "name"), string(l, "type"), string(l, "messageListVisibility"),
                         string(l, "labelListVisibility")};
        if (label.id.isEmpty())
            ++result.skippedItems;
        else
            result.labels << label;
    }
    return result;
}

GmailMessageListResult parseMessageList(const QByteArray &body)
{
    GmailMessageListResult result;
    const auto o = jsonObject(body, "messages.list", &result.failure);
    if (!o)
        return result;
    // An empty mailbox (or the page after the last) leaves "messages" out altogether.
    const QJsonArray messages = o->value(QLatin1String("messages")).toArray();
    result.messages.reserve(messages.size());
    for (const QJsonValue &v : messages) {
        const QJsonObject m = v.toObject();
        GmailMessageRef ref{string(m, "id"), string(m, "threadId")};
        if (ref.id.isEmpty())
            ++result.skippedItems;
        else
            result.messages << ref;
    }
    result.nextPageToken = string(*o, "nextPageToken");
    result.resultSizeEstimate = count(*o, "resultSizeEstimate");
    return result;
}

GmailRawMessageResult parseRawMessage(const QByteArray &body, bool decodeRaw)
{
    GmailRawMessageResult result;
    const auto o = jsonObject(body, "messages.get", &result.failure);
    if (!o)
        return result;
    GmailRawMessage &m = result.message;
    m.id = string(*o, "id");
    m.threadId = string(*o, "threadId");
    m.labelIds = stringList(o->value(QLatin1String("labelIds")));
    m.sizeEstimate = count(*o, "sizeEstimate");
    const QJsonValue raw = o->value(QLatin1String("raw"));
    const auto historyId = parseGmailUInt64(o->value(QLatin1String("historyId")));
    const auto internalDate = parseGmailUInt64(o->value(QLatin1String("internalDate")));
    if (m.id.isEmpty()) {
        result.failure = badData("messages.get", QStringLiteral("has no id"));
        return result;
    }
    const QString which = QStringLiteral("for message %1 ").arg(m.id);
    if (!raw.isString()) {
        result.failure = badData("messages.get", which + QStringLiteral("has no raw content"));
        return result;
    }
    if (!historyId || !internalDate) {
        result.failure = badData("messages.get", which + QStringLiteral("has no usable historyId or internalDate"));
        return result;
    }
    if (decodeRaw) {
        const auto bytes = decodeBase64Url(raw.toString().toLatin1());
        if (!bytes) {
            result.failure = badData("messages.get", which + QStringLiteral("has raw content that is not base64url"));
            return result;
        }
        m.raw = *bytes;
    } else {
        m.rawBase64Url = raw.toString().toLatin1();
    }
    m.historyId = *historyId;
    m.internalDateMs = qint64(std::min<quint64>(*internalDate, quint64(std::numeric_limits<qint64>::max())));
    return result;
}

GmailHistoryResult parseHistory(const QByteArray &body)
{
    GmailHistoryResult result;
    const auto o = jsonObject(body, "history.list", &result.failure);
    if (!o)
        return result;
    const auto historyId = parseGmailUInt64(o->value(QLatin1String("historyId")));
    if (!historyId) {
        result.failure = badData("history.list", QStringLiteral("has no usable historyId"));
        return result;
    }
    result.historyId = *historyId;
    result.nextPageToken = string(*o, "nextPageToken");
    const QJsonArray history = o->value(QLatin1String("history")).toArray();
    for (const QJsonValue &v : history) {
        const QJsonObject r = v.toObject();
        const auto id = parseGmailUInt64(r.value(QLatin1String("id")));
        if (!id) {
            ++result.skippedItems;
            continue;
        }
        GmailHistoryRecord record;
        record.id = *id;
        // "messages" lists every message the record touches; the typed lists below say how.
        historyMessages(r, "messagesAdded", &record.messagesAdded, &result.skippedItems);
        historyMessages(r, "messagesDeleted", &record.messagesDeleted, &result.skippedItems);
        labelChanges(r, "labelsAdded", &record.labelsAdded, &result.skippedItems);
        labelChanges(r, "labelsRemoved", &record.labelsRemoved, &result.skippedItems);
        result.records << record;
    }
    return result;
}

bool gmailRateLimited(int httpStatus, const QByteArray &body)
{
    if (httpStatus != kHttpTooManyRequests && httpStatus != kHttpForbidden)
        return false;
    const QJsonObject error = QJsonDocument::fromJson(body).object().value(QLatin1String("error")).toObject();
    QStringList reasons;
    for (const QJsonValue &item : error.value(QLatin1String("errors")).toArray())
        reasons << string(item.toObject(), "reason");
    for (const QJsonValue &item : error.value(QLatin1String("details")).toArray())
        reasons << string(item.toObject(), "reason");
    // A daily quota does not come back by slowing down; the classifier makes the caller wait for it.
    if (reasons.contains(QLatin1String("dailyLimitExceeded")))
        return false;
    if (httpStatus == kHttpTooManyRequests)
        return true;
    static const QStringList rateReasons{QStringLiteral("rateLimitExceeded"), QStringLiteral("userRateLimitExceeded"),
                                         QStringLiteral("RATE_LIMIT_EXCEEDED")};
    return std::any_of(rateReasons.begin(), rateReasons.end(), [&](const QString &r) { return reasons.contains(r); });
}

} // namespace vaulttray
