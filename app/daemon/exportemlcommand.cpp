#include "daemon/exportemlcommand.h"

#include "core/exitcodes.h"
#include "daemon/archivereadaccess.h"
#include "daemon/clientcommand.h"
#include "store/archivereader.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <cstdio>

#ifdef Q_OS_WIN
#include <fcntl.h>
#include <io.h>
#endif

namespace vaulttray {

namespace {
// This file's user-visible texts; their translation context is "ExportEmlCommand".
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ExportEmlCommand)
};

bool writeStdout(const QByteArray &bytes)
{
#ifdef Q_OS_WIN
    _setmode(_fileno(stdout), _O_BINARY); // no \n → \r\n translation of the message's bytes
#endif
    const bool written = std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout) == size_t(bytes.size());
    return std::fflush(stdout) == 0 && written;
}
} // namespace

ExportEmlCommand::ExportEmlCommand(ControlCommand command, QString archivePath)
    : m_command(std::move(command)), m_archivePath(std::move(archivePath))
{
}

int ExportEmlCommand::run()
{
    const qint64 id = m_command.name.toLongLong();
    const QString output =
        QJsonDocument::fromJson(m_command.settingsJson).object().value(QStringLiteral("output")).toString();
    // Checked first, so a wrong name costs nothing.
    if (!output.isEmpty() && QFileInfo::exists(output)) {
        printTo(stderr, Text::tr("%1 exists already; nothing was written. Choose a new file name.\n").arg(output));
        return ExitUsage;
    }
    if (const StoreError error = prepareForReading(m_archivePath)) {
        printTo(stderr, error.message + QLatin1Char('\n'));
        return ExitLocal;
    }
    std::optional<QByteArray> raw;
    {
        ArchiveReader reader(m_archivePath);
        if (reader.openError()) {
            printTo(stderr, reader.openError().message + QLatin1Char('\n'));
            return ExitLocal;
        }
        raw = reader.rawMessage(id);
    }
    if (!raw) {
        printTo(stderr, Text::tr("No message with id %1 in the archive (vaulttray search shows the ids).\n").arg(id));
        return ExitUsage;
    }
    if (output.isEmpty()) {
        if (!writeStdout(*raw)) {
            printTo(stderr, Text::tr("Could not write the message to standard output.\n"));
            return ExitLocal;
        }
        return ExitOk;
    }
    QSaveFile file(output);
    if (!file.open(QIODevice::WriteOnly) || file.write(*raw) != raw->size() ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) || !file.commit()) {
        printTo(stderr, Text::tr("Could not write %1: %2\n").arg(output, file.errorString()));
        return ExitLocal;
    }
    printTo(stderr, QCoreApplication::translate("ExportEmlCommand", "Wrote message %1 (%n byte(s)) to %2.\n", nullptr,
                                                int(raw->size()))
                        .arg(id)
                        .arg(output));
    return ExitOk;
}

} // namespace vaulttray
