#pragma once

#include "net/oauth/authorizationcodeflow.h"
#include "store/writebatch.h"

#include <QDialog>

#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;

namespace vaulttray {

class Clock;
class GmailSignInTask;
class SecretStore;

// "Sign in again": says in plain words which account the provider stopped accepting and what that means, then
// runs the Google sign-in in the browser (Gmail) or takes the new password into the keychain (IMAP). Ends in
// signedIn() — the account may sync again — or, on Cancel, changes nothing: the account still needs a sign-in
// and the tray still offers it.
class SignInAgainDialog : public QDialog
{
    Q_OBJECT

public:
    SignInAgainDialog(AccountRecord account, std::shared_ptr<SecretStore> secrets, Clock &clock,
                      AuthorizationCodeFlow::BrowserOpener openBrowser, QWidget *parent = nullptr);
    ~SignInAgainDialog() override;

    qint64 accountId() const { return m_account.id; }

signals:
    void signedIn(qint64 accountId);

private:
    enum class Kind { Gmail, ImapPassword, ImapOAuth };

    void start();
    void startGmail();
    void savePassword();
    void failed(const QString &why);
    void succeeded();

    AccountRecord m_account;
    std::shared_ptr<SecretStore> m_secrets;
    Clock &m_clock;
    AuthorizationCodeFlow::BrowserOpener m_openBrowser;
    Kind m_kind = Kind::Gmail;
    QLabel *m_progress = nullptr;
    QLineEdit *m_password = nullptr;
    QPushButton *m_go = nullptr;
    GmailSignInTask *m_task = nullptr;
};

} // namespace vaulttray
