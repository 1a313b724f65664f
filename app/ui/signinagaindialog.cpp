#include "ui/signinagaindialog.h"

#include "core/logging.h"
#include "daemon/accountconfig.h"
#include "daemon/gmailsignin.h"
#include "net/secrets/secretstore.h"

#include <QDialogButtonBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace vaulttray {

SignInAgainDialog::SignInAgainDialog(AccountRecord account, std::shared_ptr<SecretStore> secrets, Clock &clock,
                                     AuthorizationCodeFlow::BrowserOpener openBrowser, QWidget *parent)
    : QDialog(parent), m_account(std::move(account)), m_secrets(std::move(secrets)), m_clock(clock),
      m_openBrowser(std::move(openBrowser))
{
    setObjectName(QStringLiteral("signInAgain-%1").arg(m_account.id));
    setWindowTitle(tr("Sign in again to %1").arg(m_account.name));
    setAttribute(Qt::WA_DeleteOnClose);

    const QJsonObject settings = QJsonDocument::fromJson(m_account.settingsJson).object();
    QString explanation;
    if (m_account.provider == QLatin1String("gmail")) {
        m_kind = Kind::Gmail;
        explanation = tr("Google no longer accepts the sign-in vaulttray saved for %1 (%2). This happens when the "
                         "password was changed or vaulttray's access was removed in the Google account.")
                          .arg(m_account.name, m_account.address);
    } else if (ImapConfig::fromJson(m_account.settingsJson).auth == ImapConfig::Auth::OAuth) {
        m_kind = Kind::ImapOAuth;
        explanation = tr("The mail server no longer accepts the sign-in vaulttray saved for %1 (%2). Signing in again "
                         "to this kind of account is done by removing it and adding it again; the archived mail stays.")
                          .arg(m_account.name, m_account.address);
    } else {
        m_kind = Kind::ImapPassword;
        const ImapConfig config = ImapConfig::fromJson(m_account.settingsJson);
        explanation = tr("The mail server %1 refused the password of %2 for the account %3. If the password was "
                         "changed, enter the new one.")
                          .arg(config.host, config.user, m_account.name);
    }
    auto *layout = new QVBoxLayout(this);
    auto *what = new QLabel(explanation, this);
    what->setWordWrap(true);
    layout->addWidget(what);
    auto *meanwhile = new QLabel(tr("Until then this account is not archived. Everything archived so far stays, and "
                                    "the other accounts go on."),
                                 this);
    meanwhile->setWordWrap(true);
    layout->addWidget(meanwhile);
    if (m_kind == Kind::ImapPassword) {
        m_password = new QLineEdit(this);
        m_password->setObjectName(QStringLiteral("password"));
        m_password->setEchoMode(QLineEdit::Password);
        m_password->setPlaceholderText(tr("New password"));
        layout->addWidget(m_password);
    }
    m_progress = new QLabel(this);
    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setWordWrap(true);
    m_progress->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress->hide();
    layout->addWidget(m_progress);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    if (m_kind != Kind::ImapOAuth) {
        m_go = buttons->addButton(m_kind == Kind::Gmail ? tr("Sign in with Google…") : tr("Save the password"),
                                  QDialogButtonBox::AcceptRole);
        m_go->setObjectName(QStringLiteral("signIn"));
        m_go->setDefault(true);
    }
    connect(buttons, &QDialogButtonBox::accepted, this, &SignInAgainDialog::start);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 60);
}

SignInAgainDialog::~SignInAgainDialog() = default;

void SignInAgainDialog::start()
{
    if (m_kind == Kind::Gmail)
        startGmail();
    else if (m_kind == Kind::ImapPassword)
        savePassword();
}

void SignInAgainDialog::startGmail()
{
    if (m_task)
        return;
    const QJsonObject settings = QJsonDocument::fromJson(m_account.settingsJson).object();
    // The address is shown as well, for when no browser opens (or another one should be used).
    auto open = [this](const QUrl &url) {
        m_progress->setText(tr("Finish signing in in your browser. If none opened, open this address:\n%1")
                                .arg(url.toString(QUrl::FullyEncoded)));
        m_openBrowser(url);
        return true;
    };
    m_task = new GmailSignInTask({m_account.name, settings.value(QStringLiteral("clientFile")).toString(),
                                  settings.value(QStringLiteral("email")).toString()},
                                 m_secrets, m_clock, open, this);
    connect(m_task, &GmailSignInTask::finished, this, [this](const GmailSignInOutcome &outcome) {
        m_task->deleteLater();
        m_task = nullptr;
        if (outcome.ok())
            succeeded();
        else
            failed(tr("Signing in did not work: %1").arg(outcome.failure.detail));
    });
    m_go->setEnabled(false);
    m_progress->setText(tr("Starting the sign-in…"));
    m_progress->show();
    m_task->start();
}

void SignInAgainDialog::savePassword()
{
    const QByteArray password = m_password->text().toUtf8();
    if (password.isEmpty()) {
        failed(tr("Enter the new password first."));
        return;
    }
    m_go->setEnabled(false);
    SecretJob *job = m_secrets->write(secretKey(m_account.name, SecretKind::Password), password);
    m_password->clear();
    connect(job, &SecretJob::finished, this, [this](const SecretResult &stored) {
        if (stored.ok())
            succeeded();
        else
            failed(tr("The password could not be stored: %1").arg(stored.failure.detail));
    });
}

void SignInAgainDialog::failed(const QString &why)
{
    qCWarning(lcUi).noquote() << "sign-in again for" << m_account.name << "did not complete";
    m_progress->setText(why);
    m_progress->show();
    if (m_go)
        m_go->setEnabled(true);
}

void SignInAgainDialog::succeeded()
{
    qCInfo(lcUi).noquote() << "signed in again:" << m_account.name;
    emit signedIn(m_account.id);
    accept();
}

} // namespace vaulttray
