// The Accounts dialog as a person meets it, opened from the tray's menu on a real X server (xsession.sh), against
// the real Daemon and its CommandService, a real gnome-keyring on a private session bus, a private Dovecot with a
// generated mailbox, and for Gmail the OAuth test server (tests/oauth-server) and the local Gmail API server, with
// curl as the browser. What the test waits for is real I/O only: IMAP and HTTP exchanges, the keyring, the
// archive's writer thread.
//
// Screenshots of each page go to $VAULTTRAY_SCREENSHOTS.
#include "core/translations.h"
#include "daemon/commandservice.h"
#include "daemon/daemon.h"
#include "daemon/gmailprovider.h"
#include "daemon/imapprovider.h"
#include "dovecottestbed.h"
#include "fakes/fakeclock.h"
#include "gmailserver.h"
#include "maildirgenerator.h"
#include "net/oauth/clientconfig.h"
#include "net/secrets/keychainsecretstore.h"
#include "oauthserver.h"
#include "secretstestbed.h"
#include "secretwait.h"
#include "store/archivereader.h"
#include "ui/accountlistpage.h"
#include "ui/accountsdialog.h"
#include "ui/imapconnectiontester.h"
#include "ui/removeaccountdialog.h"
#include "ui/traycontroller.h"
#include "ui/trayicon.h"
#include "unit/ui/screenshot.h"
#include "xdesktop.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTcpServer>
#include <QTest>
#include <QTreeWidget>

using namespace vaulttray;
using namespace vaulttray::test;

namespace {
// Real I/O: a sign-in, a keyring answer, a sync of the small mailbox on a loaded 2-core machine.
constexpr int kIoTimeoutMs = 30000;
constexpr int kMessages = 40;
const QString kTitle = QStringLiteral("vaulttray — Accounts");

QString str(const char *s)
{
    return QString::fromUtf8(s);
}

enum class Port { Imaps, Imap, Closed };
enum class Ca { Trusted, Untrusted, None };
} // namespace

Q_DECLARE_METATYPE(Port)
Q_DECLARE_METATYPE(Ca)

class TestAccountsDialog : public QObject
{
    Q_OBJECT

public:
    explicit TestAccountsDialog(SecretsTestBed &bed) : m_bed(bed) {}

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();

    void menuEntryOpensOneDialog();
    void testConnectionGivesAClassifiedAnswer_data();
    void testConnectionGivesAClassifiedAnswer();
    void portFollowsTheSecurity();
    void wrongPasswordAddsNothing();
    void addImapStoresThePasswordAndArchives();
    void removeWithTheBoxTickedDeletesTheMail();
    void removeKeepsTheMailByDefault();
    void wrongClientFileIsRefused_data();
    void wrongClientFileIsRefused();
    void addGmailSignsInAndStoresTheToken();
    void imapWithOAuthNeedsAUsableClientFile();
    void secretScanCatchesAPasswordInAFile();

private:
    AccountsDialog &dialog() { return *m_tray->accountsDialog(); }
    template <typename T> T *child(const QString &page, const QString &name)
    {
        QWidget *p = dialog().findChild<QWidget *>(page);
        return p ? p->findChild<T *>(name) : nullptr;
    }
    void click(const QString &page, const QString &button);
    // The IMAP form filled in for Dovecot's user; the password as given.
    void fillImapForm(const QString &name, Port port, Ca ca, const QByteArray &password);
    ConnectionTestResult pressAndWaitForTest(const QString &button);
    QStringList serviceAccountNames();
    std::optional<AccountRecord> account(const QString &name);
    // Adds the IMAP account through the dialog and waits for the daemon's first sync of it to be committed.
    void addImapAndWaitForSync(const QString &name);
    void removeThroughDialog(const QString &name, bool deleteMail);

    SecretsTestBed &m_bed;
    DovecotTestbed m_dovecot;
    OAuthServer m_oauth;
    std::unique_ptr<GmailServer> m_gmail;
    QString m_clientFile;
    quint16 m_closedPort = 0;
    QString m_archive;
    FakeClock m_clock;
    std::shared_ptr<SecretStore> m_secrets;
    std::unique_ptr<GmailProvider> m_gmailJobs;
    std::unique_ptr<ImapProvider> m_imapJobs;
    std::unique_ptr<Daemon> m_daemon;
    std::unique_ptr<CommandService> m_service;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<TrayController> m_tray;
    std::vector<std::unique_ptr<QProcess>> m_browsers;
};

