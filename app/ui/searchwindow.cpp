#include "ui/searchwindow.h"

#include "store/searchquery.h"
#include "ui/archivequeryworker.h"
#include "ui/searchresultsmodel.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace vaulttray {

namespace {
constexpr int kTypingPauseMs = 250;

QString quotedValue(const QString &s)
{
    QString v = s;
    v.remove(QLatin1Char('"'));
    return QLatin1Char('"') + v + QLatin1Char('"');
}
} // namespace

SearchWindow::SearchWindow(const QString &archivePath, QWidget *parent)
    : QWidget(parent), m_worker(new ArchiveQueryWorker(archivePath, this)), m_model(new SearchResultsModel(this))
{
    setWindowTitle(tr("vaulttray — Archive"));
    m_query = new QLineEdit(this);
    m_query->setClearButtonEnabled(true);
    m_query->setPlaceholderText(tr("Search words, from:, to:, subject:, after:2024-01-31, has:attachment, label:"));
    m_query->setToolTip(tr("Words must all appear. \"Quoted words\" must appear together.\n"
                           "from:NAME  to:NAME  subject:WORD  label:NAME  account:NAME\n"
                           "after:YYYY-MM-DD  before:YYYY-MM-DD  on:YYYY-MM-DD  has:attachment"));
    m_account = new QComboBox(this);
    m_account->addItem(tr("All accounts"));
    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_problem->hide();

    m_problem->setObjectName(QStringLiteral("problem"));
    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(SearchResultsModel::SubjectColumn, QHeaderView::Stretch);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->resizeSection(SearchResultsModel::DateColumn, 150);
    m_table->horizontalHeader()->resizeSection(SearchResultsModel::FromColumn, 240);
    m_table->setAlternatingRowColors(true);

    m_headers = new QLabel(this);
    m_headers->setTextFormat(Qt::PlainText);
    m_headers->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_headers->setWordWrap(true);
    m_body = new QPlainTextEdit(this);
    m_body->setReadOnly(true);
    m_attachments = new QListWidget(this);
    m_attachments->setMaximumHeight(m_attachments->fontMetrics().height() * 4);
    m_save = new QPushButton(tr("Save as .eml…"), this);
    m_save->setEnabled(false);
    m_headers->setObjectName(QStringLiteral("headers"));
    m_body->setObjectName(QStringLiteral("body"));
    m_attachments->setObjectName(QStringLiteral("attachments"));

    auto *messagePane = new QWidget(this);
    auto *messageLayout = new QVBoxLayout(messagePane);
    messageLayout->setContentsMargins(0, 0, 0, 0);
    messageLayout->addWidget(m_headers);
    messageLayout->addWidget(m_body, 1);
    messageLayout->addWidget(new QLabel(tr("Attachments:"), this));
    messageLayout->addWidget(m_attachments);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_save);
    messageLayout->addLayout(buttons);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(messagePane);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);

    auto *top = new QHBoxLayout;
    top->addWidget(m_query, 1);
    top->addWidget(m_account);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_problem);
    layout->addWidget(splitter, 1);
    resize(900, 640);

    m_typingPause.setSingleShot(true);
    m_typingPause.setInterval(kTypingPauseMs);
    connect(&m_typingPause, &QTimer::timeout, this, &SearchWindow::runSearch);
    connect(m_query, &QLineEdit::textEdited, this, [this] { m_typingPause.start(); });
    connect(m_query, &QLineEdit::returnPressed, this, &SearchWindow::runSearch);
    connect(m_account, &QComboBox::currentIndexChanged, this, &SearchWindow::runSearch);
    connect(m_model, &SearchResultsModel::pageWanted, this, [this](int offset) {
        m_worker->search(m_searchGeneration, m_runningQuery, SearchResultsModel::kPageSize, offset);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SearchWindow::onSelectionChanged);
    connect(m_save, &QPushButton::clicked, this, &SearchWindow::askWhereToSave);
    connect(m_worker, &ArchiveQueryWorker::searched, this, &SearchWindow::onSearched);
    connect(m_worker, &ArchiveQueryWorker::messageLoaded, this, &SearchWindow::onMessageLoaded);
    connect(m_worker, &ArchiveQueryWorker::rawSaved, this,
            [this](qint64, const QString &path, const QString &error) { emit savedAs(path, error); });
    connect(m_worker, &ArchiveQueryWorker::accountsLoaded, this,
            [this](quint64 generation, const QList<AccountRecord> &accounts, const QList<qint64> &) {
                if (generation != m_accountsGeneration)
                    return;
                const QString current = m_account->currentIndex() > 0 ? m_account->currentText() : QString();
                const QSignalBlocker blocker(m_account);
                while (m_account->count() > 1)
                    m_account->removeItem(1);
                for (const AccountRecord &a : accounts)
                    m_account->addItem(a.name);
                m_account->setCurrentIndex(qMax(0, m_account->findText(current)));
            });
    reloadAccounts();
}

