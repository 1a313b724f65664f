#include "ui/statuswindow.h"

#include "core/clock.h"
#include "store/backgroundreader.h"
#include "ui/traymodel.h"
#include "ui/traytext.h"

#include <QCoreApplication>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace vaulttray {

namespace {
// The last runs shown per account.
constexpr int kRunsShown = 5;

QString outcome(const SyncRunRecord &run)
{
    const QString kind = run.errorKind;
    if (run.status == QLatin1String("ok"))
        return QCoreApplication::translate("StatusWindow", "done");
    if (run.status == QLatin1String("running"))
        return QCoreApplication::translate("StatusWindow", "running");
    if (run.status == QLatin1String("cancelled"))
        return QCoreApplication::translate("StatusWindow", "stopped (sleep, pause or quit)");
    if (run.status == QLatin1String("interrupted"))
        return QCoreApplication::translate("StatusWindow", "interrupted (vaulttray was closed)");
    if (kind == QLatin1String("network-transient"))
        return QCoreApplication::translate("StatusWindow", "could not reach the server");
    if (kind == QLatin1String("server-transient"))
        return QCoreApplication::translate("StatusWindow", "the server had trouble");
    if (kind == QLatin1String("credential-rejected"))
        return QCoreApplication::translate("StatusWindow", "the sign-in was rejected");
    if (kind == QLatin1String("client-misconfigured"))
        return QCoreApplication::translate("StatusWindow", "the settings were not accepted");
    if (kind == QLatin1String("local"))
        return QCoreApplication::translate("StatusWindow", "a problem on this computer");
    return QCoreApplication::translate("StatusWindow", "failed");
}
} // namespace

StatusWindow::StatusWindow(TrayModel &model, BackgroundReader &reader, Clock &clock, QWidget *parent)
    : QWidget(parent), m_model(model), m_reader(reader), m_clock(clock)
{
    setObjectName(QStringLiteral("statusWindow"));
    setWindowTitle(tr("vaulttray — Status"));
    auto *layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_sections = new QVBoxLayout;
    layout->addLayout(m_sections);
    layout->addStretch();
    resize(fontMetrics().averageCharWidth() * 90, fontMetrics().height() * 22);
    connect(&m_model, &TrayModel::changed, this, &StatusWindow::render);
    connect(&m_model, &TrayModel::runRecorded, this, [this](qint64 accountId) {
        if (isVisible())
            loadRuns(accountId);
    });
    render();
}

StatusWindow::~StatusWindow() = default;

void StatusWindow::present()
{
    show();
    raise();
    activateWindow();
}

void StatusWindow::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    for (auto it = m_byAccount.cbegin(); it != m_byAccount.cend(); ++it)
        loadRuns(it.key());
}

StatusWindow::Section &StatusWindow::section(qint64 accountId)
{
    auto it = m_byAccount.find(accountId);
    if (it != m_byAccount.end())
        return *it;
    Section s;
    auto *box = new QGroupBox(this);
    s.box = box;
    auto *layout = new QVBoxLayout(box);
    s.line = new QLabel(box);
    s.line->setObjectName(QStringLiteral("state"));
    layout->addWidget(s.line);
    s.progress = new QProgressBar(box);
    layout->addWidget(s.progress);
    s.error = new QLabel(box);
    s.error->setObjectName(QStringLiteral("error"));
    s.error->setWordWrap(true);
    layout->addWidget(s.error);
    s.runs = new QTreeWidget(box);
    s.runs->setObjectName(QStringLiteral("runs"));
    s.runs->setRootIsDecorated(false);
    s.runs->setHeaderLabels({tr("Started"), tr("Ended"), tr("Outcome"), tr("New messages")});
    s.runs->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    s.runs->setMaximumHeight(s.runs->fontMetrics().height() * (kRunsShown + 3));
    layout->addWidget(s.runs);
    m_sections->addWidget(box);
    it = m_byAccount.insert(accountId, s);
    if (isVisible())
        loadRuns(accountId);
    return *it;
}

void StatusWindow::render()
{
    const QList<TrayAccount> accounts = m_model.accounts();
    const QDateTime now = m_clock.now();
    QStringList summary;
    if (m_model.archiveFailed())
        summary << tr("The archive cannot be used: %1").arg(m_model.archiveFailure());
    if (m_model.isPaused())
        summary << (m_model.pausedUntil().isValid()
                        ? tr("Paused until %1.").arg(traytext::when(m_model.pausedUntil(), now))
                        : tr("Paused until you resume."));
    if (accounts.isEmpty())
        summary << tr("No accounts yet. Add one with “vaulttray account add-gmail” or “vaulttray account add-imap”.");
    m_summary->setText(summary.join(QLatin1Char('\n')));
    m_summary->setVisible(!summary.isEmpty());

    QSet<qint64> present;
    for (const TrayAccount &a : accounts) {
        const AccountStatus &s = a.status;
        present.insert(s.accountId);
        Section &sec = section(s.accountId);
        qobject_cast<QGroupBox *>(sec.box)->setTitle(s.name);
        sec.line->setText(traytext::accountLine(a, now));
        const bool syncing = s.state == AccountState::Syncing;
        sec.progress->setVisible(syncing);
        if (syncing) {
            // Unknown total: a busy bar.
            sec.progress->setRange(0, s.progress.total > 0 ? int(qMin<qint64>(s.progress.total, INT_MAX)) : 0);
            sec.progress->setValue(int(qMin<qint64>(s.progress.done, INT_MAX)));
        }
        const bool showError = !s.lastFailure.ok() && s.state != AccountState::Syncing;
        sec.error->setVisible(showError);
        if (showError)
            sec.error->setText(tr("Last problem: %1").arg(traytext::plainWords(s.lastFailure)));
    }
    for (auto it = m_byAccount.begin(); it != m_byAccount.end();) {
        if (present.contains(it.key())) {
            ++it;
            continue;
        }
        delete it->box;
        it = m_byAccount.erase(it);
    }
}

void StatusWindow::loadRuns(qint64 accountId)
{
    m_reader.read<QList<SyncRunRecord>>(
        [accountId](ArchiveReader &reader) { return reader.syncRuns(accountId, kRunsShown); }, this,
        [this, accountId](QList<SyncRunRecord> runs) { showRuns(accountId, runs); });
}

void StatusWindow::showRuns(qint64 accountId, const QList<SyncRunRecord> &runs)
{
    const auto it = m_byAccount.find(accountId);
    if (it == m_byAccount.end())
        return;
    const QDateTime now = m_clock.now();
    it->runs->clear();
    for (const SyncRunRecord &run : runs) {
        auto *item = new QTreeWidgetItem(it->runs);
        item->setText(0, run.startedAt.isValid() ? traytext::when(run.startedAt, now) : QString());
        item->setText(1, run.endedAt.isValid() ? traytext::when(run.endedAt, now) : QString());
        item->setText(2, outcome(run));
        item->setText(3, QLocale().toString(run.added));
    }
}

} // namespace vaulttray
