#pragma once

#include <QString>

#include <initializer_list>

// Internal to the classifiers (classify*.cpp): how server prose may enter a Failure's detail, and the one
// place text is matched when no typed signal exists.

namespace vaulttray::classifytext {

// Details end up in logs and "Show details"; a server's prose is kept short and printable.
inline constexpr int kMaxQuotedChars = 200;

// Only RFC 6749's error_description charset (printable ASCII without '"' and '\'), at most kMaxQuotedChars.
QString quoted(const QString &text);

// Case-insensitive: does any needle occur in haystack?
bool containsAny(const QString &haystack, std::initializer_list<const char *> needles);

} // namespace vaulttray::classifytext
