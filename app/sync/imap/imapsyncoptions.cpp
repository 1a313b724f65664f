#include "sync/imap/imapsyncoptions.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace vaulttray {

namespace {
bool stringList(const QJsonValue &value, QStringList *out)
{
    if (value.isUndefined() || value.isNull())
        return true;
    if (!value.isArray())
        return false;
    for (const QJsonValue &v : value.toArray()) {
        if (!v.isString())
            return false;
        *out << v.toString();
    }
    return true;
}
} // namespace

ImapSyncOptions ImapSyncOptions::fromSettings(const QByteArray &settingsJson, QString *error)
{
    ImapSyncOptions options;
    const QJsonObject folders = QJsonDocument::fromJson(settingsJson).object().value(QStringLiteral("folders")).toObject();
    QStringList include, exclude;
    if (!stringList(folders.value(QStringLiteral("include")), &include) ||
        !stringList(folders.value(QStringLiteral("exclude")), &exclude)) {
        if (error)
            *error = QStringLiteral("folders.include and folders.exclude must be lists of folder name patterns");
        return options;
    }
    options.folders = ImapFolderFilter(include, exclude);
    return options;
}

} // namespace vaulttray
