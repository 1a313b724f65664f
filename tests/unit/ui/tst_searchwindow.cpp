// The search window over a real archive of generated mail: answers come from the worker thread while the
// GUI event loop keeps turning, stale answers are dropped, pages load as the list scrolls, the message view
// shows headers, text and attachment names, and "Save as .eml" writes the archived bytes exactly.
#include "generatedarchive.h"
#include "screenshot.h"

#include "ui/archivequeryworker.h"
#include "ui/searchresultsmodel.h"
#include "ui/searchwindow.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace vaulttray;
using testsupport::GeneratedArchive;

namespace {
constexpr int kMessages = 6000;
constexpr int kAnswerWaitMs = 30000;
} // namespace

class TestSearchWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("archive.db"));
        const QString error = GeneratedArchive::write(m_path, kMessages);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    // setQuery returns before any answer exists, the answer is computed on another thread, and the GUI
    // thread's event loop keeps turning meanwhile. A search run on the GUI thread would fail all three.
    void queryRunsOffTheGuiThread()
    {
        SearchWindow window(m_path);
        auto *worker = window.findChild<ArchiveQueryWorker *>();
        QVERIFY(worker);
        QThread *answeredOn = nullptr;
        connect(worker, &ArchiveQueryWorker::searched, this,
                [&answeredOn] { answeredOn = QThread::currentThread(); }, Qt::DirectConnection);
        int turns = 0;
        QTimer ticker;
        ticker.setInterval(0);
        connect(&ticker, &QTimer::timeout, this, [&turns] { ++turns; });
        QSignalSpy shown(&window, &SearchWindow::resultsShown);
        ticker.start();
        // A LIKE over every sender plus a prefix match: the slowest kind of query the window runs.
        window.setQuery(QStringLiteral("from:example.org caf* after:2023-01-01"));
        QCOMPARE(shown.count(), 0);
        QVERIFY(shown.wait(kAnswerWaitMs));
        QVERIFY(answeredOn);
        QVERIFY(answeredOn != QThread::currentThread());
        QVERIFY2(turns > 0, "the GUI event loop did not turn while the query ran");
        QCOMPARE(window.results()->rowCount(), SearchResultsModel::kPageSize);
    }

    void staleAnswerIsDropped()
    {
        SearchWindow window(m_path);
        auto *worker = window.findChild<ArchiveQueryWorker *>();
        QSignalSpy answered(worker, &ArchiveQueryWorker::searched);
        QSignalSpy shown(&window, &SearchWindow::resultsShown);
        window.setQuery(QStringLiteral("alpha"));
        window.setQuery(QStringLiteral("harbour"));
        QTRY_COMPARE_WITH_TIMEOUT(answered.count(), 2, kAnswerWaitMs);
        QCoreApplication::processEvents();
        QCOMPARE(shown.count(), 1);
        QVERIFY(window.results()->rowCount() > 0);
        for (int row = 0; row < window.results()->rowCount(); ++row)
            QVERIFY(window.results()->hitAt(row)->subject.endsWith(QLatin1String("about harbour")));
    }

    void newestFirstAndPagedOnScroll()
    {
        SearchWindow window(m_path);
        QSignalSpy shown(&window, &SearchWindow::resultsShown);
        window.setQuery(QStringLiteral("budget"));
        QVERIFY(shown.wait(kAnswerWaitMs));
        SearchResultsModel *model = window.results();
        QCOMPARE(model->rowCount(), SearchResultsModel::kPageSize);
        // Newest budget message is the highest n with n % 4 == 1.
        const int newest = (kMessages - 1) - ((kMessages - 1 - 1) % 4);
        QCOMPARE(model->hitAt(0)->subject, QStringLiteral("Report %1 about budget").arg(newest));
        QVERIFY(model->canFetchMore({}));
        model->fetchMore({});
        QVERIFY(shown.wait(kAnswerWaitMs));
        QCOMPARE(model->rowCount(), 2 * SearchResultsModel::kPageSize);
        for (int row = 1; row < model->rowCount(); ++row)
            QVERIFY(model->hitAt(row - 1)->date > model->hitAt(row)->date);
    }

    void accountFilterAndProblems()
    {
        SearchWindow window(m_path);
        QSignalSpy shown(&window, &SearchWindow::resultsShown);
        window.setQuery(QStringLiteral("garden account:nobody"));
        QVERIFY(shown.wait(kAnswerWaitMs));
        QCOMPARE(window.results()->rowCount(), 0);
        window.setQuery(QStringLiteral("after:someday"));
        auto *problem = window.findChild<QLabel *>(QStringLiteral("problem"));
        QVERIFY(problem->text().contains(QLatin1String("after:someday")));
        QVERIFY(!problem->isHidden());
    }

    void messageViewAndSaveAsEml()
    {
        SearchWindow window(m_path);
        window.resize(900, 640);
        QSignalSpy shown(&window, &SearchWindow::resultsShown);
        window.setQuery(QStringLiteral("has:attachment subject:report"));
        QVERIFY(shown.wait(kAnswerWaitMs));
        const SearchHit hit = *window.results()->hitAt(0);
        const int n = int(hit.subject.section(QLatin1Char(' '), 1, 1).toInt());
        QCOMPARE(n % 10, 0);
        QSignalSpy viewed(&window, &SearchWindow::messageShown);
        window.showMessage(hit.messageId);
        QVERIFY(viewed.wait(kAnswerWaitMs));
        QVERIFY(window.findChild<QLabel *>(QStringLiteral("headers"))->text().contains(hit.subject));
        QVERIFY(window.findChild<QPlainTextEdit *>(QStringLiteral("body"))->toPlainText().contains(QStringLiteral("café")));
        auto *attachments = window.findChild<QListWidget *>(QStringLiteral("attachments"));
        QCOMPARE(attachments->count(), 1);
        QVERIFY(attachments->item(0)->text().startsWith(QStringLiteral("data%1.bin").arg(n)));
        QVERIFY(testsupport::keepScreenshot(window, QStringLiteral("search-window")));

        QSignalSpy saved(&window, &SearchWindow::savedAs);
        const QString file = m_dir.filePath(QStringLiteral("saved.eml"));
        window.saveMessage(hit.messageId, file);
        QVERIFY(saved.wait(kAnswerWaitMs));
        QCOMPARE(saved.constFirst().at(1).toString(), QString());
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), GeneratedArchive::rawMessage(n));

        // A folder that does not exist: a clear error, and no file.
        const QString nowhere = m_dir.filePath(QStringLiteral("missing/saved.eml"));
        window.saveMessage(hit.messageId, nowhere);
        QVERIFY(saved.wait(kAnswerWaitMs));
        QVERIFY(!saved.constLast().at(1).toString().isEmpty());
        QVERIFY(!QFile::exists(nowhere));
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
};

QTEST_MAIN(TestSearchWindow)
#include "tst_searchwindow.moc"
