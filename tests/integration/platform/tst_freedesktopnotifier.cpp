// FreedesktopNotifier against a real notification server on a private session bus (python-dbusmock's
// notification_daemon template): what reaches the server (urgency as a byte, actions only where the server has
// them, replaces_id so a kind never stacks, CloseNotification to withdraw), what comes back (ActionInvoked for our
// notices only, NotificationClosed, the Inhibited property), and the fallback when no server answers.
#include "dbustestbed.h"
#include "notificationmock.h"
#include "platform/linux/freedesktopnotifier.h"

#include <QDBusConnection>
#include <QSignalSpy>
#include <QTest>

using namespace vaulttray;
using namespace vaulttray::test;

namespace {
// Real bus round trips and process starts only.
constexpr int kBusTimeoutMs = 5000;
const QString kDesktopEntry = QStringLiteral("io.github.vaulttray.Vaulttray");

Notifier::Notice notice(const QString &kind, Notifier::Urgency urgency, QList<Notifier::Action> actions = {},
                        QString defaultAction = {})
{
    return {kind,
            QStringLiteral("Title of %1").arg(kind),
            QStringLiteral("Body <of> %1 & more").arg(kind),
            urgency,
            std::move(actions),
            std::move(defaultAction)};
}

// Where notices go when no server answers: it keeps what it was given.
class RecordingNotifier final : public Notifier
{
public:
    void show(const Notice &n) override { shown << n.kind; }
    void withdraw(const QString &kind) override { withdrawn << kind; }
    QStringList shown, withdrawn;
};
} // namespace

class TestFreedesktopNotifier : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void noticeReachesTheServer();
    void urgencyIsAByte();
    void sameKindReplacesNeverStacks();
    void withdrawClosesIt();
    void actionsComeBackForOurNoticesOnly();
    void closedByThePersonIsForgotten();
    void noActionsWhereTheServerHasNone();
    void inhibitedFollowsTheServer();
    void withoutAServerTheFallbackGetsIt();
    void aServerArrivingLaterIsUsed();

private:
    std::unique_ptr<FreedesktopNotifier> makeNotifier(Notifier *fallback = nullptr);
    void startServer(const QString &capabilities = QStringLiteral("body actions persistence"));

    PrivateSessionBus m_bus;
    std::unique_ptr<NotificationMock> m_server;
};

void TestFreedesktopNotifier::initTestCase()
{
    QVERIFY2(m_bus.start().isEmpty(), "private session bus");
    QVERIFY(QDBusConnection::sessionBus().isConnected());
}

void TestFreedesktopNotifier::cleanup()
{
    m_server.reset();
}

void TestFreedesktopNotifier::startServer(const QString &capabilities)
{
    m_server = std::make_unique<NotificationMock>(capabilities);
    const QString error = m_server->start();
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

std::unique_ptr<FreedesktopNotifier> TestFreedesktopNotifier::makeNotifier(Notifier *fallback)
{
    auto n = std::make_unique<FreedesktopNotifier>(QDBusConnection::sessionBus(), QStringLiteral("vaulttray"),
                                                   kDesktopEntry, fallback);
    if (n->service() == FreedesktopNotifier::Service::Unknown) {
        QSignalSpy known(n.get(), &FreedesktopNotifier::serviceChanged);
        known.wait(kBusTimeoutMs);
    }
    return n;
}

void TestFreedesktopNotifier::noticeReachesTheServer()
{
    startServer();
    auto notifier = makeNotifier();
    QCOMPARE(notifier->service(), FreedesktopNotifier::Service::Present);
    QVERIFY(notifier->capabilities().contains(QStringLiteral("actions")));
    notifier->show(notice(QStringLiteral("signin:1"), Notifier::Urgency::Critical,
                          {{QStringLiteral("signin"), QStringLiteral("Sign in again")}}, QStringLiteral("signin")));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->notifies().size(), 1, kBusTimeoutMs);
    const NotifyCall n = m_server->notifies().first();
    QCOMPARE(n.appName, QStringLiteral("vaulttray"));
    QCOMPARE(n.icon, kDesktopEntry);
    QCOMPARE(n.replacesId, 0u);
    QCOMPARE(n.summary, QStringLiteral("Title of signin:1"));
    // The server has no body-markup: the text goes as it is.
    QCOMPARE(n.body, QStringLiteral("Body <of> signin:1 & more"));
    QCOMPARE(n.actions, (QStringList{QStringLiteral("signin"), QStringLiteral("Sign in again"),
                                     QStringLiteral("default"), QStringLiteral("Sign in again")}));
    QCOMPARE(n.hints.value(QStringLiteral("desktop-entry")).toString(), kDesktopEntry);
    QCOMPARE(n.urgency, 2);
    QCOMPARE(n.expireTimeout, 0); // a critical notice stays until the person acts
}

