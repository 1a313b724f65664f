#include "daemon/logfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>

using namespace vaulttray;

Q_LOGGING_CATEGORY(lcTestLog, "vaulttray.test")

class TestLogFile : public QObject
{
    Q_OBJECT

private slots:
    void redaction_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("secret");
        QTest::newRow("bearer header") << QStringLiteral("Authorization: Bearer ya29.a0AfH6SMBx-_tok") << QStringLiteral("ya29.a0AfH6SMBx-_tok");
        QTest::newRow("json refresh token") << QStringLiteral("{\"refresh_token\": \"1//0gSecret\", \"x\": 1}") << QStringLiteral("1//0gSecret");
        QTest::newRow("json access token") << QStringLiteral("{\"access_token\":\"ya29.secret\"}") << QStringLiteral("ya29.secret");
        QTest::newRow("form body") << QStringLiteral("grant_type=refresh_token&refresh_token=1//abc&client_secret=GOCSPX-x") << QStringLiteral("1//abc");
        QTest::newRow("form client secret") << QStringLiteral("client_id=a&client_secret=GOCSPX-x") << QStringLiteral("GOCSPX-x");
        QTest::newRow("imap xoauth2") << QStringLiteral("C: a1 AUTHENTICATE XOAUTH2 dXNlcj1hbGljZQFhdXRo") << QStringLiteral("dXNlcj1hbGljZQFhdXRo");
        QTest::newRow("imap login") << QStringLiteral("C: a1 LOGIN alice hunter2") << QStringLiteral("hunter2");
        QTest::newRow("redirect code") << QStringLiteral("GET /?state=xyz&code=4/0Adeu5BW") << QStringLiteral("4/0Adeu5BW");
    }
    void redaction()
    {
        QFETCH(QString, line);
        QFETCH(QString, secret);
        QVERIFY(line.contains(secret)); // the row itself is sound
        const QString out = redactSecrets(line);
        QVERIFY2(!out.contains(secret), qPrintable(out));
        QVERIFY(out.contains(QStringLiteral("[redacted]")));
    }

    void harmlessLinesAreUnchanged()
    {
        const QString line = QStringLiteral("work: transient failure, retrying later: Host mail.test not found");
        QCOMPARE(redactSecrets(line), line);
    }

    void writesOwnerOnlyAndRotates()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("vaulttray/logs"));
        QVERIFY(LogFile::install(folder, 2000, 3));
        for (int i = 0; i < 200; ++i)
            qCWarning(lcTestLog) << "line" << i << "Bearer sekrit-token-value";
        LogFile::uninstall();
        const QDir logs(folder);
        QVERIFY(logs.exists(QStringLiteral("vaulttray.log")));
        QVERIFY(logs.exists(QStringLiteral("vaulttray.log.3")));
        QVERIFY(!logs.exists(QStringLiteral("vaulttray.log.4")));
        QCOMPARE(QFileInfo(logs.filePath(QStringLiteral("vaulttray.log"))).permissions() & 0x0077, QFileDevice::Permissions());
        // The app's data folder made on the way holds the archive too: owner-only as well.
        QCOMPARE(QFileInfo(dir.filePath(QStringLiteral("vaulttray"))).permissions() & 0x0077, QFileDevice::Permissions());
        QFile f(logs.filePath(QStringLiteral("vaulttray.log")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(text.contains("WARNING vaulttray.test: line 199"));
        QVERIFY(!text.contains("sekrit"));
        QVERIFY(QFileInfo(f).size() < 2000);
    }
};

QTEST_GUILESS_MAIN(TestLogFile)
#include "tst_logfile.moc"
