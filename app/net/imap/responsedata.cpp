#include "net/imap/responsedata.h"

#include "net/imap/mutf7.h"

#include <QTimeZone>

#include <limits>

namespace vaulttray {

namespace {

constexpr quint32 kMaxUid = std::numeric_limits<quint32>::max();
constexpr int kSecondsPerMinute = 60;
constexpr int kMinutesPerHour = 60;
constexpr int kMaxZoneOffsetMinutes = 24 * kMinutesPerHour;
const QByteArray kMonths[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};

std::optional<quint32> parseUid(const QByteArray &text)
{
    bool ok = false;
    const qulonglong v = text.toULongLong(&ok);
    if (!ok || v > kMaxUid || text.startsWith('+') || text.startsWith('-'))
        return std::nullopt;
    return quint32(v);
}

std::optional<QList<QByteArray>> flagList(const ImapValue &v)
{
    if (!v.isList())
        return std::nullopt;
    QList<QByteArray> flags;
    for (const ImapValue &f : v.items()) {
        if (f.isList())
            return std::nullopt;
        flags.append(f.bytes());
    }
    return flags;
}

// "(MODSEQ (n))" inside FETCH and "(MODSEQ n)" after SEARCH: one number, possibly parenthesised.
std::optional<quint64> modSeqValue(const ImapValue &v)
{
    if (v.isList())
        return v.items().size() == 1 ? v.items().constFirst().toNumber() : std::nullopt;
    return v.toNumber();
}

bool isString(const ImapValue &v)
{
    return v.isString() || v.isAtom() || v.isNumber() || v.isNil();
}

} // namespace

std::optional<ImapSequenceSet> ImapSequenceSet::parse(const QByteArray &text)
{
    ImapSequenceSet set;
    if (text.isEmpty())
        return std::nullopt;
    for (const QByteArray &part : text.split(',')) {
        const qsizetype colon = part.indexOf(':');
        const auto a = parseUid(colon < 0 ? part : part.left(colon));
        const auto b = colon < 0 ? a : parseUid(part.mid(colon + 1));
        if (!a || !b)
            return std::nullopt;
        set.m_ranges.append({std::min(*a, *b), std::max(*a, *b)});
    }
    return set;
}

bool ImapSequenceSet::contains(quint32 id) const
{
    for (const ImapUidRange &r : m_ranges)
        if (id >= r.first && id <= r.last)
            return true;
    return false;
}

quint64 ImapSequenceSet::count() const
{
    quint64 n = 0;
    for (const ImapUidRange &r : m_ranges)
        n += quint64(r.last) - r.first + 1;
    return n;
}

std::optional<QList<quint32>> ImapSequenceSet::toList(quint64 maxCount) const
{
    if (count() > maxCount)
        return std::nullopt;
    QList<quint32> out;
    out.reserve(qsizetype(count()));
    for (const ImapUidRange &r : m_ranges)
        for (quint64 id = r.first; id <= r.last; ++id)
            out.append(quint32(id));
    return out;
}

std::optional<QList<QByteArray>> imapCapabilities(const ImapResponse &r)
{
    const QList<ImapValue> *values = nullptr;
    if (r.kind == ImapResponse::Kind::Untagged && !r.status && r.name == "CAPABILITY")
        values = &r.args;
    else if (r.status && r.code == "CAPABILITY")
        values = &r.codeArgs;
    if (!values)
        return std::nullopt;
    QList<QByteArray> caps;
    for (const ImapValue &v : *values) {
        if (v.isList())
            return std::nullopt;
        caps.append(v.bytes().toUpper());
    }
    return caps;
}

std::optional<quint64> imapCodeNumber(const ImapResponse &r, const QByteArray &code)
{
    if (!r.status || r.code != code || r.codeArgs.size() != 1)
        return std::nullopt;
    return r.codeArgs.constFirst().toNumber();
}

std::optional<QList<QByteArray>> imapFlags(const ImapResponse &r)
{
    if (r.status && r.code == "PERMANENTFLAGS" && r.codeArgs.size() == 1)
        return flagList(r.codeArgs.constFirst());
    if (r.kind == ImapResponse::Kind::Untagged && !r.status && r.name == "FLAGS" && r.args.size() == 1)
        return flagList(r.args.constFirst());
    return std::nullopt;
}

bool ImapListEntry::hasFlag(const QByteArray &flag) const
{
    for (const QByteArray &f : flags)
        if (f.compare(flag, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

bool ImapListEntry::isSelectable() const
{
    return !hasFlag("\\Noselect") && !hasFlag("\\NonExistent");
}

QByteArray ImapListEntry::specialUse() const
{
    static const QByteArray uses[] = {"\\All", "\\Archive", "\\Drafts", "\\Flagged", "\\Junk", "\\Sent", "\\Trash"};
    for (const QByteArray &use : uses)
        if (hasFlag(use))
            return use;
    return {};
}

std::optional<ImapListEntry> imapListEntry(const ImapResponse &r)
{
    if (r.kind != ImapResponse::Kind::Untagged || r.status || (r.name != "LIST" && r.name != "LSUB"))
        return std::nullopt;
    if (r.args.size() < 3 || !isString(r.args.at(1)) || !isString(r.args.at(2)) || r.args.at(2).isList())
        return std::nullopt;
    ImapListEntry e;
    const auto flags = flagList(r.args.at(0));
    if (!flags)
        return std::nullopt;
    e.flags = *flags;
    const ImapValue &delimiter = r.args.at(1);
    if (!delimiter.isNil()) {
        if (delimiter.bytes().size() != 1)
            return std::nullopt;
        e.delimiter = QLatin1Char(delimiter.bytes().at(0));
    }
    e.rawName = r.args.at(2).bytes(); // an unquoted NIL here is a mailbox called "NIL"
    e.name = decodeMailboxName(e.rawName);
    return e;
}

std::optional<ImapStatusData> imapStatusData(const ImapResponse &r)
{
    if (r.kind != ImapResponse::Kind::Untagged || r.status || r.name != "STATUS" || r.args.size() != 2)
        return std::nullopt;
    const ImapValue &items = r.args.at(1);
    if (!isString(r.args.at(0)) || !items.isList() || items.items().size() % 2 != 0)
        return std::nullopt;
    ImapStatusData s;
    s.rawName = r.args.at(0).bytes();
    s.name = decodeMailboxName(s.rawName);
    for (qsizetype i = 0; i < items.items().size(); i += 2) {
        const QByteArray key = items.items().at(i).bytes().toUpper();
        const ImapValue &value = items.items().at(i + 1);
        std::optional<quint32> *field = key == "MESSAGES"      ? &s.messages
                                        : key == "UIDNEXT"     ? &s.uidNext
                                        : key == "UIDVALIDITY" ? &s.uidValidity
                                        : key == "UNSEEN"      ? &s.unseen
                                                               : nullptr;
        if (field) {
            *field = value.toNumber32();
            if (!*field)
                return std::nullopt;
        } else if (key == "HIGHESTMODSEQ") {
            s.highestModSeq = value.toNumber();
            if (!s.highestModSeq)
                return std::nullopt;
        }
    }
    return s;
}

std::optional<quint32> imapNumbered(const ImapResponse &r, const QByteArray &name)
{
    if (r.kind != ImapResponse::Kind::Untagged || !r.number || r.name != name || !r.args.isEmpty() ||
        *r.number > kMaxUid)
        return std::nullopt;
    return quint32(*r.number);
}

std::optional<ImapSearchData> imapSearchData(const ImapResponse &r)
{
    if (r.kind != ImapResponse::Kind::Untagged || r.status || r.number || r.name != "SEARCH")
        return std::nullopt;
    ImapSearchData s;
    s.ids.reserve(r.args.size());
    for (qsizetype i = 0; i < r.args.size(); ++i) {
        const ImapValue &v = r.args.at(i);
        if (v.isList() && i == r.args.size() - 1 && v.items().size() == 2 &&
            v.items().constFirst().bytes().compare("MODSEQ", Qt::CaseInsensitive) == 0) {
            s.modSeq = v.items().at(1).toNumber();
            if (!s.modSeq)
                return std::nullopt;
            continue;
        }
        const auto id = v.isNumber() ? v.toNumber32() : std::nullopt;
        if (!id)
            return std::nullopt;
        s.ids.append(*id);
    }
    return s;
}

std::optional<ImapESearchData> imapESearchData(const ImapResponse &r)
{
    if (r.kind != ImapResponse::Kind::Untagged || r.status || r.number || r.name != "ESEARCH")
        return std::nullopt;
    ImapESearchData s;
    qsizetype i = 0;
    if (i < r.args.size() && r.args.at(i).isList()) {
        const QList<ImapValue> &corr = r.args.at(i).items();
        if (corr.size() != 2 || corr.constFirst().bytes().compare("TAG", Qt::CaseInsensitive) != 0)
            return std::nullopt;
        s.tag = corr.at(1).bytes();
        ++i;
    }
    if (i < r.args.size() && r.args.at(i).bytes().compare("UID", Qt::CaseInsensitive) == 0) {
        s.uid = true;
        ++i;
    }
    for (; i + 1 < r.args.size(); i += 2) {
        const QByteArray key = r.args.at(i).bytes().toUpper();
        const ImapValue &value = r.args.at(i + 1);
        if (key == "MIN" || key == "MAX" || key == "COUNT") {
            const auto n = value.toNumber32();
            if (!n)
                return std::nullopt;
            (key == "MIN" ? s.min : key == "MAX" ? s.max : s.count) = n;
        } else if (key == "ALL") {
            s.all = ImapSequenceSet::parse(value.bytes());
            if (!s.all)
                return std::nullopt;
        } else if (key == "MODSEQ") {
            s.modSeq = value.toNumber();
            if (!s.modSeq)
                return std::nullopt;
        }
    }
    if (i != r.args.size())
        return std::nullopt;
    return s;
}

std::optional<ImapFetchData> imapFetchData(const ImapResponse &r)
{
    if (r.kind != ImapResponse::Kind::Untagged || !r.number || r.name != "FETCH" || r.args.size() != 1 ||
        !r.args.constFirst().isList() || *r.number > kMaxUid)
        return std::nullopt;
    const QList<ImapValue> &items = r.args.constFirst().items();
    if (items.size() % 2 != 0)
        return std::nullopt;
    ImapFetchData f;
    f.sequenceNumber = quint32(*r.number);
    for (qsizetype i = 0; i < items.size(); i += 2) {
        const QByteArray key = items.at(i).bytes().toUpper();
        const ImapValue &value = items.at(i + 1);
        bool ok = true;
        if (key == "UID") {
            f.uid = value.toNumber32();
            ok = f.uid.has_value();
        } else if (key == "FLAGS") {
            f.flags = flagList(value);
            ok = f.flags.has_value();
        } else if (key == "INTERNALDATE") {
            f.internalDate = parseImapDateTime(value.bytes());
            ok = f.internalDate.has_value();
        } else if (key == "RFC822.SIZE") {
            f.rfc822Size = value.toNumber();
            ok = f.rfc822Size.has_value();
        } else if (key == "MODSEQ") {
            f.modSeq = modSeqValue(value);
            ok = f.modSeq.has_value();
        } else if (key == "BODY[]" || (key.startsWith("BODY[]<") && key.endsWith('>'))) {
            ok = isString(value);
            f.body = value.isNil() ? QByteArray() : value.bytes();
        }
        if (!ok)
            return std::nullopt;
    }
    return f;
}

std::optional<ImapVanishedData> imapVanishedData(const ImapResponse &r)
{
    if (r.kind != ImapResponse::Kind::Untagged || r.status || r.number || r.name != "VANISHED")
        return std::nullopt;
    ImapVanishedData v;
    qsizetype i = 0;
    if (r.args.size() == 2 && r.args.constFirst().isList()) {
        const QList<ImapValue> &tags = r.args.constFirst().items();
        if (tags.size() != 1 || tags.constFirst().bytes().compare("EARLIER", Qt::CaseInsensitive) != 0)
            return std::nullopt;
        v.earlier = true;
        i = 1;
    }
    if (r.args.size() != i + 1 || r.args.at(i).isList())
        return std::nullopt;
    const auto set = ImapSequenceSet::parse(r.args.at(i).bytes());
    if (!set)
        return std::nullopt;
    v.uids = *set;
    return v;
}

std::optional<QDateTime> parseImapDateTime(const QByteArray &text)
{
    // date-day-fixed "-" date-month "-" date-year SP time SP zone
    const QList<QByteArray> parts = text.trimmed().split(' ');
    if (parts.size() != 3)
        return std::nullopt;
    const QList<QByteArray> dmy = parts.at(0).split('-');
    const QList<QByteArray> hms = parts.at(1).split(':');
    const QByteArray &zone = parts.at(2);
    if (dmy.size() != 3 || hms.size() != 3 || zone.size() != 5 || (zone.at(0) != '+' && zone.at(0) != '-'))
        return std::nullopt;
    int month = 0;
    for (int m = 0; m < 12; ++m)
        if (dmy.at(1).toUpper() == kMonths[m])
            month = m + 1;
    bool ok[6] = {};
    const QDate date(dmy.at(2).toInt(&ok[0]), month, dmy.at(0).toInt(&ok[1]));
    const QTime time(hms.at(0).toInt(&ok[2]), hms.at(1).toInt(&ok[3]), hms.at(2).toInt(&ok[4]));
    const int zoneDigits = zone.mid(1).toInt(&ok[5]);
    for (const bool b : ok)
        if (!b)
            return std::nullopt;
    const int offsetMinutes = (zoneDigits / 100) * kMinutesPerHour + zoneDigits % 100;
    if (!date.isValid() || !time.isValid() || offsetMinutes > kMaxZoneOffsetMinutes)
        return std::nullopt;
    const int sign = zone.at(0) == '-' ? -1 : 1;
    const QDateTime local(date, time, QTimeZone(sign * offsetMinutes * kSecondsPerMinute));
    return local.toUTC();
}

} // namespace vaulttray
