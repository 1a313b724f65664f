#include "ui/gmailaccountform.h"

#include "daemon/accountconfig.h"
#include "daemon/gmailsignin.h"
#include "net/oauth/clientconfig.h"
#include "ui/accountactions.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace vaulttray {

GmailAccountForm::GmailAccountForm(AccountActions &actions, Clock &clock,
                                   AuthorizationCodeFlow::BrowserOpener openBrowser, NameTaken nameTaken,
                                   QWidget *parent)
    : QWidget(parent), m_actions(actions), m_clock(clock), m_openBrowser(std::move(openBrowser)),
      m_nameTaken(std::move(nameTaken))
{
    setObjectName(QStringLiteral("gmailForm"));
    auto *intro = new QLabel(tr("vaulttray reads Gmail through your own Google Cloud OAuth client. Choose its client "
                                "file (client_secret.json, of the \"Desktop app\" kind), then sign in with Google in "
                                "your browser. vaulttray asks only to read your mail."),
                             this);
    intro->setWordWrap(true);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setPlaceholderText(tr("A name for the account, e.g. personal"));
    m_clientFile = new QLineEdit(this);
    m_clientFile->setObjectName(QStringLiteral("clientFile"));
    auto *choose = new QPushButton(tr("Choose…"), this);
    choose->setObjectName(QStringLiteral("chooseClientFile"));
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_clientFile);
    fileRow->addWidget(choose);
    auto *form = new QFormLayout;
    form->addRow(tr("Account name:"), m_name);
    form->addRow(tr("Client file:"), fileRow);

    m_answer = new QLabel(this);
    m_answer->setObjectName(QStringLiteral("answer"));
    m_answer->setWordWrap(true);
    m_answer->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_signIn = new QPushButton(tr("Sign in with Google…"), this);
    m_signIn->setObjectName(QStringLiteral("signIn"));
    m_signIn->setDefault(true);
    auto *back = new QPushButton(tr("Back"), this);
    back->setObjectName(QStringLiteral("back"));
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(back);
    buttons->addWidget(m_signIn);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_answer);
    layout->addStretch();
    layout->addLayout(buttons);

    connect(choose, &QPushButton::clicked, this, [this] {
        const QString file =
            QFileDialog::getOpenFileName(this, tr("Choose the Google client file"), m_clientFile->text(),
                                         tr("Client files (*.json);;All files (*)"));
        if (!file.isEmpty())
            m_clientFile->setText(file);
    });
    connect(m_signIn, &QPushButton::clicked, this, &GmailAccountForm::signIn);
    connect(back, &QPushButton::clicked, this, [this] {
        reset();
        emit cancelled();
    });
}

GmailAccountForm::~GmailAccountForm() = default;

void GmailAccountForm::reset()
{
    delete m_task; // a sign-in still waiting for the browser ends here; it stored nothing
    m_task = nullptr;
    m_name->clear();
    m_clientFile->clear();
    m_answer->clear();
    m_signIn->setEnabled(true);
}

void GmailAccountForm::signIn()
{
    if (m_task)
        return;
    const QString name = m_name->text();
    if (const Failure bad = validateAccountName(name))
        return failed(tr("Check the name: %1").arg(bad.detail));
    // The sign-in stores its token under the name: an existing account's must never be replaced from here.
    if (m_nameTaken && m_nameTaken(name))
        return failed(tr("An account named %1 exists already. Choose another name.").arg(name));
    if (m_clientFile->text().trimmed().isEmpty())
        return failed(tr("Choose the client file first."));
    const QString clientFile = QFileInfo(m_clientFile->text().trimmed()).absoluteFilePath();
    const ClientConfigResult client = loadClientConfig(clientFile);
    if (!client.ok())
        return failed(tr("This client file cannot be used: %1").arg(client.failure.detail));

    // The address is shown as well, for when no browser opens (or another one should be used).
    auto open = [this](const QUrl &url) {
        m_answer->setText(tr("Finish signing in in your browser. If none opened, open this address:\n%1")
                              .arg(url.toString(QUrl::FullyEncoded)));
        m_openBrowser(url);
        return true;
    };
    m_task = new GmailSignInTask({name, clientFile, {}}, m_actions.secrets(), m_clock, open, this);
    connect(m_task, &GmailSignInTask::finished, this, [this, name, clientFile](const GmailSignInOutcome &outcome) {
        m_task->deleteLater();
        m_task = nullptr;
        if (!outcome.ok())
            return failed(tr("Signing in did not work: %1").arg(outcome.failure.detail));
        m_answer->setText(tr("Signed in as %1. Adding the account…").arg(outcome.email));
        QPointer<GmailAccountForm> self(this);
        m_actions.addGmail(name, clientFile, outcome.email, [self](const AccountActions::Outcome &added) {
            if (!self)
                return;
            if (!added.ok)
                return self->failed(added.message);
            self->reset();
            emit self->added(added.message);
        });
    });
    m_signIn->setEnabled(false);
    m_answer->setText(tr("Starting the sign-in…"));
    m_task->start();
}

void GmailAccountForm::failed(const QString &why)
{
    m_answer->setText(why);
    m_signIn->setEnabled(true);
}

} // namespace vaulttray
