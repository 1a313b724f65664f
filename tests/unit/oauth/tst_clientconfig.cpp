// The client file a person downloads from Google Cloud Console: a Desktop app file is read; every other file is
// refused with a detail naming what is wrong, and never with the client secret in it.
#include "net/oauth/clientconfig.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace vaulttray;

namespace {

constexpr char kSecret[] = "GOCSPX-unit-test-secret-1234";
constexpr int kOversizedBytes = 100 * 1024;

// What Google Cloud Console downloads for a Desktop app, with one field changed (a null value removes it).
QByteArray desktopFile(const QString &field = QString(), const QJsonValue &value = QJsonValue::Undefined,
                       const QString &top = QStringLiteral("installed"))
{
    QJsonObject installed{
        {QStringLiteral("client_id"), QStringLiteral("1234-abc.apps.googleusercontent.com")},
        {QStringLiteral("project_id"), QStringLiteral("vaulttray-123")},
        {QStringLiteral("auth_uri"), QStringLiteral("https://accounts.google.com/o/oauth2/auth")},
        {QStringLiteral("token_uri"), QStringLiteral("https://oauth2.googleapis.com/token")},
        {QStringLiteral("auth_provider_x509_cert_url"), QStringLiteral("https://www.googleapis.com/oauth2/v1/certs")},
        {QStringLiteral("client_secret"), QString::fromLatin1(kSecret)},
        {QStringLiteral("redirect_uris"), QJsonArray{QStringLiteral("http://localhost")}},
    };
    if (!field.isEmpty()) {
        if (value.isNull())
            installed.remove(field);
        else
            installed.insert(field, value);
    }
    return QJsonDocument(QJsonObject{{top, installed}}).toJson();
}

} // namespace

class TestClientConfig : public QObject
{
    Q_OBJECT

private slots:
    void googleDesktopFileIsRead()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("client_secret.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(desktopFile());
        file.close();
        const ClientConfigResult result = loadClientConfig(path);
        QVERIFY2(result.ok(), qPrintable(result.failure.detail));
        QCOMPARE(result.config.clientId, QStringLiteral("1234-abc.apps.googleusercontent.com"));
        QCOMPARE(result.config.clientSecret, QString::fromLatin1(kSecret));
        QCOMPARE(result.config.authUri, QUrl(QStringLiteral("https://accounts.google.com/o/oauth2/auth")));
        QCOMPARE(result.config.tokenUri, QUrl(QStringLiteral("https://oauth2.googleapis.com/token")));
        QCOMPARE(result.config.redirectUris, QList<QUrl>{QUrl(QStringLiteral("http://localhost"))});
        QCOMPARE(result.config.scopes, QStringList{QStringLiteral("https://www.googleapis.com/auth/gmail.readonly")});
    }

    void endpoints_data()
    {
        QTest::addColumn<QString>("tokenUri");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("https anywhere") << "https://oauth2.example.com/token" << true;
        QTest::newRow("http on 127.0.0.1") << "http://127.0.0.1:8080/token" << true;
        QTest::newRow("http on 127.1.2.3") << "http://127.1.2.3/token" << true;
        QTest::newRow("http on [::1]") << "http://[::1]:8080/token" << true;
        QTest::newRow("http on localhost") << "http://localhost:8080/token" << true;
        QTest::newRow("http on a LAN address") << "http://192.168.1.10/token" << false;
        QTest::newRow("http on a name") << "http://oauth2.example.com/token" << false;
        QTest::newRow("http on localhost.example.com") << "http://localhost.example.com/token" << false;
    }

    void endpoints()
    {
        QFETCH(QString, tokenUri);
        QFETCH(bool, accepted);
        const ClientConfigResult result = parseClientConfig(desktopFile(QStringLiteral("token_uri"), tokenUri));
        QVERIFY2(result.ok() == accepted, qPrintable(result.failure.detail));
        if (!accepted)
            QVERIFY2(result.failure.detail.contains(QLatin1String("plain http")), qPrintable(result.failure.detail));
    }

    void refused_data()
    {
        QTest::addColumn<QByteArray>("content"); // written to the file; ignored for the "path" rows
        QTest::addColumn<QString>("path");       // "file" (the written file), "folder" or "missing"
        QTest::addColumn<QString>("detailHas");
        const QString file = QStringLiteral("file");
        QTest::newRow("web client") << desktopFile({}, QJsonValue::Undefined, QStringLiteral("web")) << file
                                    << "Web application";
        QTest::newRow("neither installed nor web")
            << QByteArray(R"({"type": "service_account", "private_key_id": "x"})") << file << "no \"installed\"";
        QTest::newRow("missing token_uri")
            << desktopFile(QStringLiteral("token_uri"), QJsonValue::Null) << file << "\"token_uri\"";
        QTest::newRow("missing client_id")
            << desktopFile(QStringLiteral("client_id"), QJsonValue::Null) << file << "\"client_id\"";
        QTest::newRow("empty client_secret")
            << desktopFile(QStringLiteral("client_secret"), QString()) << file << "\"client_secret\"";
        QTest::newRow("auth_uri not a string") << desktopFile(QStringLiteral("auth_uri"), 42) << file << "\"auth_uri\"";
        QTest::newRow("http token_uri, not loopback")
            << desktopFile(QStringLiteral("token_uri"), QStringLiteral("http://oauth2.googleapis.com/token")) << file
            << "plain http";
        QTest::newRow("token_uri not http(s)")
            << desktopFile(QStringLiteral("token_uri"), QStringLiteral("ftp://oauth2.googleapis.com/token")) << file
            << "not an http(s) URL";
        QTest::newRow("token_uri relative")
            << desktopFile(QStringLiteral("token_uri"), QStringLiteral("/token")) << file << "not an absolute URL";
        QTest::newRow("not JSON") << QByteArray("client_id=abc\nclient_secret=def\n") << file << "not JSON";
        QTest::newRow("truncated JSON") << desktopFile().left(60) << file << "not JSON";
        QTest::newRow("JSON array") << QByteArray("[1, 2]") << file << "not an object";
        QTest::newRow("empty file") << QByteArray() << file << "empty";
        QTest::newRow("only blanks") << QByteArray(" \n\t\n") << file << "empty";
        QTest::newRow("oversized") << QByteArray(kOversizedBytes, ' ') << file << "too large";
        QTest::newRow("a folder") << QByteArray() << "folder"
                                  << "folder";
        QTest::newRow("no such file") << QByteArray() << "missing"
                                      << "no such file";
    }

    void refused()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, path);
        QFETCH(QString, detailHas);
        QTemporaryDir dir;
        QString target = dir.filePath(QStringLiteral("client_secret.json"));
        if (path == QLatin1String("file")) {
            QFile file(target);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(content);
        } else if (path == QLatin1String("folder")) {
            QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("client_secret.json")));
        }
        const ClientConfigResult result = loadClientConfig(target);
        QVERIFY(!result.ok());
        QCOMPARE(toString(result.failure.kind), toString(FailureKind::ClientMisconfigured));
        QVERIFY2(result.failure.detail.contains(detailHas), qPrintable(result.failure.detail));
        QVERIFY2(result.failure.detail.contains(target), qPrintable(result.failure.detail));
        QVERIFY(!result.failure.detail.contains(QLatin1String(kSecret)));
    }
};

QTEST_GUILESS_MAIN(TestClientConfig)
#include "tst_clientconfig.moc"
