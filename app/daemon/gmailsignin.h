#pragma once

#include "core/failure.h"
#include "net/oauth/authorizationcodeflow.h"

#include <QObject>
#include <QString>

#include <memory>

class QNetworkAccessManager;

namespace vaulttray {

class Clock;
class GmailApi;
class QuotaLimiter;
class SecretStore;
class SignInTokenSource;

// Identity comes from the id_token, so sign-in asks for it next to read-only Gmail. Google returns these
// scopes in exactly these spellings in its "scope" answer, which the flow checks.
inline constexpr char kOpenIdScope[] = "openid";
inline constexpr char kEmailScope[] = "https://www.googleapis.com/auth/userinfo.email";

struct GmailSignIn
{
    QString accountName;
    QString clientFile;
    QString expectedEmail; // on re-authorisation: the account's address; empty when adding
};

struct GmailSignInOutcome
{
    Failure failure;
    QString email;
    bool ok() const { return failure.ok(); }
};

// Runs the browser sign-in, checks who signed in — the Gmail profile of the new token (users/me/profile,
// at VAULTTRAY_GMAIL_API_BASE when set) must agree with the id_token and, on re-authorisation, with the
// account — and only then stores the refresh token: a sign-in as the wrong Google account overwrites
// nothing. Ends in one finished(outcome).
class GmailSignInTask : public QObject
{
    Q_OBJECT

public:
    GmailSignInTask(GmailSignIn request, std::shared_ptr<SecretStore> secrets, Clock &clock,
                    AuthorizationCodeFlow::BrowserOpener openBrowser, QObject *parent = nullptr);
    ~GmailSignInTask() override;

    void start();

signals:
    void finished(const vaulttray::GmailSignInOutcome &outcome);

private:
    void onSignedIn(const SignInResult &result);
    void onProfile(const QString &profileEmail, const Failure &failure);
    void finish(GmailSignInOutcome outcome);

    GmailSignIn m_request;
    std::shared_ptr<SecretStore> m_secrets;
    Clock &m_clock;
    AuthorizationCodeFlow::BrowserOpener m_openBrowser;
    std::unique_ptr<QNetworkAccessManager> m_network;
    AuthorizationCodeFlow *m_flow = nullptr;
    SignInResult m_signIn;
    std::unique_ptr<SignInTokenSource> m_tokens;
    std::unique_ptr<QuotaLimiter> m_limiter;
    std::unique_ptr<GmailApi> m_api;
    bool m_finished = false;
};

// The same, waited for in a local event loop: for the command line.
GmailSignInOutcome signInToGmail(const GmailSignIn &request, std::shared_ptr<SecretStore> secrets, Clock &clock,
                                 const AuthorizationCodeFlow::BrowserOpener &openBrowser);

} // namespace vaulttray

Q_DECLARE_METATYPE(vaulttray::GmailSignInOutcome)
