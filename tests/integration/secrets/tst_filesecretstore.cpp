// The opt-in private file: nothing happens without consent; with it, secrets.json is 0600 in a 0700 folder,
// replaced atomically, and a file someone loosened, swapped for a link or damaged is refused, never "repaired".
#include "filemode.h"
#include "logcapture.h"
#include "secretwait.h"

#include "net/secrets/filesecretstore.h"

#include <QDir>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace vaulttray;
using namespace vaulttray::test;

namespace {

constexpr int kOwnerOnlyFile = 0600;
constexpr int kOwnerOnlyFolder = 0700;
// The usual umask: what a file gets when nobody narrows it.
constexpr mode_t kTypicalUmask = 022;

QString key()
{
    return secretKey(QStringLiteral("ann@example.org"), SecretKind::RefreshToken);
}

QByteArray contentOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool plant(const QString &path, const QByteArray &content, int mode)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size() && (file.close(), true) &&
           ::chmod(QFile::encodeName(path).constData(), mode_t(mode)) == 0;
}

class UmaskScope
{
public:
    explicit UmaskScope(mode_t mask) : m_previous(::umask(mask)) {}
    ~UmaskScope() { ::umask(m_previous); }

private:
    mode_t m_previous;
};

enum class Operation { Read, Write, Remove };

SecretJob *run(SecretStore &store, Operation operation)
{
    switch (operation) {
    case Operation::Read:
        return store.read(key());
    case Operation::Write:
        return store.write(key(), "1//0gToken");
    case Operation::Remove:
        return store.remove(key());
    }
    return nullptr;
}

} // namespace

Q_DECLARE_METATYPE(Operation)

class TestFileSecretStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLoggingCategory::setFilterRules(QString::fromLatin1(kQuietDebugRules)); }

    void withoutConsentNothingIsTouched_data()
    {
        QTest::addColumn<Operation>("operation");
        QTest::addColumn<bool>("fileExists");
        QTest::newRow("read, no file") << Operation::Read << false;
        QTest::newRow("write, no file") << Operation::Write << false;
        QTest::newRow("remove, no file") << Operation::Remove << false;
        QTest::newRow("read, consent withdrawn") << Operation::Read << true;
        QTest::newRow("write, consent withdrawn") << Operation::Write << true;
        QTest::newRow("remove, consent withdrawn") << Operation::Remove << true;
    }

    void withoutConsentNothingIsTouched()
    {
        QFETCH(Operation, operation);
        QFETCH(bool, fileExists);
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("vaulttray"));
        QByteArray before;
        if (fileExists) {
            FileSecretStore allowed(folder, Consent::Given);
            VT_AWAIT(written, allowed.write(key(), "old"));
            QVERIFY(written.ok());
            before = contentOf(allowed.filePath());
        }

        FileSecretStore store(folder, Consent::NotGiven);
        VT_AWAIT(result, run(store, operation));
        QVERIFY(!result.ok());
        QCOMPARE(toString(result.failure.kind), toString(FailureKind::Local));
        QCOMPARE(toString(result.problem), toString(SecretProblem::FileNotAllowed));
        QVERIFY(!result.notFound);
        QVERIFY2(result.failure.detail.contains(QLatin1String("has not been allowed")),
                 qPrintable(result.failure.detail));
        if (operation == Operation::Write)
            QVERIFY2(result.failure.detail.contains(QLatin1String("nothing was stored")),
                     qPrintable(result.failure.detail));
        QCOMPARE(QFileInfo::exists(folder), fileExists);
        QCOMPARE(contentOf(store.filePath()), before);
    }

    void roundTripInAPrivateFolderAndFile()
    {
        UmaskScope umask(kTypicalUmask);
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("data/vaulttray"));
        const QByteArray secret("p\xc3\xa4ss\0word\n", 11);
        LogCapture capture;
        {
            FileSecretStore store(folder, Consent::Given);
            VT_AWAIT(missing, store.read(key()));
            QVERIFY(missing.ok());
            QVERIFY(missing.notFound);
            QVERIFY2(!QFileInfo::exists(folder), "a read must not create anything");

            VT_AWAIT(written, store.write(key(), secret));
            QVERIFY2(written.ok(), qPrintable(written.failure.detail));
            VT_AWAIT(other, store.write(secretKey(QStringLiteral("bob"), SecretKind::Password), "bobs"));
            QVERIFY(other.ok());
            QCOMPARE(fileMode(folder), kOwnerOnlyFolder);
            QCOMPARE(fileMode(store.filePath()), kOwnerOnlyFile);
            // QSaveFile's temporary file was renamed over, not left behind.
            QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("secrets.json")});
        }
        FileSecretStore again(folder, Consent::Given);
        VT_AWAIT(read, again.read(key()));
        QVERIFY2(read.ok(), qPrintable(read.failure.detail));
        QCOMPARE(read.secret, secret);

        VT_AWAIT(overwritten, again.write(key(), "new"));
        QVERIFY(overwritten.ok());
        QCOMPARE(fileMode(again.filePath()), kOwnerOnlyFile);
        VT_AWAIT(newer, again.read(key()));
        QCOMPARE(newer.secret, QByteArray("new"));

        VT_AWAIT(removed, again.remove(key()));
        QVERIFY(removed.ok());
        VT_AWAIT(gone, again.read(key()));
        QVERIFY(gone.ok());
        QVERIFY(gone.notFound);
        VT_AWAIT(bob, again.read(secretKey(QStringLiteral("bob"), SecretKind::Password)));
        QCOMPARE(bob.secret, QByteArray("bobs"));
        VT_AWAIT(removedAgain, again.remove(key()));
        QVERIFY(removedAgain.ok());

        QVERIFY(!capture.contains(QString::fromUtf8(secret)));
        QVERIFY(!capture.contains(QString::fromLatin1(secret.toBase64())));
    }

    // Why the store narrows the mode itself: with the usual umask, QSaveFile alone makes the file world-readable,
    // and the mode check above would catch a store that forgot to narrow it.
    void saveFileAloneWouldBeReadableByOthers()
    {
        UmaskScope umask(kTypicalUmask);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("secrets.json"));
        QSaveFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{}");
        QVERIFY(file.commit());
        QCOMPARE(fileMode(path), 0644);
    }

    void looseFileIsRefused_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("0600") << 0600 << true;
        QTest::newRow("0400 read-only") << 0400 << true;
        QTest::newRow("0644 world-readable") << 0644 << false;
        QTest::newRow("0640 group-readable") << 0640 << false;
        QTest::newRow("0604 other-readable") << 0604 << false;
        QTest::newRow("0620 group-writable") << 0620 << false;
        QTest::newRow("0602 other-writable") << 0602 << false;
        QTest::newRow("0666") << 0666 << false;
    }

    void looseFileIsRefused()
    {
        QFETCH(int, mode);
        QFETCH(bool, accepted);
        QTemporaryDir dir;
        FileSecretStore store(dir.path(), Consent::Given);
        const QByteArray content = R"({"format":1,"secrets":{"account/ann@example.org/refresh-token":"dG9rZW4="}})";
        QVERIFY(plant(store.filePath(), content, mode));

        VT_AWAIT(read, store.read(key()));
        QCOMPARE(read.ok(), accepted);
        if (accepted) {
            QCOMPARE(read.secret, QByteArray("token"));
            return;
        }
        QCOMPARE(toString(read.failure.kind), toString(FailureKind::Local));
        QCOMPARE(toString(read.problem), toString(SecretProblem::FileUnsafe));
        QVERIFY(read.secret.isEmpty());
        const QString octal = QStringLiteral("0%1").arg(mode, 0, 8);
        QVERIFY2(read.failure.detail.contains(octal), qPrintable(read.failure.detail));
        QVERIFY2(read.failure.detail.contains(QLatin1String("chmod 600")), qPrintable(read.failure.detail));

        // Not silently tightened or rewritten either: the person decides.
        VT_AWAIT(written, store.write(key(), "new"));
        QCOMPARE(toString(written.problem), toString(SecretProblem::FileUnsafe));
        VT_AWAIT(removed, store.remove(key()));
        QCOMPARE(toString(removed.problem), toString(SecretProblem::FileUnsafe));
        QCOMPARE(fileMode(store.filePath()), mode);
        QCOMPARE(contentOf(store.filePath()), content);
    }

    void linkInsteadOfFileIsRefused()
    {
        QTemporaryDir dir;
        FileSecretStore store(dir.filePath(QStringLiteral("vaulttray")), Consent::Given);
        const QString elsewhere = dir.filePath(QStringLiteral("elsewhere.json"));
        QVERIFY(plant(elsewhere, R"({"format":1,"secrets":{}})", 0600));
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("vaulttray"))));
        QVERIFY(QFile::link(elsewhere, store.filePath()));

        VT_AWAIT(read, store.read(key()));
        QCOMPARE(toString(read.problem), toString(SecretProblem::FileUnsafe));
        VT_AWAIT(written, store.write(key(), "new"));
        QCOMPARE(toString(written.problem), toString(SecretProblem::FileUnsafe));
        QCOMPARE(contentOf(elsewhere), QByteArray(R"({"format":1,"secrets":{}})"));
    }

    void damagedFileIsRefused_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("not JSON") << QByteArray("{\"format\":1,\"secrets\":{\"k\":\"dG9r");
        QTest::newRow("a JSON array") << QByteArray("[1,2]");
        QTest::newRow("no secrets object") << QByteArray(R"({"format":1})");
        QTest::newRow("a newer format") << QByteArray(R"({"format":2,"secrets":{}})");
    }

    void damagedFileIsRefused()
    {
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        FileSecretStore store(dir.path(), Consent::Given);
        QVERIFY(plant(store.filePath(), content, kOwnerOnlyFile));

        VT_AWAIT(read, store.read(key()));
        QCOMPARE(toString(read.failure.kind), toString(FailureKind::Local));
        QCOMPARE(toString(read.problem), toString(SecretProblem::FileUnreadable));
        QVERIFY(!read.notFound);
        VT_AWAIT(written, store.write(key(), "new"));
        QCOMPARE(toString(written.problem), toString(SecretProblem::FileUnreadable));
        QCOMPARE(contentOf(store.filePath()), content);
    }
};

QTEST_GUILESS_MAIN(TestFileSecretStore)
#include "tst_filesecretstore.moc"
