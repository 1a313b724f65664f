#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace vaulttray {

using FormFields = QList<std::pair<QString, QString>>;

// application/x-www-form-urlencoded: the body of token requests and the query of the authorization URL. Every
// byte but the unreserved ones is percent-encoded, '+' included, so that a login hint like ann+tag@example.org
// survives servers that read '+' as a space.
QByteArray formEncode(const FormFields &fields);

// The reverse, for the redirect's query: '+' is a space (RFC 6749 §4.1.2 uses this encoding), then UTF-8.
FormFields formDecode(const QByteArray &encoded);

// The value of the first field named `name`; nullopt when there is none.
std::optional<QString> formValue(const FormFields &fields, const QString &name);

} // namespace vaulttray