SearchWindow::~SearchWindow() = default;

void SearchWindow::reloadAccounts()
{
    m_worker->loadAccounts(++m_accountsGeneration);
}

void SearchWindow::setQuery(const QString &text)
{
    m_query->setText(text);
    runSearch();
}

QString SearchWindow::effectiveQuery() const
{
    QString text = m_query->text();
    if (m_account->currentIndex() > 0)
        text += QStringLiteral(" account:") + quotedValue(m_account->currentText());
    return text;
}

void SearchWindow::runSearch()
{
    m_typingPause.stop();
    m_runningQuery = effectiveQuery();
    ++m_searchGeneration;
    const QString problem = problemText(m_runningQuery);
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_model->reset();
    m_worker->search(m_searchGeneration, m_runningQuery, SearchResultsModel::kPageSize, 0);
}

QString SearchWindow::problemText(const QString &text) const
{
    QStringList lines;
    const SearchQuery query = SearchQuery::parse(text);
    for (const SearchQuery::Problem &p : query.problems()) {
        switch (p.kind) {
        case SearchQuery::Problem::Kind::BadDate:
            lines << tr("“%1” is not a date: write it as year-month-day, for example 2024-05-31.").arg(p.term);
            break;
        case SearchQuery::Problem::Kind::MissingValue:
            lines << tr("“%1” needs a value right after the colon.").arg(p.term);
            break;
        case SearchQuery::Problem::Kind::UnknownHas:
            lines << tr("“%1” is not known; has:attachment is.").arg(p.term);
            break;
        }
    }
    return lines.join(QLatin1Char('\n'));
}

void SearchWindow::onSearched(quint64 generation, int offset, const QList<SearchHit> &hits)
{
    if (generation != m_searchGeneration)
        return; // the person has typed something else since
    m_model->appendPage(offset, hits);
    emit resultsShown(m_model->rowCount());
}

void SearchWindow::onSelectionChanged()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    const SearchHit *hit = rows.isEmpty() ? nullptr : m_model->hitAt(rows.constFirst().row());
    if (hit)
        showMessage(hit->messageId);
}

void SearchWindow::showMessage(qint64 messageId)
{
    m_worker->loadMessage(++m_messageGeneration, messageId);
}

void SearchWindow::onMessageLoaded(quint64 generation, const std::optional<StoredMessage> &message)
{
    if (generation != m_messageGeneration)
        return;
    m_attachments->clear();
    if (!message) {
        m_shownMessage = 0;
        m_headers->setText(tr("This message is no longer in the archive."));
        m_body->clear();
        m_save->setEnabled(false);
        return;
    }
    m_shownMessage = message->id;
    QStringList headers;
    headers << tr("From: %1").arg(message->from) << tr("To: %1").arg(message->to);
    if (!message->cc.isEmpty())
        headers << tr("Cc: %1").arg(message->cc);
    headers << tr("Subject: %1").arg(message->subject)
            << tr("Date: %1").arg(QLocale().toString(message->date.toLocalTime(), QLocale::LongFormat))
            << tr("Account: %1").arg(message->accountName);
    if (!message->labels.isEmpty())
        headers << tr("Labels: %1").arg(message->labels.join(QLatin1String(", ")));
    if (message->deleted)
        headers << tr("Deleted on the server; kept in the archive.");
    m_headers->setText(headers.join(QLatin1Char('\n')));
    m_body->setPlainText(message->bodyText);
    for (const AttachmentRecord &a : message->attachments)
        m_attachments->addItem(tr("%1 (%2)").arg(a.fileName.isEmpty() ? tr("unnamed") : a.fileName,
                                                  QLocale().formattedDataSize(a.size)));
    m_save->setEnabled(true);
    emit messageShown(message->id);
}

void SearchWindow::askWhereToSave()
{
    if (!m_shownMessage)
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save message as"),
                                                      QDir::home().filePath(tr("message.eml")),
                                                      tr("E-mail message (*.eml)"));
    if (path.isEmpty())
        return;
    connect(
        this, &SearchWindow::savedAs, this,
        [this](const QString &file, const QString &error) {
            if (!error.isEmpty())
                QMessageBox::warning(this, tr("Not saved"),
                                     tr("The message could not be saved to %1: %2").arg(file, error));
        },
        Qt::SingleShotConnection);
    saveMessage(m_shownMessage, path);
}

void SearchWindow::saveMessage(qint64 messageId, const QString &filePath)
{
    m_worker->saveRaw(messageId, filePath);
}

} // namespace vaulttray
