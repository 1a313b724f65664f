#include "platform/win/autostart_win.h"

#include "core/version.h"

#include <QCoreApplication>
#include <QDir>
#include <QSettings>

namespace vaulttray {

namespace {
const QString kRunKey = QStringLiteral("HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run");

// This file's user-visible texts; their translation context is "RunKeyAutostart".
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(RunKeyAutostart)
};

QString valueName()
{
    return QString::fromLatin1(kAppName);
}

Failure failureOf(const QSettings &run)
{
    if (run.status() == QSettings::NoError)
        return Failure::none();
    return Failure::of(FailureKind::Local, Text::tr("could not change the registry key %1").arg(kRunKey));
}
} // namespace

RunKeyAutostart::RunKeyAutostart(QString program) : m_program(std::move(program)) {}

QString RunKeyAutostart::location() const
{
    return kRunKey + QLatin1Char('\\') + valueName();
}

QString RunKeyAutostart::command() const
{
    // Quoted, since "C:\Program Files\..." has a space.
    return QLatin1Char('"') + QDir::toNativeSeparators(m_program) + QLatin1Char('"');
}

bool RunKeyAutostart::isEnabled() const
{
    const QSettings run(kRunKey, QSettings::NativeFormat);
    return !run.value(valueName()).toString().isEmpty();
}

Failure RunKeyAutostart::enable()
{
    QSettings run(kRunKey, QSettings::NativeFormat);
    if (run.value(valueName()).toString() == command())
        return Failure::none();
    run.setValue(valueName(), command());
    run.sync();
    return failureOf(run);
}

Failure RunKeyAutostart::disable()
{
    QSettings run(kRunKey, QSettings::NativeFormat);
    if (!run.contains(valueName()))
        return Failure::none();
    run.remove(valueName());
    run.sync();
    return failureOf(run);
}

std::unique_ptr<Autostart> createAutostart(const QString &program)
{
    return std::make_unique<RunKeyAutostart>(program);
}

} // namespace vaulttray
