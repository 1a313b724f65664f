#pragma once

#include "net/oauth/authorizationcodeflow.h"

#include <QDialog>

#include <memory>

class QStackedWidget;

namespace vaulttray {

class AccountActions;
class AccountListPage;
class Clock;
class CommandService;
class GmailAccountForm;
class ImapAccountForm;
class Scheduler;
class SecretStore;

// "Accounts…": the list of accounts with their state, and the pages that add a Gmail or an IMAP account. Every
// change goes through the daemon's CommandService, as `vaulttray account ...` does, so the running instance
// schedules a new account at once; removing asks first, keeping the archived mail unless told otherwise.
class AccountsDialog : public QDialog
{
    Q_OBJECT

public:
    struct Dependencies
    {
        CommandService *service = nullptr;
        std::shared_ptr<SecretStore> secrets;
        Scheduler *scheduler = nullptr; // the states shown; none: no state column values
        Clock *clock = nullptr;
        AuthorizationCodeFlow::BrowserOpener openBrowser;
    };

    explicit AccountsDialog(Dependencies deps, QWidget *parent = nullptr);
    ~AccountsDialog() override;

    // Reads the accounts again (after a change, or when the dialog is shown again).
    void reload();
    void showList();
    void showImapForm();
    void showGmailForm();

signals:
    // Each reload's end, with the list on screen.
    void reloaded();

private:
    void confirmRemove(const QString &name);
    void onAdded(const QString &message);

    Dependencies m_deps;
    std::unique_ptr<AccountActions> m_actions;
    QStackedWidget *m_pages;
    AccountListPage *m_list;
    ImapAccountForm *m_imap;
    GmailAccountForm *m_gmail;
};

} // namespace vaulttray