void TestAccountsDialog::initTestCase()
{
    QVERIFY2(qEnvironmentVariable("QT_QPA_PLATFORM") == QLatin1String("xcb"), "run me through xsession.sh");
    QString error;
    QVERIFY2(m_dovecot.start(&error), qPrintable(error));
    MaildirOptions mail;
    mail.root = m_dovecot.mailRoot();
    mail.messages = kMessages;
    mail.largeMessageBytes = 64 * 1024;
    mail.uid = m_dovecot.mailUid();
    mail.gid = m_dovecot.mailGid();
    QList<GeneratedMessage> generated;
    QVERIFY2(MaildirGenerator::generate(mail, &generated, &error), qPrintable(error));
    QCOMPARE(generated.size(), kMessages);

    // A port nobody listens on: taken from the system, then given back.
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        m_closedPort = probe.serverPort();
    }

    QVERIFY2(m_oauth.start(&error), qPrintable(error));
    GmailServerOptions gmail;
    gmail.messages = 5;
    gmail.email = str("ann@example.org");
    gmail.tokens.clear();
    gmail.introspectUrl = m_oauth.url(str("/introspect-jwt")).toString();
    gmail.unitsPerSecond = 0;
    m_gmail = std::make_unique<GmailServer>(gmail);
    const QString gmailError = m_gmail->start();
    QVERIFY2(gmailError.isEmpty(), qPrintable(gmailError));
    qputenv("VAULTTRAY_GMAIL_API_BASE", m_gmail->baseUrl().toString().toUtf8());
    m_clientFile = m_bed.root() + str("/client_secret.json");
    QFile client(m_clientFile);
    QVERIFY(client.open(QIODevice::WriteOnly));
    client.write(m_oauth.clientFileJson());
    client.close();

    m_archive = m_bed.root() + str("/archive/archive.db");
    m_secrets = std::make_shared<KeychainSecretStore>();
    m_gmailJobs = std::make_unique<GmailProvider>(m_archive, m_secrets, m_clock);
    m_imapJobs = std::make_unique<ImapProvider>(m_archive, m_secrets, m_clock);
    Daemon::Dependencies deps;
    deps.clock = &m_clock;
    deps.jobs = providerJobs(*m_gmailJobs, *m_imapJobs);
    deps.random = [] { return 0.5; };
    m_daemon = std::make_unique<Daemon>(m_archive, deps);
    const StoreError opened = m_daemon->openArchive();
    QVERIFY2(!opened, qPrintable(opened.message));
    m_daemon->startScheduling();
    m_service = std::make_unique<CommandService>(*m_daemon);

    TrayController::Options options;
    // The browser: curl follows the OAuth server's redirects to the sign-in's loopback listener, as a person would.
    options.openBrowser = [this](const QUrl &url) {
        auto browser = std::make_unique<QProcess>();
        browser->start(str("curl"), {str("--silent"), str("--location"), str("--max-time"), str("30"), str("--output"),
                                     str("/dev/null"), url.toString(QUrl::FullyEncoded)});
        m_browsers.push_back(std::move(browser));
        return true;
    };
    m_settings =
        std::make_unique<QSettings>(m_bed.home() + str("/.config/vaulttray/vaulttray.conf"), QSettings::IniFormat);
    options.settings = m_settings.get();
    m_tray = std::make_unique<TrayController>(*m_daemon, m_secrets, options);
    m_tray->show();
    m_tray->attach();
}

void TestAccountsDialog::cleanupTestCase()
{
    m_tray.reset();
    for (const auto &browser : m_browsers)
        browser->waitForFinished(kIoTimeoutMs);
    if (m_daemon)
        m_daemon->quit();
    m_dovecot.stop();
    m_oauth.stop();
}

