#include "logcapture.h"

#include <QLoggingCategory>
#include <QMutex>

namespace vaulttray::test {

namespace {

QMutex g_mutex;
QStringList g_lines;
QtMessageHandler g_previous = nullptr;

void capture(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&g_mutex);
        g_lines << QStringLiteral("%1: %2").arg(QString::fromLatin1(context.category ? context.category : "default"),
                                                message);
    }
    if (type != QtDebugMsg && g_previous)
        g_previous(type, context, message);
}

} // namespace

LogCapture::LogCapture()
{
    QMutexLocker lock(&g_mutex);
    g_lines.clear();
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
    g_previous = qInstallMessageHandler(capture);
    m_previous = g_previous;
}

LogCapture::~LogCapture()
{
    qInstallMessageHandler(m_previous);
    QLoggingCategory::setFilterRules(QString::fromLatin1(kQuietDebugRules));
}

QString LogCapture::text() const
{
    QMutexLocker lock(&g_mutex);
    return g_lines.join(QLatin1Char('\n'));
}

bool LogCapture::contains(const QString &needle) const
{
    return text().contains(needle);
}

} // namespace vaulttray::test
