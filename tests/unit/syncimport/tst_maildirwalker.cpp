// The Maildir walker: what is a Maildir, Maildir++ folder names in modified UTF-7, flags from file names, and
// which files are messages (cur/ and new/, not tmp/, not hidden files), in a stable order.
#include "sync/import/maildirwalker.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace vaulttray;

namespace {
bool touch(const QString &path)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write("Subject: x\n\nbody\n") > 0;
}
} // namespace

class TestMaildirWalker : public QObject
{
    Q_OBJECT

private slots:
    void namesFolders_data()
    {
        QTest::addColumn<QString>("dirName");
        QTest::addColumn<QString>("name");
        QTest::newRow("top level") << ".Sent"
                                   << "Sent";
        QTest::newRow("nested") << ".Archive.2023"
                                << "Archive/2023";
        QTest::newRow("modified UTF-7") << ".Re&AOc-us" << QStringLiteral("Reçus");
        QTest::newRow("modified UTF-7, astral and BMP") << ".Reisen &Jwg- 2024" << QStringLiteral("Reisen ✈ 2024");
        QTest::newRow("nested, modified UTF-7") << ".&AMQ-rger.Z&APw-rich" << QStringLiteral("Ärger/Zürich");
        QTest::newRow("an ampersand") << ".Tom &- Jerry"
                                      << "Tom & Jerry";
        QTest::newRow("invalid modified UTF-7 is read as UTF-8") << QStringLiteral(".Grüße") << QStringLiteral("Grüße");
    }

    void namesFolders()
    {
        QFETCH(QString, dirName);
        QFETCH(QString, name);
        QCOMPARE(MaildirWalker::folderName(dirName), name);
    }

    void readsFlagsFromFileNames_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QString>("flags");
        QTest::newRow("seen") << "1700000000.M1P2.host,S=1234,W=1260:2,S"
                              << "\\Seen";
        QTest::newRow("all six") << "1700000000.M1P2.host:2,DFPRST"
                                 << "\\Draft \\Flagged $Forwarded \\Answered \\Seen \\Deleted";
        QTest::newRow("Dovecot keywords are not flags") << "1700000000.M1P2.host:2,Sab"
                                                        << "\\Seen";
        QTest::newRow("no info (new/)") << "1700000000.M1P2.host"
                                        << "";
        QTest::newRow("empty info") << "1700000000.M1P2.host:2,"
                                    << "";
        QTest::newRow("experimental info is not flags") << "1700000000.M1P2.host:1,S"
                                                        << "";
    }

    void readsFlagsFromFileNames()
    {
        QFETCH(QString, fileName);
        QFETCH(QString, flags);
        QCOMPARE(MaildirWalker::flagsFromFileName(fileName), flags);
    }

    void walksMessagesInOrder()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString root = dir.path();
        for (const char *path : {"cur/2.a:2,S", "cur/1.b:2,RS", "new/3.c", "tmp/4.d", "cur/.hidden",
                                 ".Sent/cur/5.e:2,S", ".Sent/new/6.f", ".Re&AOc-us/cur/7.g:2,F", ".Re&AOc-us/tmp/8.h",
                                 ".Archive.2023/cur/9.i", ".NotAMaildir/9.j", "junk/cur/10.k"})
            QVERIFY(touch(root + QLatin1Char('/') + QLatin1String(path)));
        QDir(root).mkpath(QStringLiteral(".Re&AOc-us/new"));
        QDir(root).mkpath(QStringLiteral(".Archive.2023/new"));
        QDir(root).mkpath(QStringLiteral(".Empty/cur"));
        QDir(root).mkpath(QStringLiteral(".Empty/new"));
        QVERIFY(MaildirWalker::isMaildir(root));
        QVERIFY(!MaildirWalker::isMaildir(root + QStringLiteral("/.NotAMaildir")));

        MaildirWalker walker(root);
        walker.scan();
        QCOMPARE(walker.folders(), (QStringList{"INBOX", "Archive/2023", "Empty", QStringLiteral("Reçus"), "Sent"}));
        QVERIFY(walker.unreadableFolders().isEmpty());
        QCOMPARE(walker.fileCount(), 7);
        QStringList seen;
        MaildirEntry e;
        while (walker.next(&e))
            seen << QStringLiteral("%1|%2|%3").arg(e.folder, QDir(root).relativeFilePath(e.path), e.flags);
        QCOMPARE(seen, (QStringList{"INBOX|cur/1.b:2,RS|\\Answered \\Seen", "INBOX|cur/2.a:2,S|\\Seen",
                                    "INBOX|new/3.c|", "Archive/2023|.Archive.2023/cur/9.i|",
                                    QStringLiteral("Reçus|.Re&AOc-us/cur/7.g:2,F|\\Flagged"),
                                    "Sent|.Sent/cur/5.e:2,S|\\Seen", "Sent|.Sent/new/6.f|"}));
        QVERIFY(!walker.next(&e));
    }
};

QTEST_GUILESS_MAIN(TestMaildirWalker)
#include "tst_maildirwalker.moc"
