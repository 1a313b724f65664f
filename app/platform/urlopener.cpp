#include "platform/urlopener.h"

#include <QProcess>
#include <QStandardPaths>

namespace vaulttray {

bool openUrlExternally(const QUrl &url)
{
    const QString target = url.toString(QUrl::FullyEncoded);
#if defined(Q_OS_MACOS)
    return QProcess::startDetached(QStringLiteral("open"), {target});
#elif defined(Q_OS_WIN)
    return QProcess::startDetached(QStringLiteral("rundll32"), {QStringLiteral("url.dll,FileProtocolHandler"), target});
#else
    if (!QStandardPaths::findExecutable(QStringLiteral("xdg-open")).isEmpty() &&
        QProcess::startDetached(QStringLiteral("xdg-open"), {target}))
        return true;
    // $BROWSER is a colon-separated list of commands, as xdg-open reads it.
    const QStringList browsers = qEnvironmentVariable("BROWSER").split(QLatin1Char(':'), Qt::SkipEmptyParts);
    for (const QString &browser : browsers) {
        if (QProcess::startDetached(browser, {target}))
            return true;
    }
    return false;
#endif
}

} // namespace vaulttray
