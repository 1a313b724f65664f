#pragma once

#include <QDateTime>
#include <QString>
#include <QVariant>

namespace vaulttray::sqlvalue {

// QSqlQuery binds a null QString as SQL NULL. Columns that mean "empty" (a checkpoint's account-wide
// scope, flags) must get '' instead, both when written and when looked up.
inline QVariant text(const QString &s)
{
    return s.isNull() ? QVariant(QString(QLatin1String(""))) : QVariant(s);
}

inline QVariant textOrNull(const QString &s)
{
    return s.isNull() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s);
}

// Instants are stored as UTC milliseconds since the epoch; an invalid one as NULL.
inline QVariant msecs(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant(QMetaType(QMetaType::LongLong));
}

inline QDateTime instant(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

} // namespace vaulttray::sqlvalue
