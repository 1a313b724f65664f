#pragma once

#include <QString>

namespace vaulttray::test {

// A folder that really refuses writes, even to root (tests run as root in CI, and root ignores
// permission bits): as root it is a small tmpfs remounted read-only; otherwise chmod 0500.
// Files can be placed in it with prepare() before makeReadOnly().
class ReadOnlyDir
{
public:
    explicit ReadOnlyDir(const QString &path);
    ~ReadOnlyDir();
    bool makeReadOnly();
    QString errorString() const { return m_error; }
    QString path() const { return m_path; }

private:
    bool run(const QStringList &args);
    QString m_path;
    QString m_error;
    bool m_mounted = false;
};

} // namespace vaulttray::test
