#pragma once

#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace vaulttray::test {

// What the secrets tests run with outside a capture: vaulttray's debug lines only add noise to passing runs.
inline constexpr char kQuietDebugRules[] = "vaulttray.*.debug=false";

// Records every message of every category, debug included, while it lives; non-debug messages still reach the
// previous handler (QtTest's). One at a time per process; afterwards the rules are kQuietDebugRules.
class LogCapture
{
public:
    LogCapture();
    ~LogCapture();

    LogCapture(const LogCapture &) = delete;
    LogCapture &operator=(const LogCapture &) = delete;

    QString text() const; // "category: message" lines
    bool contains(const QString &needle) const;

private:
    QtMessageHandler m_previous;
};

} // namespace vaulttray::test
