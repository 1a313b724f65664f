#include "net/imap/mutf7.h"

namespace vaulttray {

namespace {

constexpr char kShift = '&';
constexpr char kUnshift = '-';
constexpr char kFirstPrintable = 0x20;
constexpr char kLastPrintable = 0x7e;
constexpr int kBitsPerBase64Char = 6;
constexpr int kBitsPerUnit = 16;
// RFC 3501 replaces base64's "/" with "," because "/" is a common hierarchy delimiter.
constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,";

int base64Value(char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+')
        return 62;
    if (c == ',')
        return 63;
    return -1;
}

bool isPrintableAscii(char16_t c)
{
    return c >= char16_t(kFirstPrintable) && c <= char16_t(kLastPrintable);
}

// Decodes the base64 run between "&" and "-" into UTF-16 units appended to out.
bool decodeRun(const char *begin, const char *end, QString &out)
{
    quint32 bits = 0;
    int bitCount = 0;
    for (const char *p = begin; p != end; ++p) {
        const int v = base64Value(*p);
        if (v < 0)
            return false;
        bits = (bits << kBitsPerBase64Char) | quint32(v);
        bitCount += kBitsPerBase64Char;
        if (bitCount >= kBitsPerUnit) {
            bitCount -= kBitsPerUnit;
            out += QChar(char16_t((bits >> bitCount) & 0xffff));
            bits &= (1u << bitCount) - 1;
        }
    }
    // At most 5 padding bits may remain (a unit never straddles the end), and they must be zero.
    return bitCount < kBitsPerBase64Char && bits == 0;
}

bool hasUnpairedSurrogate(const QString &s)
{
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c.isHighSurrogate()) {
            if (i + 1 >= s.size() || !s.at(i + 1).isLowSurrogate())
                return true;
            ++i;
        } else if (c.isLowSurrogate()) {
            return true;
        }
    }
    return false;
}

void encodeRun(const QString &units, QByteArray &out)
{
    quint32 bits = 0;
    int bitCount = 0;
    out += kShift;
    for (const QChar c : units) {
        bits = (bits << kBitsPerUnit) | c.unicode();
        bitCount += kBitsPerUnit;
        while (bitCount >= kBitsPerBase64Char) {
            bitCount -= kBitsPerBase64Char;
            out += kAlphabet[(bits >> bitCount) & 0x3f];
        }
        bits &= (1u << bitCount) - 1;
    }
    if (bitCount > 0)
        out += kAlphabet[(bits << (kBitsPerBase64Char - bitCount)) & 0x3f];
    out += kUnshift;
}

} // namespace

std::optional<QString> decodeModifiedUtf7(const QByteArray &encoded)
{
    QString out;
    const char *p = encoded.constData();
    const char *const end = p + encoded.size();
    while (p != end) {
        const char c = *p;
        if (c < kFirstPrintable || c > kLastPrintable)
            return std::nullopt;
        if (c != kShift) {
            out += QLatin1Char(c);
            ++p;
            continue;
        }
        const char *runEnd = p + 1;
        while (runEnd != end && *runEnd != kUnshift)
            ++runEnd;
        if (runEnd == end)
            return std::nullopt;
        if (runEnd == p + 1) {
            out += QLatin1Char(kShift);
        } else {
            QString units;
            if (!decodeRun(p + 1, runEnd, units) || hasUnpairedSurrogate(units))
                return std::nullopt;
            out += units;
        }
        p = runEnd + 1;
    }
    return out;
}

QByteArray encodeModifiedUtf7(const QString &name)
{
    QByteArray out;
    out.reserve(name.size());
    QString run;
    for (const QChar c : name) {
        if (isPrintableAscii(c.unicode())) {
            if (!run.isEmpty()) {
                encodeRun(run, out);
                run.clear();
            }
            if (c == QLatin1Char(kShift))
                out += "&-";
            else
                out += char(c.unicode());
        } else {
            run += c;
        }
    }
    if (!run.isEmpty())
        encodeRun(run, out);
    return out;
}

QString decodeMailboxName(const QByteArray &wire)
{
    if (auto decoded = decodeModifiedUtf7(wire))
        return *decoded;
    return QString::fromUtf8(wire);
}

} // namespace vaulttray
