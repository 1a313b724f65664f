#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace vaulttray::testsupport {

// An archive of generated mail, written the way a sync writes it (buildMessageRecord + ArchiveWriter).
// Message n: from sender(n % 50), subject "Report n about TOPIC" where TOPIC cycles through
// alpha, budget, garden, harbour; every tenth has an attachment; dates one hour apart, newest last.
struct GeneratedArchive
{
    static QByteArray rawMessage(int n);
    static QString topic(int n);
    static QDateTime dateOf(int n);
    // Writes count messages into a fresh archive at path under account "work"; empty string on success.
    static QString write(const QString &path, int count);
};

} // namespace vaulttray::testsupport
