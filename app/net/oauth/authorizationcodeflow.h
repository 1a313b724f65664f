#pragma once

#include "net/oauth/clientconfig.h"
#include "net/oauth/pkce.h"
#include "net/oauth/redirectlistener.h"
#include "net/oauth/signinresult.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <functional>

class QNetworkAccessManager;

namespace vaulttray {

class Clock;
class CodeExchangeJob;

// What the authorization request carries besides the client (RFC 6749 §4.1.1, RFC 7636 §4.3).
struct AuthorizationRequest
{
    QUrl redirectUri;
    QByteArray state;
    QByteArray codeChallenge; // S256
    QString loginHint;        // on re-authorisation: preselects the account
};

// The URL the browser opens: the client's auth_uri with response_type=code, client_id, redirect_uri, scope,
// state, code_challenge(+_method=S256), access_type=offline and prompt=consent (so that Google issues a refresh
// token every time), and login_hint when set.
QUrl authorizationUrl(const ClientConfig &client, const AuthorizationRequest &request);

// Sign-in with the authorization code flow, PKCE (S256) and a random state, redirected to a RedirectListener on
// 127.0.0.1. start() listens, builds the URL, announces it (authorizationUrlReady, for the command line to print
// for a headless person) and hands it to the browser opener; the listener answers the browser with a short page,
// checks the state (a mismatch is refused: no exchange), stops listening and exchanges the code at token_uri.
// Without an answer within the timeout everything is closed. Ends in exactly one finished(result), never from
// inside start(); the flow is owned by its caller and used once.
class AuthorizationCodeFlow : public QObject
{
    Q_OBJECT

public:
    // Returns false when no browser could be opened; the sign-in then waits for the printed URL to be used.
    // The app passes QDesktopServices::openUrl (on Linux xdg-open, which honours $BROWSER); tests pass a function
    // that follows the URL like a browser.
    using BrowserOpener = std::function<bool(const QUrl &)>;

    // Enough to sign in with a second factor, short enough that a forgotten tab does not hold a port all day.
    static constexpr std::chrono::minutes kDefaultTimeout{10};
    // 192 bits: an attacker who cannot read the URL cannot guess it.
    static constexpr int kStateBytes = 24;

    AuthorizationCodeFlow(ClientConfig client, QNetworkAccessManager *network, Clock &clock, BrowserOpener openBrowser,
                          QObject *parent = nullptr);
    ~AuthorizationCodeFlow() override;

    // Before start().
    void setLoginHint(const QString &email) { m_loginHint = email; }
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    void setTransferTimeout(std::chrono::milliseconds timeout) { m_transferTimeout = timeout; }

    void start();
    void cancel();

    // Valid after start() while the flow runs.
    QUrl authorizationUrl() const { return m_authorizationUrl; }
    QUrl redirectUri() const { return m_redirectUri; }
    bool isListening() const;

signals:
    void authorizationUrlReady(const QUrl &url);
    void finished(const vaulttray::SignInResult &result);

private:
    RedirectPage onRedirect(const FormFields &query);
    void onExchanged(const TokenResult &result);
    void fail(SignInProblem problem, Failure failure);
    void finish(SignInResult result);

    ClientConfig m_client;
    QNetworkAccessManager *m_network;
    Clock &m_clock;
    BrowserOpener m_openBrowser;
    QString m_loginHint;
    std::chrono::milliseconds m_timeout{kDefaultTimeout};
    std::chrono::milliseconds m_transferTimeout;

    Pkce m_pkce;
    QByteArray m_state;
    QUrl m_redirectUri;
    QUrl m_authorizationUrl;
    RedirectListener *m_listener = nullptr;
    QTimer m_walkAway;
    QPointer<CodeExchangeJob> m_exchange;
    bool m_started = false;
    bool m_finished = false;
};

} // namespace vaulttray
