#include "net/oauth/authorizationcodeflow.h"

#include "net/oauth/codeexchangejob.h"
#include "net/oauth/formencoding.h"
#include "net/oauth/oauthlog.h"
#include "net/oauth/redirectlistener.h"

namespace vaulttray {

namespace {

constexpr int kHttpOk = 200;
constexpr int kHttpBadRequest = 400;
constexpr char kAccessDenied[] = "access_denied"; // RFC 6749 §4.1.2.1: the person said no

Failure failureOf(FailureKind kind, const QString &detail)
{
    return Failure::of(kind, QStringLiteral("sign-in: ") + detail);
}

} // namespace

QUrl authorizationUrl(const ClientConfig &client, const AuthorizationRequest &request)
{
    FormFields fields{{QStringLiteral("response_type"), QStringLiteral("code")},
                      {QStringLiteral("client_id"), client.clientId},
                      {QStringLiteral("redirect_uri"), request.redirectUri.toString(QUrl::FullyEncoded)},
                      {QStringLiteral("scope"), client.scopes.join(QLatin1Char(' '))},
                      {QStringLiteral("state"), QString::fromLatin1(request.state)},
                      {QStringLiteral("code_challenge"), QString::fromLatin1(request.codeChallenge)},
                      {QStringLiteral("code_challenge_method"), QString::fromLatin1(Pkce::kMethod)},
                      {QStringLiteral("access_type"), QStringLiteral("offline")},
                      {QStringLiteral("prompt"), QStringLiteral("consent")}};
    if (!request.loginHint.isEmpty())
        fields.append({QStringLiteral("login_hint"), request.loginHint});
    QUrl url = client.authUri;
    const QByteArray existing = url.query(QUrl::FullyEncoded).toLatin1();
    url.setQuery(QString::fromLatin1((existing.isEmpty() ? QByteArray() : existing + '&') + formEncode(fields)),
                 QUrl::StrictMode);
    return url;
}

AuthorizationCodeFlow::AuthorizationCodeFlow(ClientConfig client, QNetworkAccessManager *network, Clock &clock,
                                             BrowserOpener openBrowser, QObject *parent)
    : QObject(parent), m_client(std::move(client)), m_network(network), m_clock(clock),
      m_openBrowser(std::move(openBrowser)), m_transferTimeout(TokenEndpointJob::kDefaultTransferTimeout)
{
    m_walkAway.setSingleShot(true);
    connect(&m_walkAway, &QTimer::timeout, this, [this] {
        const auto seconds = std::chrono::duration_cast<std::chrono::duration<double>>(m_timeout).count();
        fail(SignInProblem::TimedOut,
             failureOf(FailureKind::Cancelled,
                       QStringLiteral("nobody finished the sign-in in the browser within %1 s").arg(seconds)));
    });
}

AuthorizationCodeFlow::~AuthorizationCodeFlow()
{
    if (m_exchange)
        m_exchange->disconnect(this);
}

bool AuthorizationCodeFlow::isListening() const
{
    return m_listener && m_listener->isListening();
}

void AuthorizationCodeFlow::start()
{
    if (m_started) {
        qCWarning(lcOAuth) << "sign-in: start() called twice; a flow is used once";
        return;
    }
    m_started = true;
    m_pkce = Pkce::generate();
    m_state = randomUrlSafeToken(kStateBytes);

    m_listener = new RedirectListener([this](const FormFields &query) { return onRedirect(query); }, this);
    QString error;
    if (!m_listener->listen(&error)) {
        // Reported from the event loop, like every other result.
        QTimer::singleShot(0, this,
                           [this, error] { fail(SignInProblem::ListenFailed, failureOf(FailureKind::Local, error)); });
        return;
    }
    m_redirectUri = m_listener->redirectUri();
    m_authorizationUrl = vaulttray::authorizationUrl(m_client, {m_redirectUri, m_state, m_pkce.challenge, m_loginHint});
    m_walkAway.start(m_timeout);
    qCInfo(lcOAuth).noquote() << "sign-in started; redirect listener on" << m_redirectUri.toString()
                              << (m_loginHint.isEmpty() ? QString() : QStringLiteral("for ") + m_loginHint);

    emit authorizationUrlReady(m_authorizationUrl);
    if (!m_openBrowser || !m_openBrowser(m_authorizationUrl))
        qCWarning(lcOAuth) << "sign-in: no browser could be opened; waiting for the printed URL to be used";
}

void AuthorizationCodeFlow::cancel()
{
    if (m_started && !m_finished)
        fail(SignInProblem::Cancelled, failureOf(FailureKind::Cancelled, QStringLiteral("cancelled")));
}

RedirectPage AuthorizationCodeFlow::onRedirect(const FormFields &query)
{
    const QString title = tr("vaulttray sign-in");
    if (m_finished || m_exchange)
        return {kHttpBadRequest, title, tr("This sign-in is already over; you can close this window.")};

    const std::optional<QString> state = formValue(query, QStringLiteral("state"));
    if (!state || state->toLatin1() != m_state) {
        fail(SignInProblem::StateMismatch,
             failureOf(FailureKind::BadData,
                       state ? QStringLiteral("the redirect's state does not match this sign-in; refused, the code "
                                              "was not used")
                             : QStringLiteral("the redirect carries no state; refused, the code was not used")));
        return {kHttpBadRequest, title,
                tr("This answer does not belong to the sign-in vaulttray started, so it was refused and "
                   "nothing was changed. Start the sign-in again from vaulttray.")};
    }
    if (const std::optional<QString> error = formValue(query, QStringLiteral("error"))) {
        const bool declined = *error == QLatin1String(kAccessDenied);
        fail(SignInProblem::Denied,
             failureOf(declined ? FailureKind::Cancelled : FailureKind::ClientMisconfigured,
                       QStringLiteral("the authorization server answered \"%1\"").arg(error->left(64))));
        return {kHttpOk, title,
                declined ? tr("Access was not granted; vaulttray changed nothing. You can close this window.")
                         : tr("The sign-in failed (%1). You can close this window.").arg(error->left(64))};
    }
    const std::optional<QString> code = formValue(query, QStringLiteral("code"));
    if (!code || code->isEmpty()) {
        fail(SignInProblem::MalformedCallback,
             failureOf(FailureKind::BadData, QStringLiteral("the redirect carries neither a code nor an error")));
        return {kHttpBadRequest, title, tr("The sign-in answer was incomplete. Start again from vaulttray.")};
    }

    // The one answer this sign-in waited for: nobody else gets to talk to the listener.
    m_walkAway.stop();
    m_listener->close();
    m_exchange = new CodeExchangeJob(m_network, m_clock, m_client, *code, m_pkce.verifier, m_redirectUri, this);
    m_exchange->setTransferTimeout(m_transferTimeout);
    connect(m_exchange, &TokenEndpointJob::finished, this, &AuthorizationCodeFlow::onExchanged);
    m_exchange->start();
    return {kHttpOk, title,
            tr("vaulttray received the authorization and is finishing the sign-in. You can close this window.")};
}

void AuthorizationCodeFlow::onExchanged(const TokenResult &result)
{
    if (!result.ok()) {
        fail(SignInProblem::ExchangeFailed, result.failure);
        return;
    }
    if (result.grant.refreshToken.isEmpty()) {
        fail(SignInProblem::ExchangeFailed,
             failureOf(FailureKind::ClientMisconfigured,
                       QStringLiteral("the token endpoint issued no refresh token despite access_type=offline")));
        return;
    }
    // Google's consent screen lets the person untick a permission; its answer lists what was granted.
    if (!result.grant.grantedScopes.isEmpty()) {
        for (const QString &scope : std::as_const(m_client.scopes)) {
            if (!result.grant.grantedScopes.contains(scope)) {
                fail(SignInProblem::ScopeNotGranted,
                     failureOf(
                         FailureKind::ClientMisconfigured,
                         QStringLiteral("the permission %1 was not granted; sign in again and allow it").arg(scope)));
                return;
            }
        }
    }
    SignInResult done;
    done.grant = result.grant;
    done.idTokenEmail = idTokenEmail(result.grant.idToken);
    finish(done);
}

void AuthorizationCodeFlow::fail(SignInProblem problem, Failure failure)
{
    SignInResult result;
    result.problem = problem;
    result.failure = std::move(failure);
    finish(result);
}

void AuthorizationCodeFlow::finish(SignInResult result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_walkAway.stop();
    if (m_listener)
        m_listener->close();
    if (m_exchange && !result.ok() && result.problem != SignInProblem::ExchangeFailed)
        m_exchange->cancel();
    if (result.ok())
        qCInfo(lcOAuth) << "sign-in finished";
    else
        qCWarning(lcOAuth).noquote() << "sign-in did not complete:" << toString(result.problem)
                                     << result.failure.detail;
    emit finished(result);
}

} // namespace vaulttray
