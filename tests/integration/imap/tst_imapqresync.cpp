// CONDSTORE/QRESYNC against a real Dovecot: after another client flags one message and expunges two, a new session's
// EXAMINE ... (QRESYNC (uidvalidity modseq known-uids)) reports exactly those — the expunged UIDs as VANISHED
// (EARLIER), the flagged one as a FETCH with its new flags and mod-sequence — and so does UID FETCH ... (CHANGEDSINCE
// modseq VANISHED). With a stale UIDVALIDITY the server reports nothing, which is how a caller learns to rescan. New
// mail shows up above the old UIDNEXT.
#include "dovecottestbed.h"
#include "imaptestutil.h"
#include "maildirgenerator.h"

#include "net/imap/examinecommand.h"
#include "net/imap/imapsession.h"
#include "net/imap/imapuidset.h"
#include "net/imap/uidfetchcommand.h"
#include "net/imap/uidsearchcommand.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QTest>

using namespace vaulttray;
using namespace vaulttray::test;

namespace {

constexpr int kMessages = 60;
constexpr quint64 kSeed = 11;

QSet<quint32> expand(const QList<ImapUidRange> &ranges)
{
    QSet<quint32> out;
    for (const ImapUidRange &r : ranges)
        for (quint64 uid = r.first; uid <= r.last; ++uid)
            out.insert(quint32(uid));
    return out;
}

} // namespace

class TestImapQResync : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void examineReportsExactlyWhatChanged();
    void staleUidValidityReportsNothing();
    void changedSinceFetchReportsTheSame();
    void newMailAboveUidNext();

private:
    std::unique_ptr<ImapSession> newSession();

    DovecotTestbed m_dovecot;
    MaildirOptions m_mail;
    ImapQResyncState m_before;
    quint32 m_uidNextBefore = 0;
    quint32 m_flagged = 0;
    QSet<quint32> m_expunged;
};

std::unique_ptr<ImapSession> TestImapQResync::newSession()
{
    auto session = std::make_unique<ImapSession>(m_dovecot.endpoint(ImapSecurity::Imaps), passwordOf(m_dovecot));
    const ImapOpenResult opened = openSession(*session);
    if (!opened.failure.ok())
        qWarning("session: %s", qPrintable(opened.failure.detail));
    return session;
}

void TestImapQResync::initTestCase()
{
    QString error;
    QVERIFY2(m_dovecot.start(&error), qPrintable(error));
    m_mail.root = m_dovecot.mailRoot();
    m_mail.messages = kMessages;
    m_mail.seed = kSeed;
    m_mail.largeMessageBytes = 64 * 1024;
    m_mail.uid = m_dovecot.mailUid();
    m_mail.gid = m_dovecot.mailGid();
    QList<GeneratedMessage> generated;
    QVERIFY2(MaildirGenerator::generate(m_mail, &generated, &error), qPrintable(error));

    // What the last sync knew.
    const auto session = newSession();
    QVERIFY(session->connection().isEnabled("QRESYNC"));
    const auto examined =
        runCommand<ImapExamineResult>(session->connection(), new ExamineCommand("INBOX", {true, std::nullopt}));
    QVERIFY(examined && examined->failure.ok());
    QVERIFY(examined->highestModSeq.has_value());
    const auto search = runCommand<ImapSearchResult>(session->connection(), new UidSearchCommand);
    QVERIFY(search && search->failure.ok());
    QVERIFY(search->uids.size() >= 10);
    m_before = {examined->uidValidity, *examined->highestModSeq, compressUids(search->uids)};
    m_uidNextBefore = examined->uidNext.value_or(0);

    // Another client changes the folder meanwhile.
    m_flagged = search->uids.at(2);
    m_expunged = {search->uids.at(4), search->uids.at(7)};
    const QString user = m_dovecot.user();
    QByteArray output;
    QVERIFY2(m_dovecot.doveadm({QStringLiteral("flags"), QStringLiteral("add"), QStringLiteral("-u"), user,
                                QStringLiteral("\\Flagged"), QStringLiteral("mailbox"), QStringLiteral("INBOX"),
                                QStringLiteral("uid"), QString::number(m_flagged)},
                               &output),
             output.constData());
    for (const quint32 uid : std::as_const(m_expunged))
        QVERIFY2(m_dovecot.doveadm({QStringLiteral("expunge"), QStringLiteral("-u"), user, QStringLiteral("mailbox"),
                                    QStringLiteral("INBOX"), QStringLiteral("uid"), QString::number(uid)},
                                   &output),
                 output.constData());
}

