#include "daemon/controlcommand.h"

#include "core/exitcodes.h"

#include <QMetaEnum>

namespace vaulttray {

namespace {
const QHash<ControlCommand::Verb, QString> &verbNames()
{
    static const QHash<ControlCommand::Verb, QString> names{
        {ControlCommand::Verb::AccountList, QStringLiteral("account-list")},
        {ControlCommand::Verb::AccountAddImap, QStringLiteral("account-add-imap")},
        {ControlCommand::Verb::AccountAddGmail, QStringLiteral("account-add-gmail")},
        {ControlCommand::Verb::AccountRemove, QStringLiteral("account-remove")},
        {ControlCommand::Verb::Sync, QStringLiteral("sync")},
        {ControlCommand::Verb::Status, QStringLiteral("status")},
        {ControlCommand::Verb::Show, QStringLiteral("show")},
        {ControlCommand::Verb::SecretsPolicy, QStringLiteral("secrets-policy")},
        {ControlCommand::Verb::AccountSignIn, QStringLiteral("account-signin")},
        {ControlCommand::Verb::SignedIn, QStringLiteral("signed-in")},
        {ControlCommand::Verb::Autostart, QStringLiteral("autostart")},
        {ControlCommand::Verb::Import, QStringLiteral("import")},
        {ControlCommand::Verb::Search, QStringLiteral("search")},
        {ControlCommand::Verb::ExportEml, QStringLiteral("export-eml")},
        {ControlCommand::Verb::Pause, QStringLiteral("pause")},
        {ControlCommand::Verb::Resume, QStringLiteral("resume")},
        {ControlCommand::Verb::Quit, QStringLiteral("quit")},
    };
    return names;
}
} // namespace

QJsonObject ControlCommand::toJson() const
{
    return {{QStringLiteral("verb"), verbNames().value(verb)},
            {QStringLiteral("name"), name},
            {QStringLiteral("json"), json},
            {QStringLiteral("once"), once},
            {QStringLiteral("deleteArchivedMail"), deleteArchivedMail},
            {QStringLiteral("settings"), QString::fromUtf8(settingsJson)}};
}

std::optional<ControlCommand> ControlCommand::fromJson(const QJsonObject &o)
{
    const QString verb = o.value(QStringLiteral("verb")).toString();
    const auto &names = verbNames();
    for (auto it = names.cbegin(); it != names.cend(); ++it) {
        if (it.value() != verb)
            continue;
        ControlCommand c;
        c.verb = it.key();
        c.name = o.value(QStringLiteral("name")).toString();
        c.json = o.value(QStringLiteral("json")).toBool();
        c.once = o.value(QStringLiteral("once")).toBool();
        c.deleteArchivedMail = o.value(QStringLiteral("deleteArchivedMail")).toBool();
        c.settingsJson = o.value(QStringLiteral("settings")).toString().toUtf8();
        return c;
    }
    return std::nullopt;
}

QJsonObject ControlReply::toJson() const
{
    return {{QStringLiteral("exitCode"), exitCode}, {QStringLiteral("out"), out}, {QStringLiteral("err"), err}};
}

ControlReply ControlReply::fromJson(const QJsonObject &o)
{
    return {o.value(QStringLiteral("exitCode")).toInt(ExitLocal), o.value(QStringLiteral("out")).toString(),
            o.value(QStringLiteral("err")).toString()};
}

} // namespace vaulttray
