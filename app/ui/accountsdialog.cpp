#include "ui/accountsdialog.h"

#include "core/logging.h"
#include "ui/accountactions.h"
#include "ui/accountlistpage.h"
#include "ui/gmailaccountform.h"
#include "ui/imapaccountform.h"
#include "ui/removeaccountdialog.h"

#include <QDialogButtonBox>
#include <QPointer>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace vaulttray {

AccountsDialog::AccountsDialog(Dependencies deps, QWidget *parent)
    : QDialog(parent), m_deps(std::move(deps)),
      m_actions(std::make_unique<AccountActions>(*m_deps.service, m_deps.secrets))
{
    setObjectName(QStringLiteral("accountsDialog"));
    setWindowTitle(tr("vaulttray — Accounts"));
    m_list = new AccountListPage(m_deps.scheduler, this);
    m_imap = new ImapAccountForm(*m_actions, this);
    m_gmail = new GmailAccountForm(
        *m_actions, *m_deps.clock, m_deps.openBrowser,
        [this](const QString &name) { return m_list->names().contains(name); }, this);
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_list);
    m_pages->addWidget(m_imap);
    m_pages->addWidget(m_gmail);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);
    layout->addWidget(close);

    connect(m_list, &AccountListPage::addImapRequested, this, &AccountsDialog::showImapForm);
    connect(m_list, &AccountListPage::addGmailRequested, this, &AccountsDialog::showGmailForm);
    connect(m_list, &AccountListPage::removeRequested, this, &AccountsDialog::confirmRemove);
    connect(m_imap, &ImapAccountForm::added, this, &AccountsDialog::onAdded);
    connect(m_gmail, &GmailAccountForm::added, this, &AccountsDialog::onAdded);
    connect(m_imap, &ImapAccountForm::cancelled, this, &AccountsDialog::showList);
    connect(m_gmail, &GmailAccountForm::cancelled, this, &AccountsDialog::showList);
    setMinimumSize(fontMetrics().averageCharWidth() * 90, fontMetrics().height() * 24);
    reload();
}

AccountsDialog::~AccountsDialog() = default;

void AccountsDialog::reload()
{
    QPointer<AccountsDialog> self(this);
    m_actions->list([self](const QJsonArray &accounts) {
        if (!self)
            return;
        self->m_list->setAccounts(accounts);
        emit self->reloaded();
    });
}

void AccountsDialog::showList()
{
    m_pages->setCurrentWidget(m_list);
}

void AccountsDialog::showImapForm()
{
    m_list->setMessage({});
    m_pages->setCurrentWidget(m_imap);
}

void AccountsDialog::showGmailForm()
{
    m_list->setMessage({});
    m_pages->setCurrentWidget(m_gmail);
}

void AccountsDialog::onAdded(const QString &message)
{
    m_list->setMessage(message);
    showList();
    reload();
}

void AccountsDialog::confirmRemove(const QString &name)
{
    auto *confirm = new RemoveAccountDialog(name, this);
    confirm->setAttribute(Qt::WA_DeleteOnClose);
    connect(confirm, &QDialog::accepted, this, [this, confirm] {
        const QString account = confirm->accountName();
        const bool deleteMail = confirm->deleteArchivedMail();
        qCInfo(lcUi).noquote() << "removing the account" << account << (deleteMail ? "and its mail" : "");
        QPointer<AccountsDialog> self(this);
        m_actions->remove(account, deleteMail, [self](const AccountActions::Outcome &removed) {
            if (!self)
                return;
            self->m_list->setMessage(removed.message);
            self->reload();
        });
    });
    confirm->open();
}

} // namespace vaulttray