// Each case starts on the list page, also after a case that failed half-way through a form.
void TestAccountsDialog::init()
{
    if (m_tray->accountsDialog())
        dialog().showList();
}

void TestAccountsDialog::click(const QString &page, const QString &button)
{
    auto *b = child<QPushButton>(page, button);
    QVERIFY2(b, qPrintable(button));
    QVERIFY2(b->isVisible() && b->isEnabled(), qPrintable(button));
    QTest::mouseClick(b, Qt::LeftButton);
}

void TestAccountsDialog::fillImapForm(const QString &name, Port port, Ca ca, const QByteArray &password)
{
    child<QLineEdit>(str("imapForm"), str("name"))->setText(name);
    child<QLineEdit>(str("imapForm"), str("host"))->setText(str("127.0.0.1"));
    auto *security = child<QComboBox>(str("imapForm"), str("security"));
    security->setCurrentIndex(
        security->findData(int(port == Port::Imap ? ImapConfig::Security::StartTls : ImapConfig::Security::Imaps)));
    const quint16 number = port == Port::Imaps  ? m_dovecot.imapsPort()
                           : port == Port::Imap ? m_dovecot.imapPort()
                                                : m_closedPort;
    child<QSpinBox>(str("imapForm"), str("port"))->setValue(number);
    child<QLineEdit>(str("imapForm"), str("user"))->setText(m_dovecot.user());
    child<QLineEdit>(str("imapForm"), str("password"))->setText(QString::fromUtf8(password));
    child<QLineEdit>(str("imapForm"), str("caFile"))
        ->setText(ca == Ca::Trusted     ? m_dovecot.caFile()
                  : ca == Ca::Untrusted ? m_dovecot.untrustedCaFile()
                                        : QString());
}

ConnectionTestResult TestAccountsDialog::pressAndWaitForTest(const QString &button)
{
    auto *tester = dialog().findChild<ImapConnectionTester *>();
    if (!tester)
        return {Failure::of(FailureKind::Local, str("no tester")), 0};
    QSignalSpy tested(tester, &ImapConnectionTester::finished);
    auto *b = child<QPushButton>(str("imapForm"), button);
    if (!b || !b->isEnabled())
        return {Failure::of(FailureKind::Local, str("button not usable")), 0};
    QTest::mouseClick(b, Qt::LeftButton);
    if (!tested.wait(kIoTimeoutMs))
        return {Failure::of(FailureKind::Local, str("the test never ended")), 0};
    return tested.at(0).at(0).value<ConnectionTestResult>();
}

QStringList TestAccountsDialog::serviceAccountNames()
{
    ControlCommand list;
    list.verb = ControlCommand::Verb::AccountList;
    list.json = true;
    QStringList names;
    m_service->execute(list, [&names](const ControlReply &reply) {
        for (const QJsonValue &a : QJsonDocument::fromJson(reply.out.toUtf8()).array())
            names << a.toObject().value(str("name")).toString();
    });
    return names;
}

std::optional<AccountRecord> TestAccountsDialog::account(const QString &name)
{
    ArchiveReader reader(m_archive);
    return reader.account(name);
}

void TestAccountsDialog::addImapAndWaitForSync(const QString &name)
{
    click(str("accountList"), str("addImap"));
    fillImapForm(name, Port::Imaps, Ca::Trusted, m_dovecot.password());
    QSignalSpy recorded(m_daemon.get(), &Daemon::runRecorded);
    QSignalSpy reloaded(&dialog(), &AccountsDialog::reloaded);
    const ConnectionTestResult tested = pressAndWaitForTest(str("add"));
    QVERIFY2(tested.ok(), qPrintable(tested.failure.detail));
    QVERIFY(reloaded.wait(kIoTimeoutMs));
    QVERIFY(dialog().findChild<AccountListPage *>()->isVisible());
    QVERIFY(dialog().findChild<AccountListPage *>()->names().contains(name));
    const std::optional<AccountRecord> added = account(name);
    QVERIFY(added);
    // Added to the running scheduler, its first run due after the policy's short first-run delay: the clock is
    // moved there (never waited for), and the run's end is committed.
    Scheduler &scheduler = *m_daemon->scheduler();
    const QDateTime due = scheduler.status(added->id).nextDue;
    QCOMPARE(due, m_clock.now().addSecs(SchedulePolicy().firstRunDelay.count()));
    m_clock.set(due);
    scheduler.onTimer();
    QTRY_VERIFY_WITH_TIMEOUT(recorded.contains(QVariantList{added->id}), kIoTimeoutMs);
    QCOMPARE(scheduler.status(added->id).lastFailure.detail, QString());
    ArchiveReader reader(m_archive);
    QCOMPARE(reader.messageCount(added->id), qint64(kMessages));
}

