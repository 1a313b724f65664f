#pragma once

#include "daemon/accountconfig.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace vaulttray {

class AccountActions;
class ImapConnectionTester;
struct ConnectionTestResult;

// "Add IMAP": server, security (the port follows it unless the person chose another), user, password or an OAuth
// client file, an optional CA file. "Test connection" signs in without storing anything; "Add account" tests the
// same way and adds only what signed in, the password going to the keychain.
class ImapAccountForm : public QWidget
{
    Q_OBJECT

public:
    ImapAccountForm(AccountActions &actions, QWidget *parent = nullptr);

    // Empties every field (the password first) for the next account.
    void reset();

signals:
    void added(const QString &message);
    void cancelled();

private:
    enum class Step { Test, Add };

    // The settings as entered; nullopt (after saying why in the answer) when they cannot be used.
    std::optional<ImapConfig> config();
    void run(Step step);
    void onTested(const ConnectionTestResult &result);
    void add();
    void setBusy(bool busy);
    void showAnswer(const QString &text, bool good);
    void onSecurityChanged();
    void onAuthChanged();

    AccountActions &m_actions;
    ImapConnectionTester *m_tester;
    Step m_step = Step::Test;
    QLineEdit *m_name;
    QLineEdit *m_host;
    QComboBox *m_security;
    QSpinBox *m_port;
    QLineEdit *m_user;
    QComboBox *m_auth;
    QLineEdit *m_password;
    QLineEdit *m_clientFile;
    QPushButton *m_chooseClientFile;
    QLineEdit *m_caFile;
    QLabel *m_answer;
    QPushButton *m_test;
    QPushButton *m_add;
    int m_defaultPort = 0;
};

} // namespace vaulttray
