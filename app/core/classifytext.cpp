#include "core/classifytext.h"

#include <algorithm>

namespace vaulttray::classifytext {

QString quoted(const QString &text)
{
    QString out;
    for (const QChar c : text) {
        const ushort u = c.unicode();
        if (u >= 0x20 && u <= 0x7e && c != QLatin1Char('"') && c != QLatin1Char('\\'))
            out += c;
        if (out.size() >= kMaxQuotedChars)
            break;
    }
    return out.trimmed();
}

bool containsAny(const QString &haystack, std::initializer_list<const char *> needles)
{
    return std::any_of(needles.begin(), needles.end(), [&](const char *needle) {
        return haystack.contains(QLatin1String(needle), Qt::CaseInsensitive);
    });
}

} // namespace vaulttray::classifytext
