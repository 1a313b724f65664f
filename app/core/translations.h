#pragma once

#include <QTranslator>

class QCoreApplication;

namespace vaulttray {

// The translators for the person's language, installed into the application for as long as this object lives.
// The language is QLocale::system()'s: on Unix LANGUAGE first, then LC_ALL, LC_MESSAGES and LANG. vaulttray's own
// texts are embedded (:/i18n); when no translation matches, the English one still gives the plural forms of %n.
// Qt's own texts (standard dialog buttons, context menus) come from QLibraryInfo::TranslationsPath when installed.
class Translations
{
public:
    explicit Translations(QCoreApplication &app);
    ~Translations();
    Translations(const Translations &) = delete;
    Translations &operator=(const Translations &) = delete;

    // The language of the loaded vaulttray translation ("de", "fr", "en").
    QString language() const { return m_app.language(); }
    bool hasQtTranslation() const { return !m_qt.isEmpty(); }

private:
    QCoreApplication &m_application;
    QTranslator m_app;
    QTranslator m_qt;
};

} // namespace vaulttray
