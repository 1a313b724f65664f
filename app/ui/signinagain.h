#pragma once

#include "net/oauth/authorizationcodeflow.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <memory>

namespace vaulttray {

class Clock;
class Scheduler;
class SecretStore;
class SignInAgainDialog;

// At most one "Sign in again" dialog per account: a rejected credential opens it, and so do the notice's
// "Sign in again" and the tray's "Sign in again to <account>…" — the open one is raised, never a second made.
// A completed sign-in tells the scheduler (signedIn), which lets the account sync again.
class SignInAgain : public QObject
{
    Q_OBJECT

public:
    SignInAgain(Scheduler &scheduler, std::shared_ptr<SecretStore> secrets, Clock &clock,
                AuthorizationCodeFlow::BrowserOpener openBrowser, QObject *parent = nullptr);
    ~SignInAgain() override;

    void open(qint64 accountId);
    SignInAgainDialog *dialog(qint64 accountId) const;

signals:
    void dialogOpened(qint64 accountId);

private:
    Scheduler &m_scheduler;
    std::shared_ptr<SecretStore> m_secrets;
    Clock &m_clock;
    AuthorizationCodeFlow::BrowserOpener m_openBrowser;
    QHash<qint64, QPointer<SignInAgainDialog>> m_dialogs;
};

} // namespace vaulttray
