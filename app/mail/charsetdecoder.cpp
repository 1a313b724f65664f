#include "mail/charsetdecoder.h"

#include "mail/gmimeutil.h"

#include <cerrno>
#include <cstring>

namespace vaulttray {

namespace {

// windows-1252 bytes 0x80..0x9F; the five holes keep their C1 code point, as the WHATWG table does.
constexpr char16_t kWindows1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

struct Alias
{
    const char *label;
    const char *target;
};

// Labels whose senders in practice mean a superset (WHATWG Encoding Standard, "legacy single-byte
// encodings" and "legacy multi-byte Chinese/Japanese/Korean encodings"), plus spellings iconv rejects.
constexpr Alias kAliases[] = {
    {"utf8", "utf-8"},
    {"unicode-1-1-utf-8", "utf-8"},
    {"x-unicode20utf8", "utf-8"},
    {"iso-8859-1", "windows-1252"},
    {"iso8859-1", "windows-1252"},
    {"iso_8859-1", "windows-1252"},
    {"latin1", "windows-1252"},
    {"l1", "windows-1252"},
    {"cp819", "windows-1252"},
    {"cp1252", "windows-1252"},
    {"x-cp1252", "windows-1252"},
    {"iso-8859-9", "WINDOWS-1254"},
    {"latin5", "WINDOWS-1254"},
    {"iso-8859-11", "CP874"},
    {"tis-620", "CP874"},
    {"windows-874", "CP874"},
    {"iso-8859-8-i", "ISO-8859-8"},
    {"gb2312", "GB18030"},
    {"csgb2312", "GB18030"},
    {"gbk", "GB18030"},
    {"x-gbk", "GB18030"},
    {"euc-cn", "GB18030"},
    {"cp936", "GB18030"},
    {"ks_c_5601-1987", "CP949"},
    {"euc-kr", "CP949"},
    {"ksc5601", "CP949"},
    {"shift_jis", "CP932"},
    {"shift-jis", "CP932"},
    {"sjis", "CP932"},
    {"x-sjis", "CP932"},
    {"ms_kanji", "CP932"},
    {"windows-31j", "CP932"},
    {"big5", "BIG5-HKSCS"},
    {"x-x-big5", "BIG5-HKSCS"},
    {"cn-big5", "BIG5-HKSCS"},
};

QByteArray normalisedLabel(const QByteArray &charset)
{
    QByteArray label = charset.trimmed().toLower();
    // Quotes survive in labels from sloppy generators: charset="'utf-8'".
    while (!label.isEmpty() && (label.front() == '"' || label.front() == '\''))
        label.remove(0, 1);
    while (!label.isEmpty() && (label.back() == '"' || label.back() == '\''))
        label.chop(1);
    return label.trimmed();
}

QByteArray resolvedLabel(const QByteArray &label)
{
    for (const Alias &alias : kAliases) {
        if (label == alias.label)
            return QByteArray(alias.target);
    }
    return label;
}

bool isAsciiLabel(const QByteArray &label)
{
    return label == "us-ascii" || label == "ascii" || label == "ansi_x3.4-1968" || label == "us" ||
           label == "iso646-us";
}

bool is7Bit(const QByteArray &bytes)
{
    for (const char c : bytes) {
        if (uchar(c) >= 0x80)
            return false;
    }
    return true;
}

struct Utf8Scan
{
    qsizetype multiByteSequences = 0;
    qsizetype invalidBytes = 0;
};

Utf8Scan scanUtf8(const QByteArray &bytes)
{
    Utf8Scan scan;
    const auto *p = reinterpret_cast<const uchar *>(bytes.constData());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const uchar lead = p[i];
        int length = 0;
        char32_t minimum = 0;
        if (lead < 0x80) {
            ++i;
            continue;
        } else if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
            minimum = 0x80;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            minimum = 0x800;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            minimum = 0x10000;
        }
        bool valid = length > 0 && i + length <= n;
        char32_t codePoint = length > 0 ? char32_t(lead & (0x7F >> length)) : 0;
        for (int k = 1; valid && k < length; ++k) {
            const uchar trail = p[i + k];
            valid = (trail & 0xC0) == 0x80;
            codePoint = (codePoint << 6) | (trail & 0x3F);
        }
        valid = valid && codePoint >= minimum && codePoint <= 0x10FFFF && !(codePoint >= 0xD800 && codePoint <= 0xDFFF);
        if (valid) {
            ++scan.multiByteSequences;
            i += length;
        } else {
            ++scan.invalidBytes;
            ++i;
        }
    }
    return scan;
}

QString decodeWindows1252(const QByteArray &bytes)
{
    QString text(bytes.size(), Qt::Uninitialized);
    QChar *out = text.data();
    for (qsizetype i = 0; i < bytes.size(); ++i)
        out[i] = QChar(CharsetDecoder::windows1252ToUnicode(uchar(bytes[i])));
    return text;
}

