#pragma once

#include <QtGlobal>

#include <atomic>

namespace vaulttray::test {

// Counts error-level log messages (qCritical, which the log file writes as ERROR) while it lives, and
// passes every message on. "Zero error-level reports" is asserted with it. Make it in initTestCase():
// QTest installs its own handler when the test starts, which would replace one made earlier.
class CriticalCounter
{
public:
    CriticalCounter() { s_previous = qInstallMessageHandler(&CriticalCounter::handle); }
    ~CriticalCounter() { qInstallMessageHandler(s_previous); }
    CriticalCounter(const CriticalCounter &) = delete;
    CriticalCounter &operator=(const CriticalCounter &) = delete;

    int count() const { return s_count.load(); }
    void reset() { s_count = 0; }

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        if (type == QtCriticalMsg)
            ++s_count;
        if (s_previous)
            s_previous(type, context, message);
    }

    static inline std::atomic_int s_count{0};
    static inline QtMessageHandler s_previous = nullptr;
};

} // namespace vaulttray::test
