#include "mail/gmimeutil.h"

#include <mutex>

namespace vaulttray::gmime {

void ensureInitialised()
{
    static std::once_flag once;
    // Never paired with g_mime_shutdown(): other threads may still be parsing when the process exits.
    std::call_once(once, [] { g_mime_init(); });
}

QString mimeTypeOf(GMimeObject *object)
{
    GMimeContentType *type = g_mime_object_get_content_type(object);
    if (!type)
        return QStringLiteral("text/plain");
    const CharPtr mimeType(g_mime_content_type_get_mime_type(type));
    return toQString(mimeType.get()).toLower();
}

} // namespace vaulttray::gmime
