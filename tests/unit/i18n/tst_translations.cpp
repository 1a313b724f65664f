// The translations are complete: lupdate over today's sources (scripts/update-translations, on copies of the .ts
// files) finds no text they lack, and every German and French text is finished, not empty, not retired while still
// used, and keeps its source's placeholders. The last case feeds the check broken copies and expects it to object.
#include "tsfile.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace vaulttray::test;

namespace {
const QStringList kLanguages{QStringLiteral("de"), QStringLiteral("fr"), QStringLiteral("en")};
constexpr int kLupdateTimeoutMs = 60000;

QString sourceDir()
{
    return qEnvironmentVariable("VAULTTRAY_SOURCE_DIR");
}

QString committedTs(const QString &language)
{
    return QStringLiteral("%1/translations/vaulttray_%2.ts").arg(sourceDir(), language);
}

QString readText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

bool writeText(const QString &path, const QString &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text.toUtf8()) == text.toUtf8().size();
}

// The ways a .ts file goes wrong, each applied once to the German file's text.
enum class Breakage { None, Unfinished, Empty, DroppedArg, AddedArg, DroppedPlural, RetiredButUsed, Missing };

QString broken(QString ts, Breakage b)
{
    auto replaceFirst = [&ts](const QRegularExpression &re, const QString &with) {
        const QRegularExpressionMatch m = re.match(ts);
        if (!m.hasMatch())
            return false;
        ts.replace(m.capturedStart(), m.capturedLength(), with.isNull() ? QString() : m.captured(1) + with);
        return true;
    };
    bool changed = false;
    switch (b) {
    case Breakage::None:
        return ts;
    case Breakage::Unfinished:
        changed = replaceFirst(QRegularExpression(QStringLiteral("(<translation)>")),
                               QStringLiteral(" type=\"unfinished\">"));
        break;
    case Breakage::Empty:
        changed = replaceFirst(QRegularExpression(QStringLiteral("(<translation>)[^<]+</translation>")),
                               QStringLiteral("</translation>"));
        break;
    case Breakage::DroppedArg:
        changed = replaceFirst(QRegularExpression(QStringLiteral("(<translation>[^<%]*)%1")), QStringLiteral(""));
        break;
    case Breakage::AddedArg:
        changed = replaceFirst(QRegularExpression(QStringLiteral("(<translation>[^<]*%1)")), QStringLiteral(" %2"));
        break;
    case Breakage::DroppedPlural:
        changed = replaceFirst(QRegularExpression(QStringLiteral("(<numerusform>[^<%]*)%L?n")), QStringLiteral(""));
        break;
    case Breakage::RetiredButUsed:
        changed =
            replaceFirst(QRegularExpression(QStringLiteral("(<translation)>")), QStringLiteral(" type=\"vanished\">"));
        break;
    case Breakage::Missing:
        changed = replaceFirst(QRegularExpression(QStringLiteral("()<message>.*?</message>\\s*"),
                                                  QRegularExpression::DotMatchesEverythingOption),
                               QString());
        break;
    }
    return changed ? ts : QString();
}
} // namespace

Q_DECLARE_METATYPE(Breakage)

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    // lupdate over the sources, into copies of the committed files: the texts the sources have now.
    void initTestCase()
    {
        QVERIFY2(QFile::exists(committedTs(QStringLiteral("de"))), qPrintable(sourceDir()));
        QVERIFY(m_refreshed.isValid());
        for (const QString &language : kLanguages)
            QVERIFY(QFile::copy(committedTs(language),
                                m_refreshed.filePath(QStringLiteral("vaulttray_%1.ts").arg(language))));
        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        lupdate.start(sourceDir() + QStringLiteral("/scripts/update-translations"), {m_refreshed.path()});
        QVERIFY(lupdate.waitForFinished(kLupdateTimeoutMs));
        QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0,
                 lupdate.readAll().constData());
        const TsFile refreshed = TsFile::read(m_refreshed.filePath(QStringLiteral("vaulttray_de.ts")));
        QVERIFY2(refreshed.error.isEmpty(), qPrintable(refreshed.error));
        m_used = refreshed.keys();
        // Sanity: the scan saw the sources (one text from the tray menu, one from the command line).
        QVERIFY(m_used.contains(QStringLiteral("vaulttray::TrayIcon\x1fQuit")));
        QVERIFY(m_used.contains(QStringLiteral("CommandLine\x1fShow this help.")));
    }

    void complete_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<bool>("everyText");
        QTest::newRow("German") << "de" << true;
        QTest::newRow("French") << "fr" << true;
        QTest::newRow("English plural forms") << "en" << false;
    }
    void complete()
    {
        QFETCH(QString, language);
        QFETCH(bool, everyText);
        const TsFile file = TsFile::read(committedTs(language));
        QVERIFY(file.language.startsWith(language));
        const QStringList problems = translationProblems(file, m_used, everyText);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        // The update step leaves a complete file as it is, so nothing is waiting to be committed.
        const TsFile refreshed = TsFile::read(m_refreshed.filePath(QStringLiteral("vaulttray_%1.ts").arg(language)));
        QCOMPARE(refreshed.keys(), file.keys());
    }

    void placeholdersAreFound_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("none") << "Quit" << QStringList{};
        QTest::newRow("numbered, sorted") << "%2 of %1" << QStringList{"%1", "%2"};
        QTest::newRow("plural and localized") << "%Ln message(s), %n" << QStringList{"%Ln", "%n"};
        QTest::newRow("percent sign after a number") << "(%2%)" << QStringList{"%2"};
    }
    void placeholdersAreFound()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        QCOMPARE(placeholders(text), expected);
    }

    // The check itself: each broken copy of the German file must be refused with the matching reason.
    void catchesBrokenFiles_data()
    {
        QTest::addColumn<Breakage>("breakage");
        QTest::addColumn<QString>("reason");
        QTest::newRow("unchanged copy passes") << Breakage::None << "";
        QTest::newRow("one entry unfinished") << Breakage::Unfinished << "unfinished:";
        QTest::newRow("one entry empty") << Breakage::Empty << "empty translation:";
        QTest::newRow("a %1 dropped") << Breakage::DroppedArg << "placeholders";
        QTest::newRow("a %2 added") << Breakage::AddedArg << "placeholders";
        QTest::newRow("%n dropped from a plural form") << Breakage::DroppedPlural << "placeholders";
        QTest::newRow("retired while still used") << Breakage::RetiredButUsed << "marked obsolete but still used:";
        QTest::newRow("one entry missing") << Breakage::Missing << "missing (run scripts/update-translations):";
    }
    void catchesBrokenFiles()
    {
        QFETCH(Breakage, breakage);
        QFETCH(QString, reason);
        const QString text = broken(readText(committedTs(QStringLiteral("de"))), breakage);
        QVERIFY2(!text.isEmpty(), "the breakage found nothing to break");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("vaulttray_de.ts"));
        QVERIFY(writeText(path, text));
        const QStringList problems = translationProblems(TsFile::read(path), m_used, true);
        if (reason.isEmpty()) {
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
            return;
        }
        QVERIFY2(problems.size() == 1, qPrintable(problems.join(QLatin1Char('\n'))));
        QVERIFY2(problems.first().startsWith(reason), qPrintable(problems.first()));
    }

private:
    QTemporaryDir m_refreshed;
    QSet<QString> m_used;
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
