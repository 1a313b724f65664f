// SQLite half of core/classify.h (https://www.sqlite.org/rescode.html); core does not link SQLite.
#include "core/classify.h"

#include "core/classifytext.h"

namespace vaulttray {

namespace {

using classifytext::containsAny;

Failure sqliteByText(const QString &text, const QString &detailTail)
{
    const auto local = [&](const char *what) {
        return Failure::of(FailureKind::Local, QLatin1String(what) + detailTail);
    };
    if (containsAny(text, {"malformed"}))
        return local("archive damaged");
    if (containsAny(text, {"not a database"}))
        return local("archive damaged (not a database)");
    if (containsAny(text, {"database or disk is full"}))
        return local("disk full");
    if (containsAny(text, {"disk i/o error"}))
        return local("disk I/O error");
    if (containsAny(text, {"database is locked", "database table is locked"}))
        return local("archive busy");
    if (containsAny(text, {"readonly database", "read-only database"}))
        return local("archive is read-only");
    if (containsAny(text, {"unable to open database"}))
        return local("archive cannot be opened");
    if (containsAny(text, {"constraint failed"}))
        return Failure::of(FailureKind::BadData, QStringLiteral("item rejected by the archive") + detailTail);
    if (containsAny(text, {"interrupted"}))
        return Failure::of(FailureKind::Cancelled, QStringLiteral("archive operation interrupted") + detailTail);
    return local("archive error");
}

} // namespace

// Rules: the primary code (low byte) decides; SQLITE_ERROR (generic) and an unknown code fall back to the text.
//  FULL → disk full; IOERR → disk I/O error (IOERR_CORRUPTFS → damaged); CORRUPT/NOTADB → archive damaged;
//  READONLY/CANTOPEN/PERM/AUTH → not writable or cannot open; BUSY/LOCKED → Local "archive busy": with WAL, a
//  busy_timeout and one writer, a lock that outlives the timeout is another process holding the archive, which
//  the person should hear about (the writer may retry once, see isRetryableSqliteError);
//  CONSTRAINT/TOOBIG/MISMATCH → BadData (one item); INTERRUPT → Cancelled; everything else → Local.
Failure classifySqliteError(int extendedCode, const QString &text)
{
    namespace r = sqliteresult;
    using K = FailureKind;
    const int primary = extendedCode > 0 ? (extendedCode & r::kPrimaryMask) : 0;
    if ((primary == r::kOk || primary == r::kRow || primary == r::kDone) && text.trimmed().isEmpty())
        return Failure::none();
    QString tail = extendedCode > 0 ? QStringLiteral(" (SQLite %1)").arg(extendedCode) : QString();
    if (!text.trimmed().isEmpty())
        tail += QStringLiteral(": ") + text.trimmed();
    const auto local = [&](const char *what) { return Failure::of(K::Local, QLatin1String(what) + tail); };

    switch (primary) {
    case r::kRow:
    case r::kDone:
        return Failure::none();
    case r::kFull:
        return local("disk full");
    case r::kIoErr:
        return extendedCode == r::kIoErrCorruptFs ? local("archive damaged (file system)") : local("disk I/O error");
    case r::kCorrupt:
        return local("archive damaged");
    case r::kNotADb:
        return local("archive damaged (not a database)");
    case r::kReadOnly:
        return local("archive is read-only");
    case r::kCantOpen:
        return local("archive cannot be opened");
    case r::kPerm:
    case r::kAuth:
        return local("permission denied");
    case r::kBusy:
    case r::kLocked:
        return local("archive busy (held by another connection or process)");
    case r::kNoMem:
        return local("out of memory");
    case r::kNoLfs:
        return local("file too large for this file system");
    case r::kConstraint:
    case r::kTooBig:
    case r::kMismatch:
        return Failure::of(K::BadData, QStringLiteral("item rejected by the archive") + tail);
    case r::kInterrupt:
        return Failure::of(K::Cancelled, QStringLiteral("archive operation interrupted") + tail);
    case r::kOk:
    case r::kError:
        return sqliteByText(text, tail);
    default:
        return local("archive error");
    }
}

bool isRetryableSqliteError(int extendedCode)
{
    const int primary = extendedCode > 0 ? (extendedCode & sqliteresult::kPrimaryMask) : 0;
    return primary == sqliteresult::kBusy || primary == sqliteresult::kLocked;
}

} // namespace vaulttray