void TestFreedesktopNotifier::urgencyIsAByte()
{
    startServer();
    auto notifier = makeNotifier();
    notifier->show(notice(QStringLiteral("low"), Notifier::Urgency::Low));
    notifier->show(notice(QStringLiteral("normal"), Notifier::Urgency::Normal));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->notifies().size(), 2, kBusTimeoutMs);
    const QList<NotifyCall> calls = m_server->notifies();
    QCOMPARE(calls[0].urgency, 0);
    QCOMPARE(calls[1].urgency, 1);
    QCOMPARE(calls[0].expireTimeout, -1);
    // The counter this suite relies on sees exactly what was sent.
    QCOMPARE(m_server->countWithUrgency(2), 0);
    QCOMPARE(m_server->countWithUrgency(0), 1);
}

void TestFreedesktopNotifier::sameKindReplacesNeverStacks()
{
    startServer();
    auto notifier = makeNotifier();
    // Twice in a row, before the server's first answer: the second waits for the id and replaces.
    Notifier::Notice outage = notice(QStringLiteral("outage"), Notifier::Urgency::Low);
    outage.title = QStringLiteral("outage 1");
    notifier->show(outage);
    outage.title = QStringLiteral("outage 2");
    notifier->show(outage);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->notifies().size(), 2, kBusTimeoutMs);
    outage.title = QStringLiteral("outage 3");
    notifier->show(outage);
    notifier->show(notice(QStringLiteral("summary"), Notifier::Urgency::Low));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->notifies().size(), 4, kBusTimeoutMs);
    // A notice waiting for its kind's id may reach the server after a later notice of another kind: by title.
    QHash<QString, NotifyCall> byTitle;
    for (const NotifyCall &c : m_server->notifies())
        byTitle.insert(c.summary, c);
    const uint id = byTitle.value(QStringLiteral("outage 1")).id;
    QCOMPARE(byTitle.value(QStringLiteral("outage 1")).replacesId, 0u);
    QCOMPARE(byTitle.value(QStringLiteral("outage 2")).replacesId, id);
    QCOMPARE(byTitle.value(QStringLiteral("outage 3")).replacesId, id);
    const NotifyCall summary = byTitle.value(QStringLiteral("Title of summary"));
    QCOMPARE(summary.replacesId, 0u); // another kind is another notice
    QVERIFY(summary.id != id);
}

void TestFreedesktopNotifier::withdrawClosesIt()
{
    startServer();
    auto notifier = makeNotifier();
    notifier->show(notice(QStringLiteral("outage"), Notifier::Urgency::Low));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->notifies().size(), 1, kBusTimeoutMs);
    const uint first = m_server->notifies().first().id;
    // The answer has arrived once the server can act on the id; a withdrawal before it is the other case below.
    notifier->withdraw(QStringLiteral("outage"));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->closed(), QList<uint>{first}, kBusTimeoutMs);

    // Withdrawn while its Notify is still on its way: closed as soon as its id is known.
    notifier->show(notice(QStringLiteral("outage"), Notifier::Urgency::Low));
    notifier->withdraw(QStringLiteral("outage"));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->notifies().size(), 2, kBusTimeoutMs);
    const uint second = m_server->notifies().last().id;
    QCOMPARE(m_server->notifies().last().replacesId, 0u); // the first was gone: a new notice
    QTRY_COMPARE_WITH_TIMEOUT(m_server->closed(), (QList<uint>{first, second}), kBusTimeoutMs);
    // Nothing left to withdraw: no call.
    notifier->withdraw(QStringLiteral("outage"));
    notifier->withdraw(QStringLiteral("never-shown"));
    notifier->show(notice(QStringLiteral("barrier"), Notifier::Urgency::Low));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->notifies().size(), 3, kBusTimeoutMs);
    QCOMPARE(m_server->closed().size(), 2);
}

void TestFreedesktopNotifier::actionsComeBackForOurNoticesOnly()
{
    startServer();
    auto notifier = makeNotifier();
    QSignalSpy actions(notifier.get(), &Notifier::actionInvoked);
    notifier->show(notice(QStringLiteral("signin:7"), Notifier::Urgency::Critical,
                          {{QStringLiteral("signin"), QStringLiteral("Sign in again")}}, QStringLiteral("signin")));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->notifies().size(), 1, kBusTimeoutMs);
    const uint id = m_server->notifies().first().id;
    // Another program's notice: the server tells every client; ours must not answer.
    QVERIFY(m_server->invokeAction(id + 100, QStringLiteral("signin")));
    QVERIFY(m_server->invokeAction(id, QStringLiteral("signin")));
    QTRY_COMPARE_WITH_TIMEOUT(actions.size(), 1, kBusTimeoutMs);
    QCOMPARE(actions.at(0).at(0).toString(), QStringLiteral("signin:7"));
    QCOMPARE(actions.at(0).at(1).toString(), QStringLiteral("signin"));
    // A click on the notice itself is its default action.
    QVERIFY(m_server->invokeAction(id, QStringLiteral("default")));
    QTRY_COMPARE_WITH_TIMEOUT(actions.size(), 2, kBusTimeoutMs);
    QCOMPARE(actions.at(1).at(1).toString(), QStringLiteral("signin"));
}

