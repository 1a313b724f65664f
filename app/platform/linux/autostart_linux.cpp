#include "platform/linux/autostart_linux.h"

#include "core/version.h"
#include "platform/logging_platform.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSaveFile>
#include <QStandardPaths>

namespace vaulttray {

namespace {
// This file's user-visible texts; their translation context is "XdgAutostart".
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(XdgAutostart)
};

QString entryFileName()
{
    return QString::fromLatin1(kAppId) + QStringLiteral(".desktop");
}

// The keys of the [Desktop Entry] group; an unreadable file has none.
QHash<QString, QString> readEntry(const QString &path)
{
    QHash<QString, QString> keys;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return keys;
    bool inMainGroup = false;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        if (line.startsWith(QLatin1Char('['))) {
            inMainGroup = line == QLatin1String("[Desktop Entry]");
            continue;
        }
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (inMainGroup && equals > 0)
            keys.insert(line.left(equals).trimmed(), line.mid(equals + 1).trimmed());
    }
    return keys;
}

// Booleans as sessions read them (GLib's key file: "true"/"1", "false"/"0").
bool isTrue(const QString &value)
{
    return value == QLatin1String("true") || value == QLatin1String("1");
}

bool isFalse(const QString &value)
{
    return value == QLatin1String("false") || value == QLatin1String("0");
}

// How a session reads an entry at login.
bool startsAtLogin(const QString &path)
{
    const QHash<QString, QString> keys = readEntry(path);
    return keys.value(QStringLiteral("Type")) == QLatin1String("Application") &&
           !isTrue(keys.value(QStringLiteral("Hidden"))) &&
           !isFalse(keys.value(QStringLiteral("X-GNOME-Autostart-enabled")));
}

bool needsQuotes(const QString &argument)
{
    static const QString reserved = QStringLiteral(" \t\n\"'\\><~|&;$*?#()`");
    if (argument.isEmpty())
        return true;
    for (const QChar c : argument) {
        if (reserved.contains(c))
            return true;
    }
    return false;
}
} // namespace

QString desktopExecArgument(const QString &argument)
{
    // 1. The Exec quoting rule: double quotes, with " ` $ \ escaped by a backslash; % doubled in any case.
    QString quoted;
    if (needsQuotes(argument)) {
        quoted += QLatin1Char('"');
        for (const QChar c : argument) {
            if (c == QLatin1Char('"') || c == QLatin1Char('`') || c == QLatin1Char('$') || c == QLatin1Char('\\'))
                quoted += QLatin1Char('\\');
            quoted += c;
        }
        quoted += QLatin1Char('"');
    } else {
        quoted = argument;
    }
    quoted.replace(QLatin1Char('%'), QStringLiteral("%%"));
    // 2. The string-value escapes, which a reader undoes before the quoting rule.
    QString value;
    for (const QChar c : quoted) {
        switch (c.unicode()) {
        case '\\': value += QStringLiteral("\\\\"); break;
        case '\n': value += QStringLiteral("\\n"); break;
        case '\t': value += QStringLiteral("\\t"); break;
        case '\r': value += QStringLiteral("\\r"); break;
        default: value += c;
        }
    }
    return value;
}

XdgAutostart::XdgAutostart(QString program, QString configHome, QStringList systemConfigDirs)
    : m_program(std::move(program)), m_configHome(std::move(configHome)),
      m_systemConfigDirs(std::move(systemConfigDirs))
{
}

QByteArray XdgAutostart::entryFor(const QString &program, bool hidden)
{
    QString text = QStringLiteral("[Desktop Entry]\n"
                                  "Type=Application\n"
                                  "Name=vaulttray\n"
                                  "Comment=Keeps a local archive of your mail\n"
                                  "Exec=%1\n"
                                  "Icon=%2\n"
                                  "Terminal=false\n")
                       .arg(desktopExecArgument(program), QString::fromLatin1(kAppId));
    text += hidden ? QStringLiteral("Hidden=true\n") : QStringLiteral("X-GNOME-Autostart-enabled=true\n");
    return text.toUtf8();
}

QString XdgAutostart::location() const
{
    return QDir(m_configHome).filePath(QStringLiteral("autostart/") + entryFileName());
}

QString XdgAutostart::systemEntry() const
{
    for (const QString &dir : m_systemConfigDirs) {
        const QString path = QDir(dir).filePath(QStringLiteral("autostart/") + entryFileName());
        if (QFileInfo::exists(path))
            return path;
    }
    return {};
}

bool XdgAutostart::isEnabled() const
{
    if (QFileInfo::exists(location()))
        return startsAtLogin(location());
    const QString system = systemEntry();
    return !system.isEmpty() && startsAtLogin(system);
}

Failure XdgAutostart::enable()
{
    return writeEntry(entryFor(m_program, false));
}

Failure XdgAutostart::disable()
{
    if (!isEnabled())
        return Failure::none();
    const QString system = systemEntry();
    if (!system.isEmpty() && startsAtLogin(system))
        return writeEntry(entryFor(m_program, true)); // the spec's way to switch off a system-wide entry
    if (!QFile::remove(location()))
        return Failure::of(FailureKind::Local, Text::tr("could not remove %1").arg(location()));
    qCInfo(lcPlatform) << "autostart entry removed:" << location();
    return Failure::none();
}

Failure XdgAutostart::writeEntry(const QByteArray &text)
{
    const QString path = location();
    QFile current(path);
    if (current.open(QIODevice::ReadOnly) && current.readAll() == text)
        return Failure::none();
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Failure::of(FailureKind::Local,
                           Text::tr("could not create the folder %1").arg(QFileInfo(path).absolutePath()));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit())
        return Failure::of(FailureKind::Local, Text::tr("could not write %1: %2").arg(path, file.errorString()));
    qCInfo(lcPlatform) << "autostart entry written:" << path;
    return Failure::none();
}

std::unique_ptr<Autostart> createAutostart(const QString &program)
{
    QStringList configDirs = QStandardPaths::standardLocations(QStandardPaths::GenericConfigLocation);
    const QString configHome = configDirs.isEmpty() ? QString() : configDirs.takeFirst();
    return std::make_unique<XdgAutostart>(program, configHome, configDirs);
}

} // namespace vaulttray