// Used when the declaration is missing or useless: UTF-8 if the bytes mostly are, else windows-1252, the
// most common undeclared 8-bit charset in mail and the one that maps every byte.
QString decodeGuessing(const QByteArray &bytes, const Utf8Scan &scan)
{
    if (scan.invalidBytes == 0 || scan.multiByteSequences > scan.invalidBytes)
        return QString::fromUtf8(bytes);
    return decodeWindows1252(bytes);
}

constexpr char kReplacementUtf8[] = "\xEF\xBF\xBD";
constexpr qsizetype kIconvFlushReserve = 16;

// Converts with iconv, replacing each byte it rejects with U+FFFD instead of giving up.
QString convertWithIconv(iconv_t cd, const QByteArray &bytes, qsizetype *invalidBytes)
{
    QByteArray out;
    out.resize(bytes.size() * 2 + kIconvFlushReserve);
    char *in = const_cast<char *>(bytes.constData());
    size_t inLeft = size_t(bytes.size());
    char *outPtr = out.data();
    size_t outLeft = size_t(out.size());

    const auto ensureRoom = [&](size_t needed) {
        if (outLeft >= needed)
            return;
        const qsizetype used = outPtr - out.data();
        out.resize(out.size() * 2 + qsizetype(needed));
        outPtr = out.data() + used;
        outLeft = size_t(out.size() - used);
    };

    while (inLeft > 0) {
        if (g_mime_iconv(cd, &in, &inLeft, &outPtr, &outLeft) != size_t(-1))
            break;
        if (errno == E2BIG) {
            ensureRoom(outLeft + kIconvFlushReserve);
        } else if (errno == EILSEQ || errno == EINVAL) {
            ++*invalidBytes;
            ensureRoom(sizeof(kReplacementUtf8));
            std::memcpy(outPtr, kReplacementUtf8, sizeof(kReplacementUtf8) - 1);
            outPtr += sizeof(kReplacementUtf8) - 1;
            outLeft -= sizeof(kReplacementUtf8) - 1;
            ++in;
            --inLeft;
        } else {
            ++*invalidBytes;
            break;
        }
    }
    // Stateful charsets (ISO-2022-JP) may owe a final shift sequence.
    ensureRoom(kIconvFlushReserve);
    g_mime_iconv(cd, nullptr, nullptr, &outPtr, &outLeft);
    out.truncate(outPtr - out.data());
    return QString::fromUtf8(out);
}

} // namespace

char16_t CharsetDecoder::windows1252ToUnicode(uchar byte)
{
    if (byte >= 0x80 && byte <= 0x9F)
        return kWindows1252High[byte - 0x80];
    return char16_t(byte);
}

QString CharsetDecoder::repairC1Controls(const QString &text)
{
    QString repaired = text;
    for (QChar &c : repaired) {
        if (c.unicode() >= 0x80 && c.unicode() <= 0x9F)
            c = QChar(windows1252ToUnicode(uchar(c.unicode())));
    }
    return repaired;
}

bool CharsetDecoder::isKnown(const QByteArray &charset)
{
    const QByteArray label = resolvedLabel(normalisedLabel(charset));
    if (label.isEmpty())
        return false;
    if (isAsciiLabel(label) || label == "utf-8" || label == "windows-1252")
        return true;
    gmime::ensureInitialised();
    const iconv_t cd = g_mime_iconv_open("UTF-8", label.constData());
    if (cd == iconv_t(-1))
        return false;
    g_mime_iconv_close(cd);
    return true;
}

CharsetDecoder::Result CharsetDecoder::decode(const QByteArray &bytes, const QByteArray &charset)
{
    const QByteArray label = resolvedLabel(normalisedLabel(charset));
    if (label.isEmpty() || isAsciiLabel(label)) {
        if (is7Bit(bytes))
            return {QString::fromLatin1(bytes), Issue::None};
        return {decodeGuessing(bytes, scanUtf8(bytes)), Issue::Undeclared8Bit};
    }
    if (label == "utf-8") {
        const Utf8Scan scan = scanUtf8(bytes);
        if (scan.invalidBytes == 0)
            return {QString::fromUtf8(bytes), Issue::None};
        // Mostly latin1 mislabelled as UTF-8 reads better re-decoded than riddled with U+FFFD.
        return {decodeGuessing(bytes, scan), Issue::InvalidBytes};
    }
    if (label == "windows-1252")
        return {decodeWindows1252(bytes), Issue::None};

    gmime::ensureInitialised();
    const iconv_t cd = g_mime_iconv_open("UTF-8", label.constData());
    if (cd == iconv_t(-1))
        return {decodeGuessing(bytes, scanUtf8(bytes)), Issue::UnknownCharset};
    qsizetype invalidBytes = 0;
    QString text = convertWithIconv(cd, bytes, &invalidBytes);
    g_mime_iconv_close(cd);
    return {text, invalidBytes > 0 ? Issue::InvalidBytes : Issue::None};
}

} // namespace vaulttray
