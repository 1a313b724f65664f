#include "mailcorpus.h"

#include "store/archivereader.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QVariant>

namespace vaulttray::test {

namespace {
constexpr int kGeneratorTimeoutMs = 120000;
const QString kPython = QStringLiteral("/usr/bin/python3");

QString testData()
{
    return qEnvironmentVariable("VAULTTRAY_TEST_DATA");
}

// Runs a generator; its last stdout line is JSON. Empty on failure, with *error set.
QJsonObject runScript(const QString &script, const QStringList &arguments, QString *error)
{
    QProcess p;
    p.start(kPython, QStringList{script} + arguments);
    if (!p.waitForFinished(kGeneratorTimeoutMs) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = QStringLiteral("%1 failed: %2").arg(script, QString::fromUtf8(p.readAllStandardError()));
        return {};
    }
    const QList<QByteArray> lines = p.readAllStandardOutput().trimmed().split('\n');
    return QJsonDocument::fromJson(lines.last()).object();
}

QStringList strings(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &v : value.toArray())
        out << v.toString();
    return out;
}

Corpus runCorpus(const QStringList &arguments, const QString &manifestPath)
{
    Corpus corpus;
    runScript(testData() + QStringLiteral("/mailcorpus.py"),
              arguments + QStringList{QStringLiteral("--manifest"), manifestPath}, &corpus.error);
    if (!corpus.error.isEmpty())
        return corpus;
    QFile file(manifestPath);
    if (!file.open(QIODevice::ReadOnly)) {
        corpus.error = QStringLiteral("no manifest at %1").arg(manifestPath);
        return corpus;
    }
    for (const QJsonValue &v :
         QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("messages")).toArray()) {
        const QJsonObject o = v.toObject();
        CorpusMessage m;
        m.sha256 = o.value(QStringLiteral("sha256")).toString().toLatin1();
        m.size = o.value(QStringLiteral("size")).toInteger();
        m.messageId = o.value(QStringLiteral("messageId")).toString();
        m.folders = strings(o.value(QStringLiteral("folders")));
        m.folders.sort();
        m.flags = o.value(QStringLiteral("flags")).toString();
        m.offset = o.value(QStringLiteral("offset")).toInteger(-1);
        m.truncated = o.value(QStringLiteral("truncated")).toBool();
        m.internalDateMs = o.value(QStringLiteral("internalDate")).toInteger();
        m.files = strings(o.value(QStringLiteral("files")));
        corpus.bytes += m.size;
        corpus.messages << m;
    }
    return corpus;
}
} // namespace

QHash<QByteArray, CorpusMessage> Corpus::bySha256() const
{
    QHash<QByteArray, CorpusMessage> out;
    for (const CorpusMessage &m : messages)
        out.insert(m.sha256, m);
    return out;
}

Corpus writeMboxCorpus(const QString &path, int messages, int seed, MboxOptions options)
{
    QStringList arguments{QStringLiteral("mbox"),       path,
                          QStringLiteral("--messages"), QString::number(messages),
                          QStringLiteral("--seed"),     QString::number(seed)};
    if (options.lf)
        arguments << QStringLiteral("--lf");
    if (options.truncateLast)
        arguments << QStringLiteral("--truncate-last");
    return runCorpus(arguments, path + QStringLiteral(".manifest.json"));
}

Corpus writeMaildirCorpus(const QString &root, int messages, int seed)
{
    return runCorpus({QStringLiteral("maildir"), root, QStringLiteral("--messages"), QString::number(messages),
                      QStringLiteral("--seed"), QString::number(seed)},
                     root + QStringLiteral(".manifest.json"));
}

TakeoutExport writeTakeout(const QString &path, int messages, int seed, const QString &email, int oldest)
{
    TakeoutExport out;
    QStringList arguments{path,
                          QStringLiteral("--messages"),
                          QString::number(messages),
                          QStringLiteral("--seed"),
                          QString::number(seed),
                          QStringLiteral("--email"),
                          email};
    if (oldest >= 0)
        arguments << QStringLiteral("--oldest") << QString::number(oldest);
    const QJsonObject result =
        runScript(testData() + QStringLiteral("/../gmail-server/takeout_export.py"), arguments, &out.error);
    out.ids = strings(result.value(QStringLiteral("ids")));
    return out;
}

QList<ArchivedMessage> archivedMessages(ArchiveReader &reader, qint64 accountId)
{
    QList<ArchivedMessage> out;
    QSqlQuery q(reader.database());
    q.prepare(QStringLiteral("SELECT provider_id, thread_id, message_id, flags, internal_date FROM messages "
                             "WHERE account_id = ? ORDER BY id"));
    q.addBindValue(accountId);
    if (!q.exec())
        return out;
    while (q.next()) {
        ArchivedMessage m;
        m.providerId = q.value(0).toString();
        m.threadId = q.value(1).toString();
        m.messageId = q.value(2).toString();
        m.flags = q.value(3).toString();
        m.internalDateMs = q.value(4).toLongLong();
        out << m;
    }
    for (ArchivedMessage &m : out) {
        m.raw = reader.rawMessage(accountId, m.providerId).value_or(QByteArray());
        m.sha256 = QCryptographicHash::hash(m.raw, QCryptographicHash::Sha256).toHex();
        m.labels = reader.labelsOf(accountId, m.providerId);
        m.labels.sort();
    }
    return out;
}

} // namespace vaulttray::test
