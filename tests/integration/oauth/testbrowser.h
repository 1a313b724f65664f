#pragma once

#include "net/oauth/authorizationcodeflow.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

namespace vaulttray::test {

// The browser of a sign-in test, driven through the flow's BrowserOpener exactly as xdg-open would be: it GETs the
// authorization URL at the OAuth server, reads the 302 Location the server answers, and GETs that redirect on
// 127.0.0.1 — or, to play an attacker or a person who walks away, alters it or stops.
class TestBrowser : public QObject
{
    Q_OBJECT

public:
    enum class Behaviour {
        Follow,     // what a browser does
        WrongState, // the redirect arrives with another state (a forged or stale redirect)
        NoState,    // the redirect arrives without a state
        DenyAccess, // the person clicks "Cancel": error=access_denied with the right state, no code
        WalkAway,   // the page is opened, nobody signs in
        OpenFails,  // no browser at all (the opener returns false)
    };

    explicit TestBrowser(Behaviour behaviour = Behaviour::Follow, QObject *parent = nullptr);

    AuthorizationCodeFlow::BrowserOpener opener();

    // What happened, once pageLoaded() came.
    QUrl openedUrl() const { return m_openedUrl; } // the authorization URL the flow handed over
    int authorizeStatus() const { return m_authorizeStatus; }
    QUrl serverRedirect() const { return m_serverRedirect; } // the Location the OAuth server answered
    QString code() const;                                    // the code in that Location
    QUrl visitedRedirect() const { return m_visited; }       // what the browser GET on 127.0.0.1
    int pageStatus() const { return m_pageStatus; }
    QByteArray page() const { return m_page; }
    bool pageArrived() const { return m_pageArrived; }

signals:
    void pageLoaded();

private:
    bool open(const QUrl &url);
    void onAuthorized(QNetworkReply *reply);
    void onPage(QNetworkReply *reply);

    Behaviour m_behaviour;
    QNetworkAccessManager m_network;
    QUrl m_openedUrl;
    int m_authorizeStatus = 0;
    QUrl m_serverRedirect;
    QUrl m_visited;
    int m_pageStatus = 0;
    QByteArray m_page;
    bool m_pageArrived = false;
};

} // namespace vaulttray::test
