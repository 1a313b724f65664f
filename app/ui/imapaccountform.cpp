#include "ui/imapaccountform.h"

#include "net/oauth/clientconfig.h"
#include "ui/accountactions.h"
#include "ui/imapconnectiontester.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace vaulttray {

namespace {
constexpr int kImapsPort = 993;
constexpr int kImapPort = 143;
constexpr int kMaxPort = 65535;

int defaultPort(ImapConfig::Security security)
{
    return security == ImapConfig::Security::Imaps ? kImapsPort : kImapPort;
}

// A line edit with a "Choose…" button that opens a file dialog.
QWidget *fileField(QLineEdit *edit, QPushButton *choose, QWidget *parent, const QString &title, const QString &filter)
{
    auto *row = new QWidget(parent);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit);
    layout->addWidget(choose);
    QObject::connect(choose, &QPushButton::clicked, row, [edit, row, title, filter] {
        const QString file = QFileDialog::getOpenFileName(row, title, edit->text(), filter);
        if (!file.isEmpty())
            edit->setText(file);
    });
    return row;
}
} // namespace

ImapAccountForm::ImapAccountForm(AccountActions &actions, QWidget *parent)
    : QWidget(parent), m_actions(actions), m_tester(new ImapConnectionTester(this))
{
    setObjectName(QStringLiteral("imapForm"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setPlaceholderText(tr("A name for the account, e.g. work"));
    m_host = new QLineEdit(this);
    m_host->setObjectName(QStringLiteral("host"));
    m_host->setPlaceholderText(tr("imap.example.org"));
    m_security = new QComboBox(this);
    m_security->setObjectName(QStringLiteral("security"));
    m_security->addItem(tr("TLS (IMAPS)"), int(ImapConfig::Security::Imaps));
    m_security->addItem(tr("STARTTLS"), int(ImapConfig::Security::StartTls));
    m_security->addItem(tr("None (only to this computer)"), int(ImapConfig::Security::Plain));
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("port"));
    m_port->setRange(1, kMaxPort);
    m_user = new QLineEdit(this);
    m_user->setObjectName(QStringLiteral("user"));
    m_auth = new QComboBox(this);
    m_auth->setObjectName(QStringLiteral("auth"));
    m_auth->addItem(tr("Password"), int(ImapConfig::Auth::Password));
    m_auth->addItem(tr("OAuth (XOAUTH2) with a client file"), int(ImapConfig::Auth::OAuth));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_clientFile = new QLineEdit(this);
    m_clientFile->setObjectName(QStringLiteral("oauthClientFile"));
    m_chooseClientFile = new QPushButton(tr("Choose…"), this);
    m_caFile = new QLineEdit(this);
    m_caFile->setObjectName(QStringLiteral("caFile"));
    m_caFile->setPlaceholderText(tr("Only for a server with a certificate of its own"));
    auto *chooseCa = new QPushButton(tr("Choose…"), this);

    auto *form = new QFormLayout;
    form->addRow(tr("Account name:"), m_name);
    form->addRow(tr("Server:"), m_host);
    form->addRow(tr("Security:"), m_security);
    form->addRow(tr("Port:"), m_port);
    form->addRow(tr("User name:"), m_user);
    form->addRow(tr("Sign in with:"), m_auth);
    form->addRow(tr("Password:"), m_password);
    form->addRow(tr("OAuth client file:"),
                 fileField(m_clientFile, m_chooseClientFile, this, tr("Choose the OAuth client file"),
                           tr("Client files (*.json);;All files (*)")));
    form->addRow(tr("CA file (optional):"), fileField(m_caFile, chooseCa, this, tr("Choose the server's CA file"),
                                                      tr("Certificates (*.pem *.crt);;All files (*)")));

    m_answer = new QLabel(this);
    m_answer->setObjectName(QStringLiteral("answer"));
    m_answer->setWordWrap(true);
    m_answer->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_test = new QPushButton(tr("Test connection"), this);
    m_test->setObjectName(QStringLiteral("testConnection"));
    m_add = new QPushButton(tr("Add account"), this);
    m_add->setObjectName(QStringLiteral("add"));
    m_add->setDefault(true);
    auto *back = new QPushButton(tr("Back"), this);
    back->setObjectName(QStringLiteral("back"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_test);
    buttons->addStretch();
    buttons->addWidget(back);
    buttons->addWidget(m_add);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_answer);
    layout->addStretch();
    layout->addLayout(buttons);

    connect(m_security, &QComboBox::currentIndexChanged, this, &ImapAccountForm::onSecurityChanged);
    connect(m_auth, &QComboBox::currentIndexChanged, this, &ImapAccountForm::onAuthChanged);
    connect(m_test, &QPushButton::clicked, this, [this] { run(Step::Test); });
    connect(m_add, &QPushButton::clicked, this, [this] { run(Step::Add); });
    connect(back, &QPushButton::clicked, this, [this] {
        reset();
        emit cancelled();
    });
    connect(m_tester, &ImapConnectionTester::finished, this, &ImapAccountForm::onTested);
    reset();
}

void ImapAccountForm::reset()
{
    m_password->clear();
    for (QLineEdit *edit : {m_name, m_host, m_user, m_clientFile, m_caFile})
        edit->clear();
    m_security->setCurrentIndex(0);
    m_auth->setCurrentIndex(0);
    m_defaultPort = defaultPort(ImapConfig::Security::Imaps);
    m_port->setValue(m_defaultPort);
    onAuthChanged();
    m_answer->clear();
    setBusy(false);
}

void ImapAccountForm::onSecurityChanged()
{
    const int port = defaultPort(ImapConfig::Security(m_security->currentData().toInt()));
    // A port the person typed stays; one that was the old default follows the security.
    if (m_port->value() == m_defaultPort)
        m_port->setValue(port);
    m_defaultPort = port;
}

void ImapAccountForm::onAuthChanged()
{
    const bool oauth = ImapConfig::Auth(m_auth->currentData().toInt()) == ImapConfig::Auth::OAuth;
    m_password->setEnabled(!oauth);
    m_clientFile->setEnabled(oauth);
    m_chooseClientFile->setEnabled(oauth);
    // A test signs in, and signing in with OAuth needs the account's own token: its first run is the test.
    m_test->setEnabled(!oauth);
    m_test->setToolTip(oauth ? tr("An OAuth account is checked by its first sync.") : QString());
}

std::optional<ImapConfig> ImapAccountForm::config()
{
    ImapConfig c;
    c.host = m_host->text().trimmed();
    c.port = m_port->value();
    c.security = ImapConfig::Security(m_security->currentData().toInt());
    c.user = m_user->text().trimmed();
    c.auth = ImapConfig::Auth(m_auth->currentData().toInt());
    if (c.auth == ImapConfig::Auth::OAuth)
        c.oauthClientFile = m_clientFile->text().trimmed();
    c.caFile = m_caFile->text().trimmed();
    if (const Failure bad = validate(c)) {
        showAnswer(tr("Check the settings: %1").arg(bad.detail), false);
        return std::nullopt;
    }
    if (c.auth == ImapConfig::Auth::OAuth) {
        const ClientConfigResult client = loadClientConfig(c.oauthClientFile);
        if (!client.ok()) {
            showAnswer(tr("This client file cannot be used: %1").arg(client.failure.detail), false);
            return std::nullopt;
        }
    } else if (m_password->text().isEmpty()) {
        showAnswer(tr("Enter the password."), false);
        return std::nullopt;
    }
    return c;
}

void ImapAccountForm::run(Step step)
{
    if (step == Step::Add) {
        if (const Failure bad = validateAccountName(m_name->text())) {
            showAnswer(tr("Check the name: %1").arg(bad.detail), false);
            return;
        }
    }
    const std::optional<ImapConfig> c = config();
    if (!c)
        return;
    m_step = step;
    setBusy(true);
    if (c->auth == ImapConfig::Auth::OAuth) {
        add();
        return;
    }
    showAnswer(tr("Connecting to %1…").arg(c->host), true);
    m_tester->start(*c, m_password->text().toUtf8());
}

void ImapAccountForm::onTested(const ConnectionTestResult &result)
{
    showAnswer(ConnectionTestText::answer(result), result.ok());
    if (m_step == Step::Add && result.ok()) {
        add();
        return;
    }
    setBusy(false);
}

void ImapAccountForm::add()
{
    const std::optional<ImapConfig> c = config();
    if (!c) {
        setBusy(false);
        return;
    }
    const QString name = m_name->text();
    QPointer<ImapAccountForm> self(this);
    m_actions.addImap(name, *c, m_password->text().toUtf8(), [self](const AccountActions::Outcome &outcome) {
        if (!self)
            return;
        self->setBusy(false);
        if (!outcome.ok) {
            self->showAnswer(outcome.message, false);
            return;
        }
        self->reset();
        emit self->added(outcome.message);
    });
}

void ImapAccountForm::setBusy(bool busy)
{
    m_add->setEnabled(!busy);
    m_test->setEnabled(!busy && ImapConfig::Auth(m_auth->currentData().toInt()) == ImapConfig::Auth::Password);
}

void ImapAccountForm::showAnswer(const QString &text, bool good)
{
    m_answer->setText(text);
    m_answer->setProperty("good", good);
}

} // namespace vaulttray
