#include "mailgen.h"

#include <QDateTime>
#include <QList>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace vaulttray::bench {

namespace {

constexpr double kMinBytes = 2 * 1024;
constexpr double kMaxBytes = 60 * 1024;
constexpr int kPercentMixed = 30;       // with attachments if large enough to carry one, else text + HTML
constexpr int kPercentAlternative = 20; // text + HTML
constexpr int kPercentNonAscii = 30;    // UTF-8 subject / body words
constexpr int kMinBytesForAttachment = 6 * 1024;
constexpr int kEncodedWordBytes = 45; // UTF-8 bytes per RFC 2047 word: stays under its 75-character limit
constexpr int kBase64LineChars = 76;
constexpr int kTextLineChars = 72;
constexpr int kPercentParagraphEnd = 12; // of text lines

// splitmix64: tiny, fast, and the same sequence everywhere.
class Rng
{
public:
    explicit Rng(quint64 seed) : m_state(seed) {}
    quint64 next()
    {
        quint64 z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    int below(int n) { return static_cast<int>(next() % static_cast<quint64>(n)); }
    bool percent(int p) { return below(100) < p; }
    double unit() { return static_cast<double>(next() >> 11) / static_cast<double>(1ULL << 53); }
    template <typename T> const T &pick(const QList<T> &list) { return list.at(below(list.size())); }

private:
    quint64 m_state;
};

const QList<QByteArray> kNames = {
    "Alice Smith",  "Bob Jones",       "Carol White", "David Brown", "Erin Clark",       "Frank Miller", "Grace Lee",
    "Zoë Ångström", "François Müller", "Jürgen Weiß", "Ana Peña",    "Søren Østergaard", "山田 太郎",    "Łukasz Żółć",
};
const QList<QByteArray> kDomains = {"example.org", "example.com", "mail.example.net", "lists.example.edu"};
const QList<QByteArray> kWords = {
    "the",     "and",     "of",       "to",       "a",        "in",      "for",      "is",      "on",
    "that",    "with",    "we",       "this",     "report",   "meeting", "budget",   "project", "deadline",
    "please",  "review",  "attached", "invoice",  "schedule", "team",    "update",   "quarter", "numbers",
    "draft",   "release", "customer", "contract", "travel",   "lunch",   "thanks",   "regards", "tomorrow",
    "morning", "server",  "backup",   "archive",  "question", "answer",  "feedback", "design",  "plan",
};
const QList<QByteArray> kNonAsciiWords = {"Grüße", "façade",      "naïve",  "Zürich", "déjà", "Straße",
                                          "café",  "smörgåsbord", "日本語", "Привет", "€100", "señor"};
const QList<QList<QByteArray>> kAttachmentTypes = {
    {"application/pdf", "report-%1.pdf"},
    {"image/jpeg", "IMG_%1.jpg"},
    {"image/png", "screenshot-%1.png"},
    {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Rechnung_März_%1.xlsx"},
};

bool isAscii(const QByteArray &s)
{
    for (char c : s) {
        if (static_cast<unsigned char>(c) >= 0x80)
            return false;
    }
    return true;
}

// RFC 2047: UTF-8 text as base64 encoded words, split only between characters.
QByteArray encodedWords(const QByteArray &utf8)
{
    if (isAscii(utf8))
        return utf8;
    QByteArray out;
    for (qsizetype start = 0; start < utf8.size();) {
        qsizetype end = std::min<qsizetype>(start + kEncodedWordBytes, utf8.size());
        while (end < utf8.size() && (static_cast<unsigned char>(utf8.at(end)) & 0xC0) == 0x80)
            --end;
        out +=
            (out.isEmpty() ? "" : "\r\n ") + QByteArray("=?UTF-8?B?") + utf8.mid(start, end - start).toBase64() + "?=";
        start = end;
    }
    return out;
}

QByteArray address(Rng &rng)
{
    const QByteArray name = rng.pick(kNames);
    QByteArray local = name.split(' ').constLast().toLower();
    if (!isAscii(local))
        local = "user" + QByteArray::number(rng.below(1000));
    return encodedWords(name) + " <" + local + "@" + rng.pick(kDomains) + ">";
}

// Wrapped text of about `bytes` bytes, from a small vocabulary so the full-text index sees real word repetition.
QByteArray text(Rng &rng, qsizetype bytes, bool nonAscii)
{
    QByteArray out, line;
    while (out.size() + line.size() < bytes) {
        const QByteArray &word = nonAscii && rng.percent(5) ? rng.pick(kNonAsciiWords) : rng.pick(kWords);
        if (line.size() + word.size() + 1 > kTextLineChars) {
            out += line + (rng.percent(kPercentParagraphEnd) ? "\r\n\r\n" : "\r\n");
            line.clear();
        }
        line += (line.isEmpty() ? "" : " ") + word;
    }
    return out + line + "\r\n";
}

QByteArray base64Lines(const QByteArray &data)
{
    const QByteArray encoded = data.toBase64();
    QByteArray out;
    out.reserve(encoded.size() + encoded.size() / kBase64LineChars * 2 + 2);
    for (qsizetype i = 0; i < encoded.size(); i += kBase64LineChars)
        out += encoded.mid(i, kBase64LineChars) + "\r\n";
    return out;
}

QByteArray attachment(Rng &rng, quint64 index, qsizetype encodedBytes)
{
    const QList<QByteArray> &type = rng.pick(kAttachmentTypes);
    const QByteArray name = QByteArray(type.at(1)).replace("%1", QByteArray::number(index));
    QByteArray data(encodedBytes * 3 / 4, Qt::Uninitialized); // incompressible, like real PDFs and JPEGs
    for (qsizetype i = 0; i < data.size(); i += 8) {
        const quint64 r = rng.next();
        std::memcpy(data.data() + i, &r, static_cast<size_t>(std::min<qsizetype>(8, data.size() - i)));
    }
    const QByteArray fileName =
        isAscii(name) ? "filename=\"" + name + "\"" : "filename*=UTF-8''" + name.toPercentEncoding();
    return "Content-Type: " + type.at(0) +
           "\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; " + fileName + "\r\n\r\n" +
           base64Lines(data);
}

} // namespace

QByteArray syntheticMessage(quint64 index)
{
    Rng rng(index * 0x2545f4914f6cdd1dULL + 1);
    const qsizetype size =
        static_cast<qsizetype>(std::exp(std::log(kMinBytes) + rng.unit() * std::log(kMaxBytes / kMinBytes)));
    const bool nonAscii = rng.percent(kPercentNonAscii);
    const int kind = rng.below(100);
    const QDateTime date =
        QDateTime(QDate(2020, 1, 1), QTime(8, 0), Qt::UTC).addSecs(static_cast<qint64>(index) * 2237);
    const QByteArray domain = rng.pick(kDomains);

    QByteArray subject = text(rng, 20 + rng.below(40), nonAscii).trimmed();
    if (nonAscii)
        subject += " " + rng.pick(kNonAsciiWords);
    QByteArray head = "Return-Path: <bounce-" + QByteArray::number(index) + "@" + domain +
                      ">\r\n"
                      "Received: from mx" +
                      QByteArray::number(rng.below(9)) + "." + domain + " (mx." + domain + " [192.0.2." +
                      QByteArray::number(rng.below(250)) + "])\r\n\tby mail.example.org with ESMTPS id " +
                      QByteArray::number(rng.next(), 16) + "\r\n\tfor <me@example.org>; " +
                      date.toString(Qt::RFC2822Date).toLatin1() +
                      "\r\n"
                      "Date: " +
                      date.toString(Qt::RFC2822Date).toLatin1() +
                      "\r\n"
                      "From: " +
                      address(rng) + "\r\nTo: " + address(rng) + "\r\n";
    if (rng.percent(30))
        head += "Cc: " + address(rng) + ", " + address(rng) + "\r\n";
    head += "Subject: " + encodedWords(subject) + "\r\nMessage-ID: <" + QByteArray::number(index) + "." +
            QByteArray::number(rng.next(), 16) + "@" + domain + ">\r\nMIME-Version: 1.0\r\n";

    const QByteArray textHeaders = "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n";
    const QByteArray boundary = "=_b" + QByteArray::number(rng.next(), 16);
    QByteArray body;
    if (kind < kPercentMixed && size >= kMinBytesForAttachment) {
        const qsizetype textBytes = 500 + rng.below(2500);
        const int attachments = rng.percent(25) ? 2 : 1;
        const qsizetype each = std::max<qsizetype>(256, (size - head.size() - textBytes - 600) / attachments);
        body = "Content-Type: multipart/mixed; boundary=\"" + boundary +
               "\"\r\n\r\nThis is a multi-part message.\r\n--" + boundary + "\r\n" + textHeaders +
               text(rng, textBytes, nonAscii);
        for (int i = 0; i < attachments; ++i)
            body += "--" + boundary + "\r\n" + attachment(rng, index, each);
        body += "--" + boundary + "--\r\n";
    } else if (kind < kPercentMixed + kPercentAlternative) {
        const QByteArray plain = text(rng, std::max<qsizetype>(200, (size - head.size()) * 2 / 5), nonAscii);
        QByteArray html =
            "<html><body><p>" + QByteArray(plain).replace("\r\n\r\n", "</p><p>") + "</p></body></html>\r\n";
        body = "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n\r\n--" + boundary + "\r\n" +
               textHeaders + plain + "--" + boundary +
               "\r\nContent-Type: text/html; charset=utf-8\r\n"
               "Content-Transfer-Encoding: 8bit\r\n\r\n" +
               html + "--" + boundary + "--\r\n";
    } else {
        body = textHeaders + text(rng, std::max<qsizetype>(200, size - head.size() - textHeaders.size()), nonAscii);
    }
    return head + body;
}

} // namespace vaulttray::bench
