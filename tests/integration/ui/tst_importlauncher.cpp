// "Import mail…" from the tray: the launcher runs the real `vaulttray import` as a process of its own, so the GUI
// thread never waits for it, and reports how it ended in the command's own words.
#include "mailcorpus.h"
#include "store/archivereader.h"
#include "ui/importlauncher.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace vaulttray;
using namespace vaulttray::test;

namespace {
// Waits for a real process: a generated Maildir imported with fsyncs.
constexpr int kImportTimeoutMs = 120000;
constexpr int kMessages = 120;
} // namespace

class TestImportLauncher : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_archive = m_dir.filePath(QStringLiteral("archive.db"));
        qputenv("HOME", m_dir.path().toUtf8());
        qputenv("XDG_RUNTIME_DIR", m_dir.path().toUtf8());
    }

    void aMaildirIsImportedWhileTheGuiThreadTurns()
    {
        const QString maildir = m_dir.filePath(QStringLiteral("Maildir"));
        const Corpus corpus = writeMaildirCorpus(maildir, kMessages, 5);
        QVERIFY2(corpus.error.isEmpty(), qPrintable(corpus.error));
        ImportLauncher launcher(qEnvironmentVariable("VAULTTRAY_BIN"), m_archive);
        QSignalSpy finished(&launcher, &ImportLauncher::finished);
        // The GUI thread's event loop keeps turning while the import runs: the import is not on it.
        int turns = 0;
        QTimer tick;
        connect(&tick, &QTimer::timeout, this, [&turns] { ++turns; });
        tick.start(0);
        QVERIFY(launcher.import(ImportLauncher::Format::Maildir, maildir));
        QVERIFY(launcher.isRunning());
        QVERIFY(!launcher.import(ImportLauncher::Format::Maildir, maildir)); // one at a time
        QVERIFY(finished.wait(kImportTimeoutMs));
        tick.stop();
        QVERIFY(turns > 10);
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QVERIFY2(finished.at(0).at(1).toString().contains(QString::number(kMessages)),
                 qPrintable(finished.at(0).at(1).toString()));
        ArchiveReader reader(m_archive);
        const std::optional<AccountRecord> local = reader.account(QStringLiteral("local"));
        QVERIFY(local.has_value());
        QCOMPARE(reader.messageCount(local->id), qint64(corpus.messages.size()));
        QVERIFY(!launcher.isRunning());
    }

    void aFileThatIsNotAnMboxIsToldInTheCommandsWords()
    {
        const QString notMbox = m_dir.filePath(QStringLiteral("notes.txt"));
        QFile file(notMbox);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("shopping list\nmilk\n");
        file.close();
        ImportLauncher launcher(qEnvironmentVariable("VAULTTRAY_BIN"), m_archive);
        QSignalSpy finished(&launcher, &ImportLauncher::finished);
        QVERIFY(launcher.import(ImportLauncher::Format::Mbox, notMbox));
        QVERIFY(finished.wait(kImportTimeoutMs));
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        const QString text = finished.at(0).at(1).toString();
        QVERIFY2(text.contains(notMbox) && text.contains(QStringLiteral("mbox")), qPrintable(text));
    }

    void aMissingProgramIsAnEndToo()
    {
        ImportLauncher launcher(m_dir.filePath(QStringLiteral("no-such-program")), m_archive);
        QSignalSpy finished(&launcher, &ImportLauncher::finished);
        QVERIFY(launcher.import(ImportLauncher::Format::Mbox, m_dir.filePath(QStringLiteral("x.mbox"))));
        QVERIFY(finished.wait(kImportTimeoutMs));
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QVERIFY(!launcher.isRunning());
    }

private:
    QTemporaryDir m_dir;
    QString m_archive;
};

QTEST_MAIN(TestImportLauncher)
#include "tst_importlauncher.moc"
