// The real vaulttray executable in a tray, as a person runs it: on a private X server with a tray host (run through
// tests/integration/ui/xsession.sh), a private session bus with python-dbusmock's notification daemon, and a Gmail
// account signed in through the OAuth server and archived from the local Gmail API server (no keychain: the
// private secrets file the person allowed).
// - a click on the icon starts a sync, seen in the archive's sync_runs;
// - search, export-eml (byte-identical to the server's raw message), pause/resume (in status --json) and a second
//   launch (the status window comes forward) against the running instance; quit ends it with exit code 0;
// - a refresh token the provider no longer accepts: exactly one critical notice and one sign-in-again window, which
//   the notice's action brings forward without making a second; signing in from it makes the account sync again.
#include "gmailserver.h"
#include "integration/platform/notificationmock.h"
#include "net/secrets/filesecretstore.h"
#include "oauthserver.h"
#include "secretstestbed.h"
#include "secretwait.h"
#include "store/archivereader.h"
#include "xdesktop.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>

using namespace vaulttray;
using namespace vaulttray::test;

namespace {
constexpr int kMessages = 40;
constexpr int kProcessTimeoutMs = 60000;
// Another process's real work: a sync, a window mapping, a D-Bus round trip.
constexpr int kWorkTimeoutMs = 30000;
// python-dbusmock's urgency byte for a critical notice.
constexpr int kCritical = 2;
const QString kStatusTitle = QStringLiteral("vaulttray — Status");
const QString kSignInTitle = QStringLiteral("Sign in again to me");

QString str(const char *s)
{
    return QString::fromUtf8(s);
}

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QString err;
};
} // namespace

class TestTrayApp : public QObject
{
    Q_OBJECT

public:
    TestTrayApp(SecretsTestBed &bed, NotificationMock &notices) : m_bed(bed), m_notices(notices) {}

private slots:
    void initTestCase();
    void cleanupTestCase();

    void clickOnTheIconStartsASync();
    void searchAndExportFromTheArchive();
    void pauseAndResumeShowInStatus();
    void secondLaunchBringsTheStatusWindowForward();
    void quitEndsTheInstanceWithExitCodeZero();
    void rejectedCredentialAsksOnce();

private:
    Run run(const QStringList &args);
    void startApp();
    QStringList errorLinesInLog();
    QJsonObject status();
    QList<SyncRunRecord> runs();

    SecretsTestBed &m_bed;
    NotificationMock &m_notices;
    OAuthServer m_oauth;
    std::unique_ptr<GmailServer> m_gmail;
    QString m_archive;
    qint64 m_account = 0;
    std::unique_ptr<QProcess> m_app;
    QImage m_idleIcon;
};

