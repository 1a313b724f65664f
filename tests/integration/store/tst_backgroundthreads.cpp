// The threads that archive in the background — the archive writer and the parse stages — run at a lower priority
// than the GUI thread, so a busy machine serves the person's clicks first. Read from the kernel's view of this
// process's threads (/proc/self/task), by the names the threads carry.
#include "core/backgroundthread.h"
#include "store/archive.h"
#include "store/archivewriter.h"
#include "sync/parsestage.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QTemporaryDir>
#include <QTest>

using namespace vaulttray;

namespace {
// Thread name → nice value, for every thread of this process.
QHash<QString, int> niceByThreadName()
{
    QHash<QString, int> out;
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(tasks.filePath(tid + QStringLiteral("/comm")));
        QFile stat(tasks.filePath(tid + QStringLiteral("/stat")));
        if (!comm.open(QIODevice::ReadOnly) || !stat.open(QIODevice::ReadOnly))
            continue; // the thread ended meanwhile
        // stat: "pid (comm) state ..."; after the closing parenthesis the fields go on from the third; nice is the 19th.
        const QByteArray line = stat.readAll();
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        out.insert(QString::fromUtf8(comm.readAll().trimmed()), fields.value(19 - 3).toInt());
    }
    return out;
}
} // namespace

class TestBackgroundThreads : public QObject
{
    Q_OBJECT

private slots:
    void writerAndParseStageYieldToTheGuiThread()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("archive.db"));
        QVERIFY(!Archive::prepare(path));
        ArchiveWriter writer(path);
        QVERIFY(!writer.start());
        QObject receiver;
        ParseStage stage(&receiver, QStringLiteral("test-parse"));
        QEventLoop loop;
        stage.run([] {}, [&loop] { loop.quit(); }); // after the stage's first job, which lowered its priority
        loop.exec();

        const QHash<QString, int> nice = niceByThreadName();
        QVERIFY2(nice.contains(QStringLiteral("archive-writer")), qPrintable(nice.keys().join(u',')));
        QCOMPARE(nice.value(QStringLiteral("archive-writer")), kBackgroundNice);
        QCOMPARE(nice.value(QStringLiteral("test-parse")), kBackgroundNice);
        // The test's own (GUI-like) thread keeps its priority: the count is not simply of every thread.
        QCOMPARE(nice.value(QStringLiteral("tst_backgroundt")), 0);
    }
};

QTEST_GUILESS_MAIN(TestBackgroundThreads)
#include "tst_backgroundthreads.moc"
