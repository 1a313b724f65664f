#include "ui/removeaccountdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace vaulttray {

RemoveAccountDialog::RemoveAccountDialog(const QString &accountName, QWidget *parent)
    : QDialog(parent), m_accountName(accountName)
{
    setObjectName(QStringLiteral("removeAccount"));
    setWindowTitle(tr("Remove %1").arg(accountName));
    auto *what = new QLabel(tr("Remove the account %1? vaulttray stops archiving it and forgets its stored password "
                               "or sign-in. The mail archived so far stays searchable unless you also delete it.")
                                .arg(accountName),
                            this);
    what->setWordWrap(true);
    m_deleteMail = new QCheckBox(tr("Also delete the archived mail"), this);
    m_deleteMail->setObjectName(QStringLiteral("deleteMail"));
    m_deleteMail->setChecked(false);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *remove = buttons->addButton(tr("Remove"), QDialogButtonBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("confirmRemove"));
    connect(remove, &QPushButton::clicked, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(what);
    layout->addWidget(m_deleteMail);
    layout->addWidget(buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 50);
}

bool RemoveAccountDialog::deleteArchivedMail() const
{
    return m_deleteMail->isChecked();
}

} // namespace vaulttray
