#include "ui/trayicon.h"

#include "core/clock.h"
#include "core/logging.h"
#include "ui/traymodel.h"
#include "ui/traytext.h"

#include <QIcon>
#include <QMenu>
#include <QSystemTrayIcon>

namespace vaulttray {

namespace {
constexpr int kHourSeconds = 3600;
} // namespace

TrayIcon::TrayIcon(TrayModel &model, Clock &clock, QObject *parent)
    : QObject(parent), m_model(model), m_clock(clock), m_menu(new QMenu)
{
    m_menu->setToolTipsVisible(true);
    m_accountsEnd = m_menu->addSeparator();
    m_syncNow = m_menu->addAction(tr("Sync now"), this, &TrayIcon::syncNowRequested);
    m_pauseHour = m_menu->addAction(tr("Pause for 1 hour"), this, [this] { emit pauseForRequested(kHourSeconds); });
    m_pauseUntilResumed = m_menu->addAction(tr("Pause until resumed"), this, &TrayIcon::pauseUntilResumedRequested);
    m_resume = m_menu->addAction(tr("Resume"), this, &TrayIcon::resumeRequested);
    m_menu->addSeparator();
    const QList<std::pair<Window, QString>> windows{{Window::Search, tr("Open archive…")},
                                                    {Window::Status, tr("Status…")},
                                                    {Window::Accounts, tr("Accounts…")},
                                                    {Window::Settings, tr("Settings…")}};
    for (const auto &[window, text] : windows) {
        QAction *action = m_menu->addAction(text, this, [this, w = window] { emit windowRequested(w); });
        m_windows.insert(window, action);
        setWindowAvailable(window, false);
    }
    QMenu *import = m_menu->addMenu(tr("Import mail"));
    import->addAction(tr("An mbox file (also a Google Takeout export)…"), this, [this] { emit importRequested(false); });
    import->addAction(tr("A Maildir folder…"), this, [this] { emit importRequested(true); });
    m_signInEnd = m_menu->addSeparator();
    m_menu->addAction(tr("Quit"), this, &TrayIcon::quitRequested);
    connect(&m_model, &TrayModel::changed, this, &TrayIcon::render);
    render();
}

TrayIcon::~TrayIcon()
{
    delete m_menu;
}

void TrayIcon::show()
{
    if (!m_icon) {
        m_icon = new QSystemTrayIcon(this);
        m_icon->setContextMenu(m_menu);
        connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
            if (reason == QSystemTrayIcon::Trigger)
                emit syncNowRequested();
        });
        paint();
    }
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        qCWarning(lcUi) << "no system tray is available; the archiver keeps running without an icon";
    m_icon->show();
}

void TrayIcon::setWindowAvailable(Window window, bool available)
{
    QAction *action = m_windows.value(window);
    action->setEnabled(available);
    if (available) {
        action->setToolTip(QString());
        return;
    }
    switch (window) {
    case Window::Search:
        action->setToolTip(tr("Not in this version yet; use “vaulttray search” meanwhile."));
        break;
    case Window::Accounts:
        action->setToolTip(tr("Not in this version yet; use “vaulttray account” meanwhile."));
        break;
    case Window::Settings:
        action->setToolTip(tr("Not in this version yet."));
        break;
    case Window::Status:
        action->setToolTip(tr("Not available."));
        break;
    }
}

void TrayIcon::render()
{
    const TrayState state = m_model.state();
    if (state != m_state || !m_stateShown) {
        m_state = state;
        m_stateShown = true;
        if (m_icon)
            m_icon->setIcon(QIcon(trayIconPath(state)));
        emit stateShown(state);
    }
    const QList<TrayAccount> accounts = m_model.accounts();
    const QDateTime now = m_clock.now();
    QString tip = traytext::toolTip(accounts, m_model.isPaused(), m_model.pausedUntil(), now);
    if (m_model.archiveFailed())
        tip += QLatin1Char('\n') + tr("The archive cannot be used: %1").arg(m_model.archiveFailure());
    m_toolTip = tip;
    if (m_icon)
        m_icon->setToolTip(tip);
    rebuildAccountLines();
    rebuildSignInEntries();
    const bool paused = m_model.isPaused();
    m_pauseHour->setVisible(!paused);
    m_pauseUntilResumed->setVisible(!paused);
    m_resume->setVisible(paused);
    m_syncNow->setEnabled(!accounts.isEmpty() && !m_model.archiveFailed());
}

void TrayIcon::paint()
{
    m_icon->setIcon(QIcon(trayIconPath(m_state)));
    m_icon->setToolTip(m_toolTip);
}

void TrayIcon::rebuildAccountLines()
{
    const QList<TrayAccount> accounts = m_model.accounts();
    QStringList lines;
    if (m_model.archiveFailed())
        lines << tr("The archive cannot be used");
    else if (accounts.isEmpty())
        lines << tr("No accounts yet");
    const QDateTime now = m_clock.now();
    for (const TrayAccount &a : accounts)
        lines << traytext::accountLine(a, now);
    // Texts change in place (the menu may be open); lines come and go only when accounts do.
    while (m_accountLines.size() > lines.size())
        delete m_accountLines.takeLast();
    while (m_accountLines.size() < lines.size()) {
        auto *line = new QAction(m_menu);
        line->setEnabled(false);
        m_menu->insertAction(m_accountsEnd, line);
        m_accountLines << line;
    }
    for (int i = 0; i < lines.size(); ++i)
        m_accountLines[i]->setText(lines[i]);
}

void TrayIcon::rebuildSignInEntries()
{
    QList<std::pair<qint64, QString>> needed;
    for (const TrayAccount &a : m_model.accounts()) {
        if (a.status.state == AccountState::NeedsSignIn)
            needed << std::make_pair(a.status.accountId, a.status.name);
    }
    if (needed.size() == m_signInEntries.size()) {
        bool same = true;
        for (int i = 0; i < needed.size() && same; ++i)
            same = m_signInEntries[i]->data().toLongLong() == needed[i].first;
        if (same)
            return;
    }
    qDeleteAll(m_signInEntries);
    m_signInEntries.clear();
    for (const auto &[id, name] : needed) {
        auto *entry = new QAction(tr("Sign in again to %1…").arg(name), m_menu);
        entry->setData(id);
        connect(entry, &QAction::triggered, this, [this, accountId = id] { emit signInRequested(accountId); });
        m_menu->insertAction(m_signInEnd, entry);
        m_signInEntries << entry;
    }
}

} // namespace vaulttray
