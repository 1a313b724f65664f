#pragma once

#include "secretstestbed.h"

#include <QCoreApplication>
#include <QTest>

namespace vaulttray::test {

// The main() of a test class constructed with a SecretsTestBed: the bed first (before anything reads HOME or touches
// D-Bus), then the application and the private session, then the test; the session is stopped afterwards.
template <typename Test>
int execWithSecretsTestBed(SecretsTestBed::Bus bus, int argc, char **argv)
{
    SecretsTestBed bed(bus);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("vaulttray"));
    QString error;
    if (!bed.start(&error)) {
        qCritical("test bed: %s", qPrintable(error));
        return 1;
    }
    int failed = 0;
    {
        Test test(bed);
        failed = QTest::qExec(&test, argc, argv);
    }
    bed.stop();
    return failed;
}

} // namespace vaulttray::test
