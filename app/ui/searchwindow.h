#pragma once

#include "store/archivereader.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace vaulttray {

class ArchiveQueryWorker;
class SearchResultsModel;

// "Open archive": search box, results (newest first, paged as the list scrolls), the selected message
// (headers, text, attachment names) and "Save as .eml". Every read runs in an ArchiveQueryWorker; an
// answer to a query the person has since changed is dropped.
class SearchWindow : public QWidget
{
    Q_OBJECT

public:
    explicit SearchWindow(const QString &archivePath, QWidget *parent = nullptr);
    ~SearchWindow() override;

    // Runs the search now (typing runs it after a short pause).
    void setQuery(const QString &text);
    QString effectiveQuery() const;
    SearchResultsModel *results() const { return m_model; }
    void showMessage(qint64 messageId);
    // Writes the message's exact archived bytes; savedAs reports the outcome.
    void saveMessage(qint64 messageId, const QString &filePath);
    void reloadAccounts();

signals:
    void resultsShown(int rows);
    void messageShown(qint64 messageId);
    void savedAs(const QString &filePath, const QString &error);

private:
    void runSearch();
    void onSearched(quint64 generation, int offset, const QList<SearchHit> &hits);
    void onMessageLoaded(quint64 generation, const std::optional<StoredMessage> &message);
    void onSelectionChanged();
    void askWhereToSave();
    QString problemText(const QString &text) const;

    ArchiveQueryWorker *m_worker = nullptr;
    SearchResultsModel *m_model = nullptr;
    QLineEdit *m_query = nullptr;
    QComboBox *m_account = nullptr;
    QLabel *m_problem = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_headers = nullptr;
    QPlainTextEdit *m_body = nullptr;
    QListWidget *m_attachments = nullptr;
    QPushButton *m_save = nullptr;
    QTimer m_typingPause;
    quint64 m_searchGeneration = 0;
    quint64 m_messageGeneration = 0;
    quint64 m_accountsGeneration = 0;
    QString m_runningQuery;
    qint64 m_shownMessage = 0;
};

} // namespace vaulttray
