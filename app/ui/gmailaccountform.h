#pragma once

#include "net/oauth/authorizationcodeflow.h"

#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace vaulttray {

class AccountActions;
class Clock;
class GmailSignInTask;

// "Add Gmail": a name and the Google client file (client_secret.json, checked by the client-file parser before
// anything else happens), then the browser sign-in (GmailSignInTask, as the command line and "Sign in again" run
// it). The account is added only after Google and the Gmail profile agree on who signed in.
class GmailAccountForm : public QWidget
{
    Q_OBJECT

public:
    using NameTaken = std::function<bool(const QString &)>;

    GmailAccountForm(AccountActions &actions, Clock &clock, AuthorizationCodeFlow::BrowserOpener openBrowser,
                     NameTaken nameTaken, QWidget *parent = nullptr);
    ~GmailAccountForm() override;

    void reset();

signals:
    void added(const QString &message);
    void cancelled();

private:
    void signIn();
    void failed(const QString &why);

    AccountActions &m_actions;
    Clock &m_clock;
    AuthorizationCodeFlow::BrowserOpener m_openBrowser;
    NameTaken m_nameTaken;
    QLineEdit *m_name;
    QLineEdit *m_clientFile;
    QLabel *m_answer;
    QPushButton *m_signIn;
    GmailSignInTask *m_task = nullptr;
};

} // namespace vaulttray
