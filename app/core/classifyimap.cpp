// IMAP half of core/classify.h: RFC 3501 / 9051 status responses and RFC 5530 response codes.
#include "core/classify.h"

#include "core/classifytext.h"

#include <QList>

namespace vaulttray {

namespace {

using classifytext::containsAny;
using classifytext::quoted;

QByteArray codeAtom(const QByteArray &responseCode)
{
    QByteArray c = responseCode.trimmed();
    if (c.startsWith('['))
        c.remove(0, 1);
    const qsizetype end = c.indexOf(' ') >= 0 ? c.indexOf(' ') : c.indexOf(']');
    if (end >= 0)
        c.truncate(end);
    if (c.endsWith(']'))
        c.chop(1);
    return c.toUpper();
}

// Last resort for servers that refuse a login without RFC 5530 codes. Vetoed by words that mean "not now".
bool credentialRefusalText(const QString &text)
{
    if (containsAny(text, {"temporar", "try again", "later", "unavailable", "too many", "maintenance"}))
        return false;
    return containsAny(text, {"invalid credentials", "authentication failed", "login failed", "incorrect password",
                              "invalid password", "wrong password", "bad password", "password incorrect",
                              "username and password not accepted", "application-specific password required",
                              "authentication unsuccessful", "invalid login", "login incorrect"});
}

enum class ImapCodeClass { Unknown, Credentials, ServerBusy, Misconfigured, ItemProblem };

ImapCodeClass classOf(const QByteArray &code)
{
    static const QList<QByteArray> credentials = {"AUTHENTICATIONFAILED", "EXPIRED"};
    static const QList<QByteArray> busy = {"UNAVAILABLE", "INUSE", "LIMIT", "SERVERBUG"};
    static const QList<QByteArray> misconfigured = {"AUTHORIZATIONFAILED", "PRIVACYREQUIRED", "CANNOT", "CONTACTADMIN",
                                                    "WEBALERT"};
    static const QList<QByteArray> item = {"NOPERM",     "NONEXISTENT",   "TRYCREATE",  "ALREADYEXISTS", "CLIENTBUG",
                                           "CORRUPTION", "EXPUNGEISSUED", "BADCHARSET", "OVERQUOTA"};
    if (credentials.contains(code))
        return ImapCodeClass::Credentials;
    if (busy.contains(code))
        return ImapCodeClass::ServerBusy;
    if (misconfigured.contains(code))
        return ImapCodeClass::Misconfigured;
    if (item.contains(code))
        return ImapCodeClass::ItemProblem;
    return ImapCodeClass::Unknown;
}

// A refusal of the credential itself: a login refused with AUTHENTICATIONFAILED/EXPIRED (or, without a code,
// in words that say so), or EXPIRED at any time. What follows depends on the account: see classifyImapStatus.
bool credentialRefusal(ImapStatus status, const QByteArray &code, const QString &text, ImapPhase phase)
{
    if (status != ImapStatus::No)
        return false;
    if (code == "EXPIRED")
        return true;
    if (phase != ImapPhase::Login)
        return false;
    const ImapCodeClass cls = classOf(code);
    return cls == ImapCodeClass::Credentials || (cls == ImapCodeClass::Unknown && credentialRefusalText(text));
}

} // namespace

const char *imapStatusName(ImapStatus s)
{
    switch (s) {
    case ImapStatus::Ok:
        return "OK";
    case ImapStatus::No:
        return "NO";
    case ImapStatus::Bad:
        return "BAD";
    case ImapStatus::Bye:
        return "BYE";
    case ImapStatus::PreAuth:
        return "PREAUTH";
    }
    return "?";
}

// Rules, in order:
//  OK/PREAUTH → ok; BYE → ServerTransient (the server is going away: shutdown, idle timeout, overload);
//  a refused credential (NO [AUTHENTICATIONFAILED] at login, NO [EXPIRED] anywhere, or a login NO without a known
//  code whose text says so, see credentialRefusalText) → CredentialRejected for a password account, ServerTransient
//  "refresh once" for XOAUTH2 (the refresh's own result decides);
//  otherwise a known RFC 5530 code decides: UNAVAILABLE/INUSE/LIMIT/SERVERBUG → ServerTransient;
//  AUTHORIZATIONFAILED/PRIVACYREQUIRED/CANNOT/CONTACTADMIN/WEBALERT → ClientMisconfigured; NOPERM/NONEXISTENT/
//  TRYCREATE/CLIENTBUG/... → BadData (one mailbox or item; the run goes on);
//  without a known code: any other NO at login → ServerTransient; BAD at login → ClientMisconfigured (the server
//  refuses our login method, a new password would not help); NO/BAD on a command → BadData; anything at the
//  greeting → ServerTransient.
Failure classifyImapStatus(ImapStatus status, const QByteArray &responseCode, const QByteArray &text, ImapPhase phase,
                           ImapAuthMethod auth)
{
    using K = FailureKind;
    if (status == ImapStatus::Ok || status == ImapStatus::PreAuth)
        return Failure::none();
    const QByteArray code = codeAtom(responseCode);
    const QString prose = QString::fromUtf8(text);
    QString detail = QStringLiteral("IMAP %1").arg(QLatin1String(imapStatusName(status)));
    if (!code.isEmpty())
        detail += QStringLiteral(" [%1]").arg(QString::fromLatin1(code));
    if (!quoted(prose).isEmpty())
        detail += QLatin1Char(' ') + quoted(prose);

    if (status == ImapStatus::Bye)
        return Failure::of(K::ServerTransient, detail);
    if (phase == ImapPhase::Greeting)
        return Failure::of(K::ServerTransient, detail);

    if (credentialRefusal(status, code, prose, phase)) {
        if (auth == ImapAuthMethod::Password)
            return Failure::of(K::CredentialRejected, detail);
        return Failure::of(K::ServerTransient, detail + QStringLiteral(" (access token rejected; refresh once)"));
    }
    switch (classOf(code)) {
    case ImapCodeClass::Credentials:
    case ImapCodeClass::ServerBusy:
        return Failure::of(K::ServerTransient, detail);
    case ImapCodeClass::Misconfigured:
        return Failure::of(K::ClientMisconfigured, detail);
    case ImapCodeClass::ItemProblem:
        return Failure::of(K::BadData, detail);
    case ImapCodeClass::Unknown:
        break;
    }
    if (phase == ImapPhase::Login)
        return Failure::of(status == ImapStatus::Bad ? K::ClientMisconfigured : K::ServerTransient, detail);
    return Failure::of(K::BadData, detail);
}

bool imapNeedsTokenRefresh(ImapStatus status, const QByteArray &responseCode, const QByteArray &text, ImapPhase phase,
                           ImapAuthMethod auth)
{
    return auth == ImapAuthMethod::XOAuth2 &&
           credentialRefusal(status, codeAtom(responseCode), QString::fromUtf8(text), phase);
}

} // namespace vaulttray
