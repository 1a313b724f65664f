#include "ui/signinagain.h"

#include "core/logging.h"
#include "daemon/scheduler.h"
#include "ui/signinagaindialog.h"

namespace vaulttray {

SignInAgain::SignInAgain(Scheduler &scheduler, std::shared_ptr<SecretStore> secrets, Clock &clock,
                         AuthorizationCodeFlow::BrowserOpener openBrowser, QObject *parent)
    : QObject(parent), m_scheduler(scheduler), m_secrets(std::move(secrets)), m_clock(clock),
      m_openBrowser(std::move(openBrowser))
{
}

SignInAgain::~SignInAgain()
{
    const auto dialogs = std::exchange(m_dialogs, {});
    for (const QPointer<SignInAgainDialog> &d : dialogs)
        delete d.data();
}

void SignInAgain::open(qint64 accountId)
{
    if (SignInAgainDialog *existing = m_dialogs.value(accountId)) {
        existing->show();
        existing->raise();
        existing->activateWindow();
        return;
    }
    const std::optional<AccountRecord> account = m_scheduler.account(accountId);
    if (!account || m_scheduler.status(accountId).state != AccountState::NeedsSignIn)
        return; // removed meanwhile, or signed in already
    auto *dialog = new SignInAgainDialog(*account, m_secrets, m_clock, m_openBrowser);
    m_dialogs.insert(accountId, dialog);
    connect(dialog, &SignInAgainDialog::signedIn, &m_scheduler, &Scheduler::signedIn);
    connect(dialog, &QObject::destroyed, this, [this, accountId] { m_dialogs.remove(accountId); });
    qCInfo(lcUi).noquote() << "asking to sign in again to" << account->name;
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    emit dialogOpened(accountId);
}

SignInAgainDialog *SignInAgain::dialog(qint64 accountId) const
{
    return m_dialogs.value(accountId);
}

} // namespace vaulttray