void TestImapQResync::examineReportsExactlyWhatChanged()
{
    const auto session = newSession();
    const auto examined =
        runCommand<ImapExamineResult>(session->connection(), new ExamineCommand("INBOX", {false, m_before}));
    QVERIFY(examined);
    QVERIFY2(examined->failure.ok(), qPrintable(examined->failure.detail));
    QVERIFY(examined->qresyncSent);
    QCOMPARE(examined->uidValidity, m_before.uidValidity);
    QCOMPARE(expand(examined->vanished), m_expunged);
    QCOMPARE(examined->changed.size(), 1);
    const ImapFlagChange &change = examined->changed.constFirst();
    QCOMPARE(change.uid, m_flagged);
    QVERIFY(change.flags.contains("\\Flagged"));
    QVERIFY(change.modSeq.value_or(0) > m_before.highestModSeq);
    QVERIFY(examined->highestModSeq.value_or(0) > m_before.highestModSeq);
}

void TestImapQResync::staleUidValidityReportsNothing()
{
    const auto session = newSession();
    ImapQResyncState stale = m_before;
    stale.uidValidity += 1;
    const auto examined =
        runCommand<ImapExamineResult>(session->connection(), new ExamineCommand("INBOX", {false, stale}));
    QVERIFY(examined && examined->failure.ok());
    QVERIFY(examined->qresyncSent);
    QCOMPARE(examined->uidValidity, m_before.uidValidity); // the caller sees the mismatch and rescans
    QVERIFY(examined->vanished.isEmpty());
    QVERIFY(examined->changed.isEmpty());
}

void TestImapQResync::changedSinceFetchReportsTheSame()
{
    const auto session = newSession();
    const auto examined =
        runCommand<ImapExamineResult>(session->connection(), new ExamineCommand("INBOX", {true, std::nullopt}));
    QVERIFY(examined && examined->failure.ok());
    QSet<quint32> vanished;
    QList<ImapFetchedMessage> changed;
    auto *fetch = new UidFetchCommand({{1, kImapLastUid}}, {false, true, m_before.highestModSeq, true});
    connect(fetch, &UidFetchCommand::vanished, this,
            [&vanished](const QList<ImapUidRange> &uids) { vanished += expand(uids); });
    connect(fetch, &UidFetchCommand::messageFetched, this, [&changed](const ImapFetchedMessage &m) { changed << m; });
    const auto result = runCommand<ImapFetchResult>(session->connection(), fetch);
    QVERIFY(result);
    QVERIFY2(result->failure.ok(), qPrintable(result->failure.detail));
    QCOMPARE(vanished, m_expunged);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.constFirst().uid, m_flagged);
    QVERIFY(changed.constFirst().raw.isNull()); // flags only
    QVERIFY(changed.constFirst().flags.contains("\\Flagged"));
}

void TestImapQResync::newMailAboveUidNext()
{
    GeneratedMessage delivered;
    QString error;
    QVERIFY2(MaildirGenerator::deliver(m_mail, QStringLiteral("INBOX"), 1, &delivered, &error), qPrintable(error));
    const auto session = newSession();
    const auto examined = runCommand<ImapExamineResult>(session->connection(), new ExamineCommand("INBOX"));
    QVERIFY(examined && examined->failure.ok());
    const auto search = runCommand<ImapSearchResult>(
        session->connection(), new UidSearchCommand("UID " + QByteArray::number(m_uidNextBefore) + ":*"));
    QVERIFY(search && search->failure.ok());
    QCOMPARE(search->uids.size(), 1);
    QVERIFY(search->uids.constFirst() >= m_uidNextBefore);
    QList<ImapFetchedMessage> fetched;
    auto *fetch = new UidFetchCommand(compressUids(search->uids));
    connect(fetch, &UidFetchCommand::messageFetched, this, [&fetched](const ImapFetchedMessage &m) { fetched << m; });
    QVERIFY(runCommand<ImapFetchResult>(session->connection(), fetch).has_value());
    QCOMPARE(fetched.size(), 1);
    // Dovecot may have moved the file from new/ to cur/ (adding ":2,") when it saw it.
    const QString name = QFileInfo(delivered.path).fileName();
    QDirIterator files(MaildirGenerator::folderPath(m_mail.root, QStringLiteral("INBOX")), {name + QLatin1Char('*')},
                       QDir::Files, QDirIterator::Subdirectories);
    QVERIFY(files.hasNext());
    QFile file(files.next());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(fetched.constFirst().raw, MaildirGenerator::toCrlf(file.readAll()));
    QVERIFY(fetched.constFirst().raw.contains(delivered.messageId));
    QVERIFY(!fetched.constFirst().flags.contains("\\Seen"));
}

QTEST_GUILESS_MAIN(TestImapQResync)
#include "tst_imapqresync.moc"