void TestAccountsDialog::removeThroughDialog(const QString &name, bool deleteMail)
{
    auto *list = dialog().findChild<QTreeWidget *>(str("accounts"));
    const QList<QTreeWidgetItem *> rows = list->findItems(name, Qt::MatchExactly, 0);
    QCOMPARE(rows.size(), 1);
    list->setCurrentItem(rows.first());
    click(str("accountList"), str("remove"));
    RemoveAccountDialog *confirm = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((confirm = dialog().findChild<RemoveAccountDialog *>()) && confirm->isVisible(),
                             kIoTimeoutMs);
    auto *box = confirm->findChild<QCheckBox *>(str("deleteMail"));
    QVERIFY(!box->isChecked()); // keeping the mail is the default
    QVERIFY(testsupport::keepScreenshot(*confirm, str("accounts-remove")));
    if (deleteMail)
        QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(box->height() / 2, box->height() / 2));
    QCOMPARE(box->isChecked(), deleteMail);
    QSignalSpy reloaded(&dialog(), &AccountsDialog::reloaded);
    QTest::mouseClick(confirm->findChild<QPushButton *>(str("confirmRemove")), Qt::LeftButton);
    QVERIFY(reloaded.wait(kIoTimeoutMs));
    QVERIFY(!dialog().findChild<AccountListPage *>()->names().contains(name));
    QVERIFY(!serviceAccountNames().contains(name));
    VT_AWAIT(password, m_secrets->read(secretKey(name, SecretKind::Password)));
    QVERIFY(password.ok() && password.notFound);
}

void TestAccountsDialog::menuEntryOpensOneDialog()
{

    QAction *entry = nullptr;
    for (QAction *a : m_tray->trayIcon().menu()->actions()) {
        if (a->text() == str("Accounts…"))
            entry = a;
    }
    QVERIFY(entry);
    QVERIFY(entry->isEnabled());
    entry->trigger();
    AccountsDialog *first = m_tray->accountsDialog();
    QVERIFY(first);
    entry->trigger();
    QCOMPARE(m_tray->accountsDialog(), first);
    QTRY_COMPARE_WITH_TIMEOUT(xdesktop::visibleWindows(kTitle).size(), 1, kIoTimeoutMs);
    QVERIFY(dialog().findChild<AccountListPage *>()->names().isEmpty());
}

void TestAccountsDialog::testConnectionGivesAClassifiedAnswer_data()
{
    QTest::addColumn<Port>("port");
    QTest::addColumn<Ca>("ca");
    QTest::addColumn<bool>("rightPassword");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("screenshot");
    const int folders = int(MaildirGenerator::folders().size());
    const QString signedIn = str("Connected and signed in: %1 folders.").arg(folders);
    const QString rejected = str("The server rejected the user name or password.");
    const QString unreachable =
        str("Could not reach the server. Check the server name and port, and that this computer is online.");
    const QString untrusted = str(
        "The server's certificate is not trusted. If the server uses a certificate of its own, choose its CA file.");
    QTest::newRow("imaps, right password")
        << Port::Imaps << Ca::Trusted << true << QString() << signedIn << str("accounts-imap-signed-in");
    QTest::newRow("starttls, right password")
        << Port::Imap << Ca::Trusted << true << QString() << signedIn << QString();
    QTest::newRow("wrong password") << Port::Imaps << Ca::Trusted << false << QString() << rejected
                                    << str("accounts-imap-rejected");
    QTest::newRow("closed port") << Port::Closed << Ca::Trusted << true << QString() << unreachable << QString();
    QTest::newRow("another CA") << Port::Imaps << Ca::Untrusted << true << QString() << untrusted << QString();
    QTest::newRow("no CA file") << Port::Imaps << Ca::None << true << QString() << untrusted << QString();
    QTest::newRow("plain to another host")
        << Port::Imap << Ca::None << true << str("mail.example.org")
        << str("Check the settings: plain IMAP would send your password unencrypted to mail.example.org; use imaps "
               "or starttls, or --allow-plaintext if you really mean it")
        << QString();
}

