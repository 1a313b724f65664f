#include "platform/mac/autostart_mac.h"

#include "core/version.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

namespace vaulttray {

namespace {
// This file's user-visible texts; their translation context is "LaunchAgentAutostart".
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(LaunchAgentAutostart)
};

// The value of a top-level boolean key of a property list, or `fallback` when the key is absent.
bool plistBool(const QString &path, const QString &key, bool fallback)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fallback;
    QXmlStreamReader xml(&file);
    // <plist><dict><key>K</key><true/>...: the top-level dict's entries sit at depth 3.
    constexpr int kTopLevelEntryDepth = 3;
    int depth = 0;
    bool nextIsValue = false;
    while (!xml.atEnd()) {
        const QXmlStreamReader::TokenType token = xml.readNext();
        if (token == QXmlStreamReader::EndElement)
            --depth;
        if (token != QXmlStreamReader::StartElement)
            continue;
        if (++depth != kTopLevelEntryDepth)
            continue;
        if (nextIsValue)
            return xml.name() == QLatin1String("true");
        if (xml.name() == QLatin1String("key")) {
            nextIsValue = xml.readElementText() == key; // consumes the end element
            --depth;
        }
    }
    return fallback;
}
} // namespace

LaunchAgentAutostart::LaunchAgentAutostart(QString program, QString launchAgentsDir)
    : m_program(std::move(program)), m_launchAgentsDir(std::move(launchAgentsDir))
{
}

QString LaunchAgentAutostart::location() const
{
    return QDir(m_launchAgentsDir).filePath(QString::fromLatin1(kAppId) + QStringLiteral(".plist"));
}

bool LaunchAgentAutostart::isEnabled() const
{
    return QFileInfo::exists(location()) && !plistBool(location(), QStringLiteral("Disabled"), false) &&
           plistBool(location(), QStringLiteral("RunAtLoad"), false);
}

QByteArray LaunchAgentAutostart::plist() const
{
    QByteArray text;
    QXmlStreamWriter xml(&text);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeDTD(QStringLiteral("<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
                                "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">"));
    xml.writeStartElement(QStringLiteral("plist"));
    xml.writeAttribute(QStringLiteral("version"), QStringLiteral("1.0"));
    xml.writeStartElement(QStringLiteral("dict"));
    xml.writeTextElement(QStringLiteral("key"), QStringLiteral("Label"));
    xml.writeTextElement(QStringLiteral("string"), QString::fromLatin1(kAppId));
    xml.writeTextElement(QStringLiteral("key"), QStringLiteral("ProgramArguments"));
    xml.writeStartElement(QStringLiteral("array"));
    xml.writeTextElement(QStringLiteral("string"), m_program);
    xml.writeEndElement();
    xml.writeTextElement(QStringLiteral("key"), QStringLiteral("RunAtLoad"));
    xml.writeEmptyElement(QStringLiteral("true"));
    // A menu-bar app the person sees: launchd must not throttle it like a background daemon.
    xml.writeTextElement(QStringLiteral("key"), QStringLiteral("ProcessType"));
    xml.writeTextElement(QStringLiteral("string"), QStringLiteral("Interactive"));
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndDocument();
    return text;
}

Failure LaunchAgentAutostart::enable()
{
    const QByteArray text = plist();
    QFile current(location());
    if (current.open(QIODevice::ReadOnly) && current.readAll() == text)
        return Failure::none();
    if (!QDir().mkpath(m_launchAgentsDir))
        return Failure::of(FailureKind::Local, Text::tr("could not create the folder %1").arg(m_launchAgentsDir));
    QSaveFile file(location());
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit())
        return Failure::of(FailureKind::Local, Text::tr("could not write %1: %2").arg(location(), file.errorString()));
    return Failure::none();
}

Failure LaunchAgentAutostart::disable()
{
    if (QFileInfo::exists(location()) && !QFile::remove(location()))
        return Failure::of(FailureKind::Local, Text::tr("could not remove %1").arg(location()));
    return Failure::none();
}

std::unique_ptr<Autostart> createAutostart(const QString &program)
{
    return std::make_unique<LaunchAgentAutostart>(program, QDir::home().filePath(QStringLiteral("Library/LaunchAgents")));
}

} // namespace vaulttray
