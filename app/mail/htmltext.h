#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

namespace vaulttray {

// Reduces HTML mail to the text a reader sees, for the full-text index. Not a browser: it drops tags,
// comments and the content of script/style/head/title, breaks lines at block elements, collapses
// whitespace outside <pre> and decodes character references. The mail layer must not link QtGui,
// so QTextDocument is not an option.
class HtmlText
{
public:
    static QString toPlainText(QStringView html);

    // The charset named by a <meta> tag near the top, for HTML parts whose MIME headers declare none.
    static QByteArray sniffCharset(const QByteArray &html);
};

} // namespace vaulttray