void TestFreedesktopNotifier::closedByThePersonIsForgotten()
{
    startServer();
    auto notifier = makeNotifier();
    QSignalSpy actions(notifier.get(), &Notifier::actionInvoked);
    const QList<Notifier::Action> details{{QStringLiteral("details"), QStringLiteral("Details")}};
    notifier->show(notice(QStringLiteral("outage"), Notifier::Urgency::Low, details));
    notifier->show(notice(QStringLiteral("other"), Notifier::Urgency::Low, details));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->notifies().size(), 2, kBusTimeoutMs);
    uint outage = 0, other = 0;
    for (const NotifyCall &c : m_server->notifies())
        (c.summary.endsWith(QLatin1String("outage")) ? outage : other) = c.id;
    QVERIFY(m_server->emitClosed(outage));
    QVERIFY(m_server->invokeAction(outage, QStringLiteral("details")));
    // Signals from the server arrive in order: once this one is here, the two before it were handled.
    QVERIFY(m_server->invokeAction(other, QStringLiteral("details")));
    QTRY_COMPARE_WITH_TIMEOUT(actions.size(), 1, kBusTimeoutMs);
    QCOMPARE(actions.at(0).at(0).toString(), QStringLiteral("other"));
    // After the person dismissed it, the next notice of the kind is a new one.
    notifier->show(notice(QStringLiteral("outage"), Notifier::Urgency::Low));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->notifies().size(), 3, kBusTimeoutMs);
    QCOMPARE(m_server->notifies().last().replacesId, 0u);
}

void TestFreedesktopNotifier::noActionsWhereTheServerHasNone()
{
    startServer(QStringLiteral("body body-markup")); // like the template's default: no "actions"
    auto notifier = makeNotifier();
    notifier->show(notice(QStringLiteral("signin:1"), Notifier::Urgency::Critical,
                          {{QStringLiteral("signin"), QStringLiteral("Sign in again")}}, QStringLiteral("signin")));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->notifies().size(), 1, kBusTimeoutMs);
    QCOMPARE(m_server->notifies().first().actions, QStringList());
    // With body-markup, text that looks like markup is escaped.
    QCOMPARE(m_server->notifies().first().body, QStringLiteral("Body &lt;of&gt; signin:1 &amp; more"));
}

void TestFreedesktopNotifier::inhibitedFollowsTheServer()
{
    startServer();
    QVERIFY(m_server->addInhibitedProperty(true));
    auto notifier = makeNotifier();
    QSignalSpy changes(notifier.get(), &Notifier::inhibitedChanged);
    QTRY_VERIFY_WITH_TIMEOUT(notifier->isInhibited(), kBusTimeoutMs);
    QVERIFY(m_server->setInhibited(false));
    QTRY_VERIFY_WITH_TIMEOUT(!notifier->isInhibited(), kBusTimeoutMs);
    QVERIFY(m_server->setInhibited(true));
    QTRY_VERIFY_WITH_TIMEOUT(notifier->isInhibited(), kBusTimeoutMs);
    QCOMPARE(changes.size(), 3);

    // A server without the property never says "do not disturb".
    startServer();
    auto plain = makeNotifier();
    plain->show(notice(QStringLiteral("barrier"), Notifier::Urgency::Low));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->notifies().size(), 1, kBusTimeoutMs);
    QVERIFY(!plain->isInhibited());
}

void TestFreedesktopNotifier::withoutAServerTheFallbackGetsIt()
{
    RecordingNotifier fallback;
    auto notifier = makeNotifier(&fallback);
    QCOMPARE(notifier->service(), FreedesktopNotifier::Service::Absent);
    notifier->show(notice(QStringLiteral("signin:1"), Notifier::Urgency::Critical));
    notifier->withdraw(QStringLiteral("signin:1"));
    QCOMPARE(fallback.shown, QStringList{QStringLiteral("signin:1")});
    QCOMPARE(fallback.withdrawn, QStringList{QStringLiteral("signin:1")});
    // What the fallback reports back comes out of the notifier.
    QSignalSpy actions(notifier.get(), &Notifier::actionInvoked);
    emit fallback.actionInvoked(QStringLiteral("signin:1"), QStringLiteral("signin"));
    QCOMPARE(actions.size(), 1);
}

void TestFreedesktopNotifier::aServerArrivingLaterIsUsed()
{
    RecordingNotifier fallback;
    auto notifier = makeNotifier(&fallback);
    QCOMPARE(notifier->service(), FreedesktopNotifier::Service::Absent);
    QSignalSpy service(notifier.get(), &FreedesktopNotifier::serviceChanged);
    startServer();
    QTRY_COMPARE_WITH_TIMEOUT(notifier->service(), FreedesktopNotifier::Service::Present, kBusTimeoutMs);
    notifier->show(notice(QStringLiteral("outage"), Notifier::Urgency::Low));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->notifies().size(), 1, kBusTimeoutMs);
    QVERIFY(fallback.shown.isEmpty());
}

QTEST_GUILESS_MAIN(TestFreedesktopNotifier)
#include "tst_freedesktopnotifier.moc"
