#include "core/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>

namespace vaulttray {

namespace {
const QString kFolder = QStringLiteral(":/i18n");
const QString kEnglish = QStringLiteral("vaulttray_en");
} // namespace

Translations::Translations(QCoreApplication &app) : m_application(app)
{
    const QLocale locale = QLocale::system();
    if (!m_app.load(locale, QStringLiteral("vaulttray"), QStringLiteral("_"), kFolder))
        (void)m_app.load(kEnglish, kFolder);
    if (!m_app.isEmpty())
        m_application.installTranslator(&m_app);
    if (m_qt.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                  QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        m_application.installTranslator(&m_qt);
}

Translations::~Translations()
{
    m_application.removeTranslator(&m_qt);
    m_application.removeTranslator(&m_app);
}

} // namespace vaulttray
