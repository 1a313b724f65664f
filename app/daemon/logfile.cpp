#include "daemon/logfile.h"

#include "core/privatefolder.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QStandardPaths>

#include <mutex>

namespace vaulttray {

namespace {
std::mutex g_mutex;
QtMessageHandler g_previous = nullptr;
QFile *g_file = nullptr;
QString g_path;
qint64 g_maxBytes = LogFile::kMaxBytes;
int g_kept = LogFile::kKeptFiles;

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg: return "DEBUG";
    case QtInfoMsg: return "INFO";
    case QtWarningMsg: return "WARNING";
    case QtCriticalMsg: return "ERROR";
    case QtFatalMsg: return "FATAL";
    }
    return "?";
}

void openFile()
{
    g_file = new QFile(g_path);
    if (!g_file->open(QIODevice::Append | QIODevice::Text)) {
        delete g_file;
        g_file = nullptr;
        return;
    }
    g_file->setPermissions(QFile::ReadOwner | QFile::WriteOwner);
}

void rotate()
{
    g_file->close();
    delete g_file;
    g_file = nullptr;
    QFile::remove(g_path + QLatin1Char('.') + QString::number(g_kept));
    for (int i = g_kept - 1; i >= 1; --i)
        QFile::rename(g_path + QLatin1Char('.') + QString::number(i), g_path + QLatin1Char('.') + QString::number(i + 1));
    QFile::rename(g_path, g_path + QStringLiteral(".1"));
    openFile();
}

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        std::lock_guard lock(g_mutex);
        if (g_file) {
            const QString line = QStringLiteral("%1 %2 %3: %4\n")
                                     .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs),
                                          QLatin1String(levelName(type)),
                                          QLatin1String(context.category ? context.category : "default"),
                                          redactSecrets(message));
            g_file->write(line.toUtf8());
            g_file->flush();
            if (g_file->size() >= g_maxBytes)
                rotate();
        }
    }
    if (g_previous)
        g_previous(type, context, message);
}
} // namespace

QString redactSecrets(const QString &line)
{
    static const QRegularExpression patterns[] = {
        QRegularExpression(QStringLiteral(R"re((Bearer\s+)[A-Za-z0-9._~+/=-]+)re"), QRegularExpression::CaseInsensitiveOption),
        QRegularExpression(QStringLiteral(R"re(("(?:access_token|refresh_token|id_token|client_secret|code_verifier|password)"\s*:\s*")[^"]*)re")),
        QRegularExpression(QStringLiteral(R"re(((?<![A-Za-z_])(?:access_token|refresh_token|id_token|client_secret|code_verifier|code|password)=)[^&\s]+)re")),
        QRegularExpression(QStringLiteral(R"re((AUTHENTICATE\s+(?:XOAUTH2|PLAIN|OAUTHBEARER)\s+)\S+)re"), QRegularExpression::CaseInsensitiveOption),
        QRegularExpression(QStringLiteral(R"re((LOGIN\s+\S+\s+)\S+)re"), QRegularExpression::CaseInsensitiveOption),
    };
    QString out = line;
    for (const QRegularExpression &re : patterns)
        out.replace(re, QStringLiteral("\\1[redacted]"));
    return out;
}

bool LogFile::install(const QString &folder, qint64 maxBytes, int keptFiles)
{
    if (!makePrivateFolder(folder))
        return false;
    std::lock_guard lock(g_mutex);
    g_path = QDir(folder).filePath(QStringLiteral("vaulttray.log"));
    g_maxBytes = maxBytes;
    g_kept = keptFiles;
    openFile();
    if (!g_file)
        return false;
    g_previous = qInstallMessageHandler(handler);
    return true;
}

void LogFile::uninstall()
{
    qInstallMessageHandler(g_previous);
    std::lock_guard lock(g_mutex);
    g_previous = nullptr;
    delete g_file;
    g_file = nullptr;
}

QString LogFile::defaultFolder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("logs"));
}

} // namespace vaulttray
