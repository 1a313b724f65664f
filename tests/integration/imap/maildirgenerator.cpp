#include "maildirgenerator.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLocale>
#include <QStringList>
#include <QTimeZone>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <random>

#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

namespace vaulttray::test {

namespace {

constexpr qint64 kMinSize = 2048;
constexpr double kSizeSpread = 100.0; // 2 KB .. 200 KB
constexpr double kSizeSkew = 1.6;     // >1: small messages more likely
constexpr qint64 kMultipartAbove = 40000;
constexpr int kCorpusChars = 600000;
constexpr qint64 kFirstDate = 1546300800; // 2019-01-01T00:00:00Z
constexpr qint64 kDateSpan = 5LL * 365 * 86400;
constexpr int kBase64LineChars = 76;
constexpr int kMaxThreadParents = 200;

const char *const kWords[] = {
    "the",       "of",       "and",         "to",       "in",       "is",       "that",   "for",     "it",
    "as",        "was",      "with",        "be",       "by",       "on",       "not",    "this",    "are",
    "or",        "from",     "at",          "which",    "but",      "have",     "an",     "they",    "you",
    "were",      "there",    "can",         "all",      "has",      "meeting",  "report", "invoice", "project",
    "quarterly", "budget",   "review",      "deadline", "schedule", "attached", "please", "find",    "regards",
    "thanks",    "update",   "draft",       "proposal", "contract", "server",   "Grüße",  "naïve",   "café",
    "Zürich",    "façade",   "smörgåsbord", "jalapeño", "crème",    "brûlée",   "привет", "мир",     "данные",
    "ελληνικά",  "δεδομένα", "日本語",      "メール",   "添付",     "中文",     "邮件",   "🎉",       "✓"};
const char *const kFirst[] = {"Alice", "Bob",    "Carol",   "Dave",    "Eve",  "Frank",    "José",   "Zoë",  "Jürgen",
                              "Åsa",   "Łukasz", "Дмитрий", "Γιώργος", "山田", "François", "Müller", "Søren"};
const char *const kLast[] = {"Smith",        "Jones", "García",  "Müller", "Øster", "Nováková", "Иванов",
                             "Παπαδόπουλος", "田中",  "O'Brien", "Dupont", "Łęcki", "Brown"};
const char *const kDomains[] = {"example.com", "example.org", "example.net", "mail.example.de", "lists.example.io"};
const char *const kAttachTypes[][2] = {{"application/pdf", "pdf"},
                                       {"image/jpeg", "jpg"},
                                       {"image/png", "png"},
                                       {"application/zip", "zip"},
                                       {"text/csv", "csv"}};
const char *const kAttachNames[] = {"report",  "Rechnung_März", "résumé", "photo",
                                    "données", "отчёт",         "見積書", "budget"};
const int kZoneHours[] = {-8, -5, 0, 1, 2, 9};

template <typename T, size_t N> constexpr size_t countOf(const T (&)[N])
{
    return N;
}

// Deterministic on every platform: the engine is specified by the standard, the distributions are not, so none
// of them is used.
class Random
{
public:
    explicit Random(quint64 seed) : m_engine(seed) {}
    quint64 next() { return m_engine(); }
    qint64 below(qint64 n) { return n <= 0 ? 0 : qint64(next() % quint64(n)); }
    double unit() { return double(next() >> 11) / double(quint64(1) << 53); }
    bool chance(double p) { return unit() < p; }
    template <typename T, size_t N> const T &pick(const T (&a)[N]) { return a[below(qint64(N))]; }
    QByteArray bytes(qint64 n)
    {
        QByteArray out(n, Qt::Uninitialized);
        for (qint64 i = 0; i < n; i += 8) {
            const quint64 v = next();
            for (int b = 0; b < 8 && i + b < n; ++b)
                out[i + b] = char(v >> (8 * b));
        }
        return out;
    }

private:
    std::mt19937_64 m_engine;
};

// Wrapped multilingual prose that every message takes windows of: building it once keeps generation fast.
const QByteArray &corpus()
{
    static const QByteArray text = [] {
        Random r(424242);
        QByteArray out;
        out.reserve(kCorpusChars + 200);
        int inLine = 0;
        int limit = 8 + int(r.below(7));
        while (out.size() < kCorpusChars) {
            out += r.pick(kWords);
            if (++inLine >= limit) {
                out += '\n';
                if (r.chance(0.15))
                    out += '\n';
                inLine = 0;
                limit = 8 + int(r.below(7));
            } else {
                out += ' ';
            }
        }
        out += '\n';
        return out;
    }();
    return text;
}

QByteArray text(Random &r, qint64 bytes)
{
    const QByteArray &c = corpus();
    bytes = std::clamp<qint64>(bytes, 40, c.size() / 2);
    qint64 start = c.indexOf('\n', r.below(c.size() - bytes - 1));
    start = start < 0 ? 0 : start + 1;
    qint64 end = c.indexOf('\n', start + bytes);
    return c.mid(start, end < 0 ? -1 : end - start + 1);
}

bool isAscii(const QByteArray &s)
{
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// RFC 2047 for a phrase that is not plain ASCII.
QByteArray encodedWord(const QByteArray &utf8)
{
    return isAscii(utf8) ? utf8 : "=?UTF-8?B?" + utf8.toBase64() + "?=";
}

QByteArray person(Random &r, QByteArray *addressOut = nullptr)
{
    const QByteArray first = r.pick(kFirst);
    const QByteArray last = r.pick(kLast);
    QByteArray user;
    for (const char ch : (first.left(1) + last).toLower())
        if (std::isalnum(static_cast<unsigned char>(ch)))
            user += ch;
    if (user.size() < 3)
        user = "user" + QByteArray::number(r.below(1000));
    const QByteArray address = user + '@' + r.pick(kDomains);
    if (addressOut)
        *addressOut = address;
    QByteArray display = encodedWord(first + ' ' + last);
    if (display.contains('\''))
        display = '"' + display + '"';
    return display + " <" + address + '>';
}

QByteArray rfc5322Date(const QDateTime &when)
{
    const int minutes = when.offsetFromUtc() / 60;
    const QByteArray zone =
        QByteArray(minutes < 0 ? "-" : "+") +
        QByteArray::number(std::abs(minutes) / 60 * 100 + std::abs(minutes) % 60).rightJustified(4, '0');
    return QLocale::c().toString(when, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss ")).toLatin1() + zone;
}

QByteArray base64Lines(const QByteArray &data)
{
    const QByteArray b64 = data.toBase64();
    QByteArray out;
    out.reserve(b64.size() + b64.size() / kBase64LineChars + 2);
    for (qint64 i = 0; i < b64.size(); i += kBase64LineChars)
        out += b64.mid(i, kBase64LineChars) + '\n';
    return out;
}

QByteArray boundary(Random &r)
{
    return "----=_Part_" + QByteArray::number(r.below(1000000)) + '_' + QByteArray::number(r.next(), 16);
}

QByteArray textPart(const QByteArray &body)
{
    return "Content-Type: text/plain; charset=\"utf-8\"\nContent-Transfer-Encoding: 8bit\n\n" + body;
}

QByteArray htmlPart(const QByteArray &body)
{
    QByteArray html = "<html><head><meta charset=\"utf-8\"></head><body>\n";
    for (const QByteArray &p : body.split('\n'))
        if (!p.isEmpty())
            html += "<p>" + p + "</p>\n";
    html += "</body></html>\n";
    return "Content-Type: text/html; charset=\"utf-8\"\nContent-Transfer-Encoding: 8bit\n\n" + html;
}

QByteArray multipart(const QByteArray &subtype, const QByteArray &bnd, const QList<QByteArray> &parts)
{
    QByteArray out = "Content-Type: multipart/" + subtype + ";\n boundary=\"" + bnd + "\"\n\n";
    if (subtype == "mixed")
        out += "This is a multi-part message in MIME format.\n";
    for (const QByteArray &p : parts)
        out += "\n--" + bnd + '\n' + p;
    out += "\n--" + bnd + "--\n";
    return out;
}

QByteArray attachment(Random &r, int index, int n, qint64 rawBytes)
{
    const auto &type = r.pick(kAttachTypes);
    const QByteArray ext = type[1];
    const QByteArray data = ext == "csv" ? text(r, rawBytes).left(rawBytes) : r.bytes(rawBytes);
    const QByteArray name =
        QByteArray(r.pick(kAttachNames)) + '_' + QByteArray::number(index) + '_' + QByteArray::number(n) + '.' + ext;
    QByteArray disposition;
    QByteArray nameParam;
    if (isAscii(name)) {
        disposition = "attachment; filename=\"" + name + '"';
        nameParam = "; name=\"" + name + '"';
    } else {
        disposition = "attachment;\n filename*=utf-8''" + name.toPercentEncoding();
    }
    return "Content-Type: " + QByteArray(type[0]) + nameParam + "\nContent-Transfer-Encoding: base64\n" +
           "Content-Disposition: " + disposition + "\n\n" + base64Lines(data);
}

QByteArray buildMessage(Random &r, int index, const QDateTime &when, const QString &folder,
                        QList<QByteArray> &threadIds, qint64 forcedSize, QByteArray *messageId)
{
    const qint64 size =
        forcedSize > 0 ? forcedSize : qint64(kMinSize * std::pow(kSizeSpread, std::pow(r.unit(), kSizeSkew)));
    QByteArray fromAddress;
    QByteArray from = person(r, &fromAddress);
    if (folder == QLatin1String("Sent") || folder == QLatin1String("Drafts")) {
        from = "Alice Probe <alice@example.com>";
        fromAddress = "alice@example.com";
    }
    QList<QByteArray> h;
    h << "Return-Path: <" + fromAddress + '>';
    const int hops = 1 + int(r.below(3));
    for (int hop = 0; hop < hops; ++hop)
        h << "Received: from mx" + QByteArray::number(hop) + '.' + r.pick(kDomains) + " (mx.example [192.0.2." +
                 QByteArray::number(1 + r.below(254)) + "])\n\tby mail.example.com with ESMTPS id " +
                 QByteArray::number(r.next() & 0xffffffffffffULL, 16) + ";\n\t" + rfc5322Date(when);
    h << "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.com; "
         "s=sel1;\n\th=from:to:subject:date;\n\tbh=" +
             r.bytes(32).toBase64() + ";\n\tb=" + r.bytes(128).toBase64();
    h << "From: " + from;
    QByteArray to = person(r);
    if (r.chance(0.3))
        to += ",\n " + person(r);
    h << "To: " + to;
    if (r.chance(0.25)) {
        QByteArray cc = person(r);
        for (qint64 i = r.below(4); i > 0; --i)
            cc += ",\n " + person(r);
        h << "Cc: " + cc;
    }
    QByteArray subject;
    for (qint64 i = 3 + r.below(7); i > 0; --i)
        subject += (subject.isEmpty() ? "" : " ") + QByteArray(r.pick(kWords));
    *messageId =
        '<' + QByteArray::number(index) + '.' + QByteArray::number(r.next(), 16) + '@' + r.pick(kDomains) + '>';
    if (!threadIds.isEmpty() && r.chance(0.35)) {
        const QByteArray parent = threadIds.at(r.below(threadIds.size()));
        h << "Subject: " + encodedWord("Re: " + subject);
        h << "In-Reply-To: " + parent;
        h << "References: " + parent;
    } else {
        h << "Subject: " + encodedWord(subject);
    }
    threadIds.append(*messageId);
    if (threadIds.size() > kMaxThreadParents)
        threadIds.removeFirst();
    h << "Date: " + rfc5322Date(when);
    h << "Message-ID: " + *messageId;
    if (folder.startsWith(QLatin1String("Lists/"))) {
        const QByteArray list = folder.mid(6).toUtf8();
        h << "List-Id: " + list + " list <" + list + ".lists.example.io>";
        h << "List-Unsubscribe: <mailto:unsub-" + list + "@lists.example.io>";
    }
    h << "X-Mailer: " + QByteArray(r.chance(0.5) ? "Thunderbird 115.6" : "mutt/2.2.9");
    h << "MIME-Version: 1.0";
    const QByteArray headers = h.join('\n') + '\n';
    const double kind = r.unit();
    QByteArray body;
    if (size > kMultipartAbove || kind < 0.15) {
        const QByteArray prose = text(r, std::min<qint64>(300 + r.below(2700), size / 4));
        QByteArray first = textPart(prose);
        if (r.chance(0.5))
            first = multipart("alternative", boundary(r), {textPart(prose), htmlPart(prose)});
        const int attachments = 1 + int(r.below(3));
        const qint64 remaining = std::max<qint64>(size - headers.size() - first.size() - 400 * attachments, 512);
        QList<QByteArray> parts{first};
        for (int a = 0; a < attachments; ++a)
            parts << attachment(r, index, a, qint64(double(remaining) / attachments * 0.74));
        body = multipart("mixed", boundary(r), parts);
    } else if (kind < 0.45) {
        const QByteArray prose = text(r, std::max<qint64>((size - headers.size()) / 2 - 600, 200));
        body = multipart("alternative", boundary(r), {textPart(prose), htmlPart(prose)});
    } else {
        body = textPart(text(r, std::max<qint64>(size - headers.size() - 100, 900)));
    }
    return headers + body;
}

bool makeMaildir(const QString &path, bool subfolder, QString *error)
{
    for (const char *sub : {"cur", "new", "tmp"}) {
        if (!QDir().mkpath(path + QLatin1Char('/') + QLatin1String(sub))) {
            *error = QStringLiteral("cannot create %1/%2").arg(path, QLatin1String(sub));
            return false;
        }
    }
    if (subfolder) {
        QFile marker(path + QStringLiteral("/maildirfolder"));
        if (!marker.open(QIODevice::WriteOnly)) {
            *error = QStringLiteral("cannot create %1").arg(marker.fileName());
            return false;
        }
    }
    return true;
}

void chownTree(const QString &root, uid_t uid, gid_t gid)
{
    if (uid == uid_t(-1))
        return;
    const auto own = [&](const QString &p) {
        if (::chown(QFile::encodeName(p).constData(), uid, gid) != 0)
            qWarning("chown %s failed", qPrintable(p));
    };
    own(root);
    QDirIterator it(root, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        own(it.next());
}

bool writeMessage(const MaildirOptions &o, const QString &folder, const QByteArray &data, const QDateTime &when,
                  const QString &sub, const QByteArray &flags, int index, GeneratedMessage *out, QString *error)
{
    const qint64 virtualSize = data.size() + data.count('\n');
    const QString info = sub == QLatin1String("new") ? QString() : QStringLiteral(":2,") + QString::fromLatin1(flags);
    const QString name = QStringLiteral("%1.M%2P1Q%3.vaulttray-test,S=%4,W=%5%6")
                             .arg(when.toSecsSinceEpoch())
                             .arg(index, 6, 10, QLatin1Char('0'))
                             .arg(index)
                             .arg(data.size())
                             .arg(virtualSize)
                             .arg(info);
    const QString path =
        MaildirGenerator::folderPath(o.root, folder) + QLatin1Char('/') + sub + QLatin1Char('/') + name;
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    f.close();
    const struct utimbuf times = {time_t(when.toSecsSinceEpoch()), time_t(when.toSecsSinceEpoch())};
    ::utime(QFile::encodeName(path).constData(), &times);
    if (o.uid != uid_t(-1) && ::chown(QFile::encodeName(path).constData(), o.uid, o.gid) != 0) {
        *error = QStringLiteral("cannot chown %1").arg(path);
        return false;
    }
    out->folder = folder;
    out->path = path;
    out->date = when;
    out->flags = flags;
    out->size = data.size();
    return true;
}

} // namespace

QList<GeneratedFolder> MaildirGenerator::folders()
{
    return {
        {QStringLiteral("INBOX"), QString(), 40},
        {QStringLiteral("Archive"), QStringLiteral(".Archive"), 18},
        {QStringLiteral("Archive/2023"), QStringLiteral(".Archive.2023"), 10},
        {QStringLiteral("Sent"), QStringLiteral(".Sent"), 10},
        {QStringLiteral("Lists/dev"), QStringLiteral(".Lists.dev"), 10},
        {QStringLiteral("Lists/announce"), QStringLiteral(".Lists.announce"), 5},
        {QStringLiteral("Reçus"), QStringLiteral(".Re&AOc-us"), 5},
        {QStringLiteral("Drafts"), QStringLiteral(".Drafts"), 1},
        {QStringLiteral("Trash"), QStringLiteral(".Trash"), 1},
    };
}

QString MaildirGenerator::folderPath(const QString &root, const QString &folder)
{
    for (const GeneratedFolder &f : folders())
        if (f.name == folder)
            return f.maildirName.isEmpty() ? root : root + QLatin1Char('/') + f.maildirName;
    return {};
}

QByteArray MaildirGenerator::toCrlf(const QByteArray &lf)
{
    QByteArray out;
    out.reserve(lf.size() + lf.count('\n'));
    for (qint64 i = 0; i < lf.size(); ++i) {
        if (lf.at(i) == '\n' && (i == 0 || lf.at(i - 1) != '\r'))
            out += '\r';
        out += lf.at(i);
    }
    return out;
}

bool MaildirGenerator::generate(const MaildirOptions &o, QList<GeneratedMessage> *out, QString *error)
{
    const QList<GeneratedFolder> all = folders();
    int totalWeight = 0;
    for (const GeneratedFolder &f : all) {
        if (!makeMaildir(f.maildirName.isEmpty() ? o.root : o.root + QLatin1Char('/') + f.maildirName,
                         !f.maildirName.isEmpty(), error))
            return false;
        totalWeight += f.weight;
    }
    QFile subscriptions(o.root + QStringLiteral("/subscriptions"));
    if (!subscriptions.open(QIODevice::WriteOnly))
        return false;
    for (const GeneratedFolder &f : all)
        if (!f.maildirName.isEmpty())
            subscriptions.write(f.name.toUtf8() + '\n');
    subscriptions.close();

    Random r(o.seed);
    QList<qint64> stamps;
    for (int i = 0; i < o.messages; ++i)
        stamps << kFirstDate + r.below(kDateSpan);
    std::sort(stamps.begin(), stamps.end());
    QHash<QString, QList<QByteArray>> threads;
    bool largeWritten = false;
    for (int i = 0; i < o.messages; ++i) {
        qint64 w = r.below(totalWeight);
        QString folder;
        for (const GeneratedFolder &f : all) {
            if (w < f.weight) {
                folder = f.name;
                break;
            }
            w -= f.weight;
        }
        if (!largeWritten)
            folder = QStringLiteral("INBOX");
        const QDateTime when = QDateTime::fromSecsSinceEpoch(stamps.at(i), QTimeZone(int(r.pick(kZoneHours)) * 3600));
        GeneratedMessage m;
        const QByteArray data =
            buildMessage(r, i, when, folder, threads[folder], largeWritten ? 0 : o.largeMessageBytes, &m.messageId);
        largeWritten = true;
        const double f = r.unit();
        QByteArray flags = "S";
        if (f < 0.05)
            flags = "FS";
        else if (f < 0.15)
            flags = "RS";
        else if (f < 0.20)
            flags = "";
        if (folder == QLatin1String("Drafts"))
            flags = "DS";
        const bool recent = folder == QLatin1String("INBOX") && i > o.messages * 97 / 100;
        if (!writeMessage(o, folder, data, when, recent ? QStringLiteral("new") : QStringLiteral("cur"),
                          recent ? QByteArray() : flags, i, &m, error))
            return false;
        out->append(m);
    }
    chownTree(o.root, o.uid, o.gid);
    return true;
}

bool MaildirGenerator::deliver(const MaildirOptions &o, const QString &folder, int index, GeneratedMessage *out,
                               QString *error)
{
    Random r(o.seed * 1000003ULL + quint64(index));
    QList<QByteArray> threads;
    const QDateTime when = QDateTime::fromSecsSinceEpoch(kFirstDate + kDateSpan + index, QTimeZone(0));
    const QByteArray data = buildMessage(r, index, when, folder, threads, 0, &out->messageId);
    return writeMessage(o, folder, data, when, QStringLiteral("new"), {}, index, out, error);
}

} // namespace vaulttray::test