void TestAccountsDialog::testConnectionGivesAClassifiedAnswer()
{
    QFETCH(Port, port);
    QFETCH(Ca, ca);
    QFETCH(bool, rightPassword);
    QFETCH(QString, host);
    QFETCH(QString, expected);
    QFETCH(QString, screenshot);
    m_tray->openAccounts();
    click(str("accountList"), str("addImap"));
    fillImapForm(str("test"), port, ca, rightPassword ? m_dovecot.password() : QByteArray("not-the-password"));
    auto *answer = child<QLabel>(str("imapForm"), str("answer"));
    if (!host.isEmpty()) {
        child<QLineEdit>(str("imapForm"), str("host"))->setText(host);
        auto *security = child<QComboBox>(str("imapForm"), str("security"));
        security->setCurrentIndex(security->findData(int(ImapConfig::Security::Plain)));
        click(str("imapForm"), str("testConnection"));
        QCOMPARE(answer->text(), expected); // refused before any connection
    } else {
        pressAndWaitForTest(str("testConnection"));
        QCOMPARE(answer->text(), expected);
    }
    if (!screenshot.isEmpty())
        QVERIFY(testsupport::keepScreenshot(dialog(), screenshot));
    // A test stores nothing.
    QVERIFY(serviceAccountNames().isEmpty());
    VT_AWAIT(stored, m_secrets->read(secretKey(str("test"), SecretKind::Password)));
    QVERIFY(stored.ok() && stored.notFound);
    click(str("imapForm"), str("back"));
    QVERIFY(dialog().findChild<AccountListPage *>()->isVisible());
}

void TestAccountsDialog::portFollowsTheSecurity()
{
    click(str("accountList"), str("addImap"));
    auto *security = child<QComboBox>(str("imapForm"), str("security"));
    auto *port = child<QSpinBox>(str("imapForm"), str("port"));
    QCOMPARE(port->value(), 993);
    security->setCurrentIndex(security->findData(int(ImapConfig::Security::StartTls)));
    QCOMPARE(port->value(), 143);
    port->setValue(1143); // the person's own choice stays
    security->setCurrentIndex(security->findData(int(ImapConfig::Security::Imaps)));
    QCOMPARE(port->value(), 1143);
    click(str("imapForm"), str("back"));
}

void TestAccountsDialog::wrongPasswordAddsNothing()
{
    click(str("accountList"), str("addImap"));
    const QByteArray wrong("wrong-secret-7d1f");
    fillImapForm(str("work"), Port::Imaps, Ca::Trusted, wrong);
    QCOMPARE(toString(pressAndWaitForTest(str("add")).failure.kind), toString(FailureKind::CredentialRejected));
    QCOMPARE(child<QLabel>(str("imapForm"), str("answer"))->text(),
             str("The server rejected the user name or password."));
    QVERIFY(child<QWidget>(str("imapForm"), str("add"))->isEnabled()); // the person may correct it
    QVERIFY(!account(str("work")));
    QVERIFY(serviceAccountNames().isEmpty());
    VT_AWAIT(stored, m_secrets->read(secretKey(str("work"), SecretKind::Password)));
    QVERIFY(stored.ok() && stored.notFound);
    QCOMPARE(m_bed.filesContaining(wrong), QStringList());
    click(str("imapForm"), str("back"));
}

