#include "testbrowser.h"

#include "net/oauth/formencoding.h"

#include <QNetworkReply>

namespace vaulttray::test {

namespace {

// Rewrites one query field of the server's redirect (or drops it when value is null), keeping the rest.
QUrl withField(const QUrl &url, const QString &name, const std::optional<QString> &value)
{
    FormFields fields = formDecode(url.query(QUrl::FullyEncoded).toLatin1());
    FormFields out;
    for (const auto &field : fields) {
        if (field.first != name)
            out.append(field);
    }
    if (value)
        out.append({name, *value});
    QUrl changed = url;
    changed.setQuery(QString::fromLatin1(formEncode(out)), QUrl::StrictMode);
    return changed;
}

} // namespace

TestBrowser::TestBrowser(Behaviour behaviour, QObject *parent) : QObject(parent), m_behaviour(behaviour) {}

AuthorizationCodeFlow::BrowserOpener TestBrowser::opener()
{
    return [this](const QUrl &url) { return open(url); };
}

QString TestBrowser::code() const
{
    return formValue(formDecode(m_serverRedirect.query(QUrl::FullyEncoded).toLatin1()), QStringLiteral("code"))
        .value_or(QString());
}

bool TestBrowser::open(const QUrl &url)
{
    m_openedUrl = url;
    if (m_behaviour == Behaviour::OpenFails)
        return false;
    if (m_behaviour == Behaviour::WalkAway)
        return true;
    QNetworkRequest request(url);
    // A browser follows the redirect itself; this one stops to look at it (and, for some tests, to alter it).
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = m_network.get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onAuthorized(reply); });
    return true;
}

void TestBrowser::onAuthorized(QNetworkReply *reply)
{
    reply->deleteLater();
    m_authorizeStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_serverRedirect = QUrl(QString::fromUtf8(reply->rawHeader("Location")), QUrl::StrictMode);
    QUrl target = m_serverRedirect;
    switch (m_behaviour) {
    case Behaviour::WrongState:
        target = withField(target, QStringLiteral("state"), QStringLiteral("forged-state-value"));
        break;
    case Behaviour::NoState:
        target = withField(target, QStringLiteral("state"), std::nullopt);
        break;
    case Behaviour::DenyAccess:
        target = withField(withField(target, QStringLiteral("code"), std::nullopt), QStringLiteral("error"),
                           QStringLiteral("access_denied"));
        break;
    default:
        break;
    }
    m_visited = target;
    if (!target.isValid() || target.isEmpty()) {
        m_pageArrived = true;
        emit pageLoaded();
        return;
    }
    QNetworkReply *page = m_network.get(QNetworkRequest(target));
    connect(page, &QNetworkReply::finished, this, [this, page] { onPage(page); });
}

void TestBrowser::onPage(QNetworkReply *reply)
{
    reply->deleteLater();
    m_pageStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_page = reply->readAll();
    m_pageArrived = true;
    emit pageLoaded();
}

} // namespace vaulttray::test
