#include "mail/parseproblems.h"

#include <cstring>

namespace vaulttray {

namespace {
constexpr std::size_t kMaxTokenLength = 40;
}

void ParseProblems::add(const QString &detail)
{
    ++m_count;
    if (m_details.size() < kMaxDetails)
        m_details.append(detail);
}

QString ParseProblems::token(const char *name)
{
    if (!name || !*name)
        return QStringLiteral("(none)");
    const std::size_t length = std::strlen(name);
    if (length > kMaxTokenLength)
        return QStringLiteral("(too long)");
    for (std::size_t i = 0; i < length; ++i) {
        const char c = name[i];
        const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                             c == '_' || c == '.' || c == ':' || c == '+';
        if (!allowed)
            return QStringLiteral("(unprintable)");
    }
    return QString::fromLatin1(name, qsizetype(length));
}

} // namespace vaulttray
