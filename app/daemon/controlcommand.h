#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace vaulttray {

// One request of the command line, run in-process or sent to the running instance. Never carries a
// secret: passwords go from the command line's stdin straight to the keychain.
struct ControlCommand
{
    enum class Verb {
        AccountList,
        AccountAddImap,
        AccountAddGmail,
        AccountRemove,
        Sync,
        Status,
        Show,
        SecretsPolicy, // local to the command line: name is "allow-private-file" or "keychain-only"
        AccountSignIn, // local to the command line: the browser sign-in, then SignedIn
        SignedIn,      // a new credential is stored: the account may sync again
        Autostart,     // local to the command line: name is "on", "off" or "status"
        Import,        // local to the command line: name is the account ("" for "local"); settings: format, path, mboxo
        Search,        // local to the command line (a reader): name is the query; settings: limit
        ExportEml,     // local to the command line (a reader): name is the message id; settings: output
        Pause,         // settings: seconds (absent: until resumed)
        Resume,
        Quit,
    };

    Verb verb = Verb::Status;
    QString name;
    bool json = false;
    bool once = false;
    bool deleteArchivedMail = false;
    QByteArray settingsJson; // AccountAddImap/AccountAddGmail: the provider's settings

    QJsonObject toJson() const;
    static std::optional<ControlCommand> fromJson(const QJsonObject &object);
};

struct ControlReply
{
    int exitCode = 0;
    QString out; // for stdout
    QString err; // for stderr

    QJsonObject toJson() const;
    static ControlReply fromJson(const QJsonObject &object);
};

} // namespace vaulttray
