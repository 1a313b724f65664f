#pragma once

#include <QJsonArray>
#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace vaulttray {

class Scheduler;

// The Accounts dialog's first page: each account with its kind, address, archived messages and state (the
// scheduler's, in StatusText's words), and the buttons that add and remove.
class AccountListPage : public QWidget
{
    Q_OBJECT

public:
    explicit AccountListPage(Scheduler *scheduler, QWidget *parent = nullptr);

    // `accounts` as `vaulttray account list --json` gives them.
    void setAccounts(const QJsonArray &accounts);
    QStringList names() const;
    QString selectedName() const;
    void setMessage(const QString &text);

signals:
    void addGmailRequested();
    void addImapRequested();
    void removeRequested(const QString &name);

private:
    enum Column { Name, Kind, Address, Messages, State };

    void updateStates();

    Scheduler *m_scheduler;
    QTreeWidget *m_list;
    QPushButton *m_remove;
    QLabel *m_message;
};

} // namespace vaulttray