Run TestTrayApp::run(const QStringList &args)
{
    QProcess p;
    p.start(qEnvironmentVariable("VAULTTRAY_BIN"), QStringList{str("--archive"), m_archive} + args);
    Run r;
    if (!p.waitForStarted())
        return r;
    p.closeWriteChannel();
    if (!p.waitForFinished(kProcessTimeoutMs))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QJsonObject TestTrayApp::status()
{
    return QJsonDocument::fromJson(run({str("status"), str("--json")}).out).object();
}

QStringList TestTrayApp::errorLinesInLog()
{
    QFile log(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + str("/logs/vaulttray.log"));
    if (!log.open(QIODevice::ReadOnly))
        return {str("the log cannot be read: %1").arg(log.errorString())};
    QStringList errors;
    for (const QByteArray &line : log.readAll().split('\n')) {
        if (line.contains(" ERROR "))
            errors.append(QString::fromUtf8(line));
    }
    return errors;
}

QList<SyncRunRecord> TestTrayApp::runs()
{
    ArchiveReader reader(m_archive);
    return reader.syncRuns(m_account, 100);
}

void TestTrayApp::startApp()
{
    m_app = std::make_unique<QProcess>();
    m_app->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_app->start(qEnvironmentVariable("VAULTTRAY_BIN"), {str("--archive"), m_archive});
    QVERIFY(m_app->waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(xdesktop::trayIcon().has_value(), kWorkTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(status().value(str("running")).toBool(), kWorkTimeoutMs);
}

void TestTrayApp::initTestCase()
{
    QString error;
    QVERIFY2(m_oauth.start(&error), qPrintable(error));
    GmailServerOptions gmail;
    gmail.messages = kMessages;
    gmail.email = str("ann@example.org");
    gmail.tokens.clear();
    gmail.introspectUrl = m_oauth.url(str("/introspect-jwt")).toString();
    gmail.unitsPerSecond = 0;
    m_gmail = std::make_unique<GmailServer>(gmail);
    const QString gmailError = m_gmail->start();
    QVERIFY2(gmailError.isEmpty(), qPrintable(gmailError));
    qputenv("VAULTTRAY_GMAIL_API_BASE", m_gmail->baseUrl().toString().toUtf8());

    const QString clientFile = m_bed.root() + str("/client_secret.json");
    QFile client(clientFile);
    QVERIFY(client.open(QIODevice::WriteOnly));
    client.write(m_oauth.clientFileJson());
    client.close();
    const QString browser = m_bed.root() + str("/browser.sh");
    QFile script(browser);
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write("#!/bin/sh\nexec curl --silent --location --max-time 30 --output /dev/null \"$1\"\n");
    script.close();
    script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    qputenv("BROWSER", browser.toUtf8());
    m_archive = m_bed.root() + str("/a/archive.db");

    const Run allow = run({str("secrets"), str("allow-private-file")});
    QVERIFY2(allow.exitCode == 0, qPrintable(allow.err));
    QVERIFY(m_oauth.setNextUser(str("ann@example.org")));
    const Run added = run(
        {str("account"), str("add-gmail"), str("me"), str("--client-file"), clientFile, str("--quota"), str("100000")});
    QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    // The first archive, before the tray starts: its next run is then a whole interval away.
    const Run synced = run({str("sync"), str("--once")});
    QVERIFY2(synced.exitCode == 0, qPrintable(synced.err));
    {
        ArchiveReader reader(m_archive);
        m_account = reader.account(str("me"))->id;
        QCOMPARE(reader.messageCount(m_account), qint64(kMessages));
    }
    startApp();
}

void TestTrayApp::cleanupTestCase()
{
    if (m_app && m_app->state() != QProcess::NotRunning) {
        m_app->kill();
        m_app->waitForFinished();
    }
}

void TestTrayApp::clickOnTheIconStartsASync()
{
    QCOMPARE(runs().size(), 1);
    const QJsonObject me = status().value(str("accounts")).toArray().first().toObject();
    QCOMPARE(me.value(str("state")).toString(), str("Idle"));
    const std::optional<xdesktop::XWindow> icon = xdesktop::trayIcon();
    QVERIFY(icon);
    m_idleIcon = xdesktop::grab(icon->rect);
    if (const auto panel = xdesktop::trayPanel())
        xdesktop::keep(xdesktop::grab(panel->rect), str("app-tray-idle"));
    const int getsBefore = m_gmail->stats().value(str("requestsTotal")).toInt();
    QVERIFY(xdesktop::click(*icon));
    QTRY_COMPARE_WITH_TIMEOUT(runs().size(), 2, kWorkTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(runs().first().status, str("ok"), kWorkTimeoutMs);
    QVERIFY(m_gmail->stats().value(str("requestsTotal")).toInt() >
            getsBefore); // it asked the server, it did not pretend
    QCOMPARE(runs().size(), 2);
}

void TestTrayApp::searchAndExportFromTheArchive()
{
    // A message of the server's mailbox, found by a word of its subject (as decoded into the archive).
    const QString id = m_gmail->allMessages(true).first().toObject().value(str("id")).toString();
    const QByteArray raw = m_gmail->raw(id);
    qint64 archiveId = 0;
    QString subject;
    {
        ArchiveReader reader(m_archive);
        QSqlQuery q(reader.database());
        QVERIFY(q.prepare(str("SELECT id, subject FROM messages WHERE account_id = ? AND provider_id = ?")));
        q.addBindValue(m_account);
        q.addBindValue(id);
        QVERIFY(q.exec() && q.next());
        archiveId = q.value(0).toLongLong();
        subject = q.value(1).toString();
    }
    QString word;
    for (const QString &w : subject.split(QRegularExpression(str("[^\\p{L}]+")), Qt::SkipEmptyParts)) {
        if (w.size() > word.size())
            word = w;
    }
    QVERIFY2(word.size() >= 3, qPrintable(subject));
    const Run found = run({str("search"), str("subject:") + word, str("account:me"), str("--json")});
    QCOMPARE(found.exitCode, 0);
    const QJsonArray hits = QJsonDocument::fromJson(found.out).array();
    QVERIFY2(!hits.isEmpty(), qPrintable(word));
    bool listed = false;
    for (const QJsonValue &hit : hits) {
        QVERIFY(hit.toObject().value(str("subject")).toString().contains(word, Qt::CaseInsensitive));
        listed = listed || hit.toObject().value(str("id")).toInteger() == archiveId;
    }
    QVERIFY2(listed, "the message is among the hits");
    // The plain form: one line per message, the id first.
    const Run plain = run({str("search"), str("subject:") + word});
    QCOMPARE(plain.exitCode, 0);
    QVERIFY(plain.out.startsWith(QByteArray::number(hits.first().toObject().value(str("id")).toInteger()) + '\t'));

    // export-eml: the exact bytes, to stdout and to a new file; an existing file is never overwritten.
    const Run exported = run({str("export-eml"), QString::number(archiveId)});
    QCOMPARE(exported.exitCode, 0);
    QCOMPARE(exported.out, raw);
    const QString file = m_bed.root() + str("/exported.eml");
    QCOMPARE(run({str("export-eml"), QString::number(archiveId), str("--output"), file}).exitCode, 0);
    QFile saved(file);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QCOMPARE(saved.readAll(), raw);
    QCOMPARE(saved.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    const Run again = run({str("export-eml"), str("1"), str("--output"), file});
    QCOMPARE(again.exitCode, 2);
    QVERIFY(again.err.contains(str("exists already")));
    saved.seek(0);
    QCOMPARE(saved.readAll(), raw);
    QCOMPARE(run({str("export-eml"), str("999999")}).exitCode, 2);
    QCOMPARE(run({str("search"), str("after:yesterday")}).exitCode, 2);
}

void TestTrayApp::pauseAndResumeShowInStatus()
{
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const Run paused = run({str("pause"), str("--for"), str("1h")});
    QCOMPARE(paused.exitCode, 0);
    const QDateTime after = QDateTime::currentDateTimeUtc();
    QJsonObject s = status();
    QVERIFY(s.value(str("paused")).toBool());
    const QDateTime until = QDateTime::fromString(s.value(str("pausedUntil")).toString(), Qt::ISODate);
    // One hour from when the instance got the command (whole seconds in status).
    QVERIFY2(until >= before.addSecs(3600 - 1) && until <= after.addSecs(3600 + 1),
             qPrintable(until.toString(Qt::ISODate)));
    QCOMPARE(s.value(str("accounts")).toArray().first().toObject().value(str("waitingFor")).toString(), str("Paused"));
    // The icon changes on screen (the tray host repaints it in its own time).
    const std::optional<xdesktop::XWindow> icon = xdesktop::trayIcon();
    QVERIFY(icon);
    QTRY_VERIFY_WITH_TIMEOUT(xdesktop::grab(icon->rect) != m_idleIcon, kWorkTimeoutMs);
    if (const auto panel = xdesktop::trayPanel())
        xdesktop::keep(xdesktop::grab(panel->rect), str("app-tray-paused"));

    QCOMPARE(run({str("resume")}).exitCode, 0);
    s = status();
    QVERIFY(!s.value(str("paused")).toBool());
    QCOMPARE(s.value(str("pausedUntil")).toString(), QString());
    // Until resumed.
    QCOMPARE(run({str("pause")}).exitCode, 0);
    s = status();
    QVERIFY(s.value(str("paused")).toBool());
    QCOMPARE(s.value(str("pausedUntil")).toString(), QString());
    QCOMPARE(run({str("resume")}).exitCode, 0);
    QVERIFY(!status().value(str("paused")).toBool());
}

void TestTrayApp::secondLaunchBringsTheStatusWindowForward()
{
    QCOMPARE(xdesktop::visibleWindows(kStatusTitle).size(), 0);
    const Run second = run({});
    QCOMPARE(second.exitCode, 0);
    QVERIFY(second.out.contains("already running"));
    QTRY_COMPARE_WITH_TIMEOUT(xdesktop::visibleWindows(kStatusTitle).size(), 1, kWorkTimeoutMs);
    const xdesktop::XWindow window = xdesktop::visibleWindows(kStatusTitle).first();
    QImage picture;
    // Drawn once its runs are read: two of them.
    QTRY_VERIFY_WITH_TIMEOUT((picture = xdesktop::grab(window.rect), xdesktop::colours(picture) > 4), kWorkTimeoutMs);
    xdesktop::keep(picture, str("app-window-status"));
    QVERIFY(m_app->state() == QProcess::Running); // the first instance; the second has gone
}

void TestTrayApp::quitEndsTheInstanceWithExitCodeZero()
{
    const Run quit = run({str("quit")});
    QCOMPARE(quit.exitCode, 0);
    QVERIFY(m_app->waitForFinished(kProcessTimeoutMs));
    QCOMPARE(m_app->exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_app->exitCode(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!xdesktop::trayIcon().has_value(), kWorkTimeoutMs);
    QVERIFY(!status().value(str("running")).toBool());
    // With nobody running, quit says so and succeeds; pause has nothing to pause.
    QCOMPARE(run({str("quit")}).exitCode, 0);
    QCOMPARE(run({str("pause")}).exitCode, 2);
    // Search reads the archive by itself now.
    const Run found = run({str("search"), str("account:me"), str("--json")});
    QCOMPARE(found.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(found.out).array().size(), 40);
}

void TestTrayApp::rejectedCredentialAsksOnce()
{
    // The provider stops accepting the stored refresh token (the person revoked access).
    FileSecretStore secrets(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation), Consent::Given);
    VT_AWAIT(token, secrets.read(secretKey(str("me"), SecretKind::RefreshToken)));
    QVERIFY(token.ok() && !token.secret.isEmpty());
    QVERIFY(m_oauth.revoke(token.secret));
    m_notices.clearCalls();
    startApp();

    // A click starts a sync; the new process has no access token and must refresh: invalid_grant.
    const std::optional<xdesktop::XWindow> icon = xdesktop::trayIcon();
    QVERIFY(icon);
    QVERIFY(xdesktop::click(*icon));
    QTRY_COMPARE_WITH_TIMEOUT(m_notices.countWithUrgency(kCritical), 1, kWorkTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(xdesktop::visibleWindows(kSignInTitle).size(), 1, kWorkTimeoutMs);
    QCOMPARE(status().value(str("accounts")).toArray().first().toObject().value(str("state")).toString(),
             str("NeedsSignIn"));
    const NotifyCall notice = m_notices.notifies().first();
    QCOMPARE(notice.summary, kSignInTitle);
    // The log says it once too: one error line, the scheduler's verdict, not one per layer that saw the refusal.
    QCOMPARE(errorLinesInLog().size(), 1);
    QVERIFY2(errorLinesInLog().first().contains(str("credential rejected")), qPrintable(errorLinesInLog().first()));
    const QString dialog = xdesktop::visibleWindows(kSignInTitle).first().id;
    QImage picture;
    QTRY_VERIFY_WITH_TIMEOUT(
        (picture = xdesktop::grab(xdesktop::visibleWindows(kSignInTitle).first().rect), xdesktop::colours(picture) > 4),
        kWorkTimeoutMs);
    xdesktop::keep(picture, str("app-window-sign-in-again"));

    // The notice's action: the same window, not a second. A click on the icon asks nothing new.
    QVERIFY(m_notices.invokeAction(notice.id, str("signin")));
    QVERIFY(xdesktop::click(*icon));
    // A round trip through the instance: both events above were handled before it answers.
    QVERIFY(status().value(str("running")).toBool());
    QCOMPARE(xdesktop::visibleWindows(kSignInTitle).size(), 1);
    QCOMPARE(xdesktop::visibleWindows(kSignInTitle).first().id, dialog);
    QCOMPARE(m_notices.countWithUrgency(kCritical), 1);
    QCOMPARE(m_notices.notifies().size(), 1);

    // Signing in again from the window: its default button runs the Google sign-in in the browser ($BROWSER, which
    // follows the OAuth server's redirects); the new token is stored, the account syncs, the notice goes.
    QVERIFY(m_oauth.setNextUser(str("ann@example.org")));
    QVERIFY(xdesktop::keyInto(xdesktop::visibleWindows(kSignInTitle).first(), str("Return")));
    QTRY_COMPARE_WITH_TIMEOUT(m_notices.closed(), QList<uint>{notice.id}, kWorkTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(xdesktop::visibleWindows(kSignInTitle).size(), 0, kWorkTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(runs().first().status, str("ok"), kWorkTimeoutMs);
    QCOMPARE(status().value(str("accounts")).toArray().first().toObject().value(str("state")).toString(), str("Idle"));
    VT_AWAIT(renewed, secrets.read(secretKey(str("me"), SecretKind::RefreshToken)));
    QVERIFY(renewed.ok() && renewed.secret != token.secret);

    QCOMPARE(run({str("quit")}).exitCode, 0);
    QVERIFY(m_app->waitForFinished(kProcessTimeoutMs));
    QCOMPARE(m_app->exitCode(), 0);
}

int main(int argc, char **argv)
{
    // The X server is xsession.sh's private one, never the person's: kept where the bed clears DISPLAY.
    const QByteArray display = qgetenv("DISPLAY");
    SecretsTestBed bed(SecretsTestBed::Bus::WithoutSecretService);
    qputenv("DISPLAY", display);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("vaulttray"));
    QString error;
    if (!bed.start(&error)) {
        qCritical("test bed: %s", qPrintable(error));
        return 1;
    }
    NotificationMock notices;
    error = notices.start();
    if (!error.isEmpty()) {
        qCritical("notification server: %s", qPrintable(error));
        return 1;
    }
    TestTrayApp test(bed, notices);
    const int failed = QTest::qExec(&test, argc, argv);
    notices.stop();
    bed.stop();
    return failed;
}

#include "tst_tray_app.moc"
