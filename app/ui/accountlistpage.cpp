#include "ui/accountlistpage.h"

#include "daemon/scheduler.h"
#include "ui/statustext.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace vaulttray {

AccountListPage::AccountListPage(Scheduler *scheduler, QWidget *parent) : QWidget(parent), m_scheduler(scheduler)
{
    setObjectName(QStringLiteral("accountList"));
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("accounts"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Name"), tr("Kind"), tr("Address"), tr("Messages"), tr("State")});
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(true);

    auto *addGmail = new QPushButton(tr("Add Gmail…"), this);
    addGmail->setObjectName(QStringLiteral("addGmail"));
    auto *addImap = new QPushButton(tr("Add IMAP…"), this);
    addImap->setObjectName(QStringLiteral("addImap"));
    m_remove = new QPushButton(tr("Remove…"), this);
    m_remove->setObjectName(QStringLiteral("remove"));
    m_remove->setEnabled(false);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(addGmail);
    buttons->addWidget(addImap);
    buttons->addStretch();
    buttons->addWidget(m_remove);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list);
    layout->addWidget(m_message);
    layout->addLayout(buttons);

    connect(addGmail, &QPushButton::clicked, this, &AccountListPage::addGmailRequested);
    connect(addImap, &QPushButton::clicked, this, &AccountListPage::addImapRequested);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        if (!selectedName().isEmpty())
            emit removeRequested(selectedName());
    });
    connect(m_list, &QTreeWidget::itemSelectionChanged, this,
            [this] { m_remove->setEnabled(!selectedName().isEmpty()); });
    if (m_scheduler)
        connect(m_scheduler, &Scheduler::accountStateChanged, this, &AccountListPage::updateStates);
}

void AccountListPage::setAccounts(const QJsonArray &accounts)
{
    const QString selected = selectedName();
    m_list->clear();
    for (const QJsonValue &value : accounts) {
        const QJsonObject a = value.toObject();
        const QString provider = a.value(QStringLiteral("provider")).toString();
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(Name, a.value(QStringLiteral("name")).toString());
        item->setText(Kind, provider == QLatin1String("gmail") ? tr("Gmail") : tr("IMAP"));
        item->setText(Address, a.value(QStringLiteral("address")).toString());
        item->setText(Messages, QLocale().toString(a.value(QStringLiteral("messages")).toInteger()));
        item->setTextAlignment(Messages, Qt::AlignRight | Qt::AlignVCenter);
        if (item->text(Name) == selected)
            item->setSelected(true);
    }
    updateStates();
    m_remove->setEnabled(!selectedName().isEmpty());
}

QStringList AccountListPage::names() const
{
    QStringList out;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        out << m_list->topLevelItem(i)->text(Name);
    return out;
}

QString AccountListPage::selectedName() const
{
    const QList<QTreeWidgetItem *> selected = m_list->selectedItems();
    return selected.isEmpty() ? QString() : selected.first()->text(Name);
}

void AccountListPage::setMessage(const QString &text)
{
    m_message->setText(text);
}

void AccountListPage::updateStates()
{
    if (!m_scheduler)
        return;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        for (const AccountStatus &s : m_scheduler->statuses()) {
            if (s.name == item->text(Name))
                item->setText(State, StatusText::state(s));
        }
    }
}

} // namespace vaulttray
