#pragma once

// Internal to the mail layer: the only headers that may include GMime.
#include <gmime/gmime.h>

#include <QString>

#include <memory>

namespace vaulttray::gmime {

// GMime keeps process-wide tables; g_mime_init() must run exactly once before any other call.
void ensureInitialised();

struct ObjectUnref
{
    void operator()(gpointer object) const
    {
        if (object)
            g_object_unref(object);
    }
};
template <typename T> using ObjectPtr = std::unique_ptr<T, ObjectUnref>;

struct Free
{
    void operator()(gpointer memory) const { g_free(memory); }
};
using CharPtr = std::unique_ptr<char, Free>;

inline QString toQString(const char *utf8)
{
    return utf8 ? QString::fromUtf8(utf8) : QString();
}

// Lowercase "type/subtype"; GMime defaults a missing Content-Type to text/plain.
QString mimeTypeOf(GMimeObject *object);

} // namespace vaulttray::gmime
