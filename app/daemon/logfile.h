#pragma once

#include <QString>

namespace vaulttray {

// The daemon's log: every message also goes to a size-rotated file (vaulttray.log, .1 … .N) in the
// app's data folder, readable by the person only. Transient failures are WARNING, real ones CRITICAL.
class LogFile
{
public:
    static constexpr qint64 kMaxBytes = 1024 * 1024;
    static constexpr int kKeptFiles = 5;

    // Installs the message handler; messages still reach stderr. Returns false if the folder cannot be made.
    static bool install(const QString &folder, qint64 maxBytes = kMaxBytes, int keptFiles = kKeptFiles);
    static void uninstall();
    static QString defaultFolder();
};

// Defence in depth: whatever a bug might put in a log line, credentials do not reach the file.
// Masks bearer tokens, OAuth token/secret fields in JSON or form bodies, and password= values.
QString redactSecrets(const QString &line);

} // namespace vaulttray