void TestAccountsDialog::addImapStoresThePasswordAndArchives()
{
    addImapAndWaitForSync(str("work"));
    QVERIFY(serviceAccountNames().contains(str("work")));
    VT_AWAIT(stored, m_secrets->read(secretKey(str("work"), SecretKind::Password)));
    QVERIFY(stored.ok() && !stored.notFound);
    QCOMPARE(stored.secret, m_dovecot.password());
    // Not in the settings, the archive or anything else under the test's HOME (the keyring keeps it encrypted).
    m_settings->sync();
    QCOMPARE(m_bed.filesContaining(m_dovecot.password()), QStringList());
    const QJsonObject settings = QJsonDocument::fromJson(account(str("work"))->settingsJson).object();
    QCOMPARE(settings.value(str("host")).toString(), str("127.0.0.1"));
    QCOMPARE(settings.value(str("port")).toInt(), int(m_dovecot.imapsPort()));
    QCOMPARE(settings.value(str("caFile")).toString(), m_dovecot.caFile());
    QVERIFY(testsupport::keepScreenshot(dialog(), str("accounts-list")));
}

void TestAccountsDialog::removeWithTheBoxTickedDeletesTheMail()
{
    const qint64 id = account(str("work"))->id;
    QCOMPARE(ArchiveReader(m_archive).messageCount(id), qint64(kMessages));
    removeThroughDialog(str("work"), true);
    QCOMPARE(ArchiveReader(m_archive).messageCount(id), qint64(0));
}

void TestAccountsDialog::removeKeepsTheMailByDefault()
{
    addImapAndWaitForSync(str("work2"));
    const qint64 id = account(str("work2"))->id;
    removeThroughDialog(str("work2"), false);
    QVERIFY(!account(str("work2")));
    QCOMPARE(ArchiveReader(m_archive).messageCount(id), qint64(kMessages));
}

void TestAccountsDialog::wrongClientFileIsRefused_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("not JSON") << QByteArray("{\"installed\": ");
    QTest::newRow("a web client")
        << QJsonDocument(
               QJsonObject{
                   {str("web"), QJsonDocument::fromJson(m_oauth.clientFileJson()).object().value(str("installed"))}})
               .toJson();
}

void TestAccountsDialog::wrongClientFileIsRefused()
{
    QFETCH(QByteArray, content);
    const QString file = m_bed.root() + str("/wrong_client.json");
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
    out.write(content);
    out.close();
    const ClientConfigResult parsed = loadClientConfig(file);
    QVERIFY(!parsed.ok());
    const int before = m_oauth.tokenRequests(str("authorization_code"));

    click(str("accountList"), str("addGmail"));
    child<QLineEdit>(str("gmailForm"), str("name"))->setText(str("personal"));
    child<QLineEdit>(str("gmailForm"), str("clientFile"))->setText(file);
    click(str("gmailForm"), str("signIn"));
    QCOMPARE(child<QLabel>(str("gmailForm"), str("answer"))->text(),
             str("This client file cannot be used: ") + parsed.failure.detail);
    QVERIFY(testsupport::keepScreenshot(dialog(), str("accounts-gmail-wrong-client-file")));
    QCOMPARE(m_browsers.size(), size_t(0)); // no sign-in started
    QCOMPARE(m_oauth.tokenRequests(str("authorization_code")), before);
    QVERIFY(!serviceAccountNames().contains(str("personal")));
    VT_AWAIT(token, m_secrets->read(secretKey(str("personal"), SecretKind::RefreshToken)));
    QVERIFY(token.ok() && token.notFound);
    click(str("gmailForm"), str("back"));
}

void TestAccountsDialog::addGmailSignsInAndStoresTheToken()
{
    QVERIFY(m_oauth.setNextUser(str("ann@example.org")));
    click(str("accountList"), str("addGmail"));
    child<QLineEdit>(str("gmailForm"), str("name"))->setText(str("personal"));
    child<QLineEdit>(str("gmailForm"), str("clientFile"))->setText(m_clientFile);
    QSignalSpy reloaded(&dialog(), &AccountsDialog::reloaded);
    click(str("gmailForm"), str("signIn"));
    QVERIFY(reloaded.wait(kIoTimeoutMs));
    QCOMPARE(m_browsers.size(), size_t(1));
    QVERIFY(dialog().findChild<AccountListPage *>()->names().contains(str("personal")));
    const std::optional<AccountRecord> added = account(str("personal"));
    QVERIFY(added);
    QCOMPARE(added->provider, str("gmail"));
    QCOMPARE(added->address, str("ann@example.org"));
    VT_AWAIT(token, m_secrets->read(secretKey(str("personal"), SecretKind::RefreshToken)));
    QVERIFY(token.ok() && !token.notFound && !token.secret.isEmpty());
    QCOMPARE(m_bed.filesContaining(token.secret), QStringList());
    QVERIFY(testsupport::keepScreenshot(dialog(), str("accounts-list-gmail")));
}

