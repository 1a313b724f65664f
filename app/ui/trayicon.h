#pragma once

#include "ui/traystate.h"

#include <QHash>
#include <QObject>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace vaulttray {

class Clock;
class TrayModel;

// The icon in the system tray and its menu: renders the TrayModel, forwards the person's intents as signals.
// A left click (activation) means "sync now". The menu: one status line per account; Sync now; Pause for 1 hour /
// Pause until resumed / Resume; Open archive…, Status…, Accounts…, Settings…; "Sign in again to <account>…" for
// each account that needs it; Quit. Windows that are not built in yet are shown disabled with a note.
class TrayIcon : public QObject
{
    Q_OBJECT

public:
    enum class Window { Search, Status, Accounts, Settings };

    TrayIcon(TrayModel &model, Clock &clock, QObject *parent = nullptr);
    ~TrayIcon() override;

    // Makes the QSystemTrayIcon and shows it. Only once a tray host is there (TrayHostWatcher): making it is what
    // fixes Qt's choice of tray for the rest of the process. Until then the menu and tool tip are kept up to date.
    void show();
    // Whether the menu entry that opens `window` works (a window is there to open).
    void setWindowAvailable(Window window, bool available);

    TrayState state() const { return m_state; }
    // Null before show().
    QSystemTrayIcon *systemTrayIcon() const { return m_icon; }
    QString toolTip() const { return m_toolTip; }
    QMenu *menu() const { return m_menu; }

signals:
    void syncNowRequested();
    void pauseForRequested(int seconds);
    void pauseUntilResumedRequested();
    void resumeRequested();
    void windowRequested(vaulttray::TrayIcon::Window window);
    void signInRequested(qint64 accountId);
    // "Import mail": an mbox file (maildir false) or a Maildir folder.
    void importRequested(bool maildir);
    void quitRequested();
    // The icon now shows another state (for logs and tests).
    void stateShown(vaulttray::TrayState state);

private:
    void render();
    void paint();
    void rebuildAccountLines();
    void rebuildSignInEntries();

    TrayModel &m_model;
    Clock &m_clock;
    QSystemTrayIcon *m_icon = nullptr;
    QMenu *m_menu = nullptr;
    TrayState m_state = TrayState::Idle;
    QString m_toolTip;
    bool m_stateShown = false;
    QAction *m_accountsEnd = nullptr; // separator after the status lines
    QList<QAction *> m_accountLines;
    QAction *m_syncNow = nullptr;
    QAction *m_pauseHour = nullptr;
    QAction *m_pauseUntilResumed = nullptr;
    QAction *m_resume = nullptr;
    QHash<Window, QAction *> m_windows;
    QAction *m_signInEnd = nullptr; // separator before Quit
    QList<QAction *> m_signInEntries;
};

} // namespace vaulttray