// XOAUTH2 instead of a password: the client file is checked by the same parser, no password is asked or stored.
void TestAccountsDialog::imapWithOAuthNeedsAUsableClientFile()
{
    click(str("accountList"), str("addImap"));
    fillImapForm(str("oauthmail"), Port::Imaps, Ca::Trusted, QByteArray());
    auto *auth = child<QComboBox>(str("imapForm"), str("auth"));
    auth->setCurrentIndex(auth->findData(int(ImapConfig::Auth::OAuth)));
    QVERIFY(!child<QLineEdit>(str("imapForm"), str("password"))->isEnabled());
    QVERIFY(!child<QPushButton>(str("imapForm"), str("testConnection"))->isEnabled());
    const QString wrong = m_bed.root() + str("/wrong_client.json"); // the web client of wrongClientFileIsRefused
    const ClientConfigResult parsed = loadClientConfig(wrong);
    QVERIFY(!parsed.ok());
    child<QLineEdit>(str("imapForm"), str("oauthClientFile"))->setText(wrong);
    click(str("imapForm"), str("add"));
    QCOMPARE(child<QLabel>(str("imapForm"), str("answer"))->text(),
             str("This client file cannot be used: ") + parsed.failure.detail);
    QVERIFY(!account(str("oauthmail")));

    child<QLineEdit>(str("imapForm"), str("oauthClientFile"))->setText(m_clientFile);
    QSignalSpy reloaded(&dialog(), &AccountsDialog::reloaded);
    click(str("imapForm"), str("add"));
    QVERIFY(reloaded.wait(kIoTimeoutMs));
    const std::optional<AccountRecord> added = account(str("oauthmail"));
    QVERIFY(added);
    const ImapConfig config = ImapConfig::fromJson(added->settingsJson);
    QVERIFY(config.auth == ImapConfig::Auth::OAuth);
    QCOMPARE(config.oauthClientFile, m_clientFile);
    VT_AWAIT(password, m_secrets->read(secretKey(str("oauthmail"), SecretKind::Password)));
    QVERIFY(password.ok() && password.notFound);
    removeThroughDialog(str("oauthmail"), true);
}

// The scan above would see a secret written in the clear (here: into a settings file).
void TestAccountsDialog::secretScanCatchesAPasswordInAFile()
{
    const QByteArray secret("leaked-secret-4be2");
    QSettings leaky(m_bed.home() + str("/.config/vaulttray/leaky.conf"), QSettings::IniFormat);
    leaky.setValue(str("password"), QString::fromLatin1(secret));
    leaky.sync();
    QCOMPARE(m_bed.filesContaining(secret).size(), 1);
}

int main(int argc, char **argv)
{
    // The X server is xsession.sh's private one, kept where the bed clears DISPLAY: for the application, never for
    // the keyring, which would otherwise ask for its unlock on that screen and never answer.
    const QByteArray display = qgetenv("DISPLAY");
    SecretsTestBed bed(SecretsTestBed::Bus::WithKeyring);
    qputenv("DISPLAY", display);
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("vaulttray"));
    // As main() does: English (LANG=C.UTF-8) gives the plural forms of %n.
    const Translations translations(app);
    qunsetenv("DISPLAY");
    QString error;
    if (!bed.start(&error)) {
        qCritical("test bed: %s", qPrintable(error));
        return 1;
    }
    qputenv("DISPLAY", display);
    int failed = 0;
    {
        TestAccountsDialog test(bed);
        failed = QTest::qExec(&test, argc, argv);
    }
    bed.stop();
    return failed;
}

#include "tst_accountsdialog.moc"
