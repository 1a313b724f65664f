#pragma once

#include "core/failure.h"

#include <QObject>
#include <QString>

namespace vaulttray {

// What went wrong in the archive, precise enough to tell the person what to do.
struct StoreError
{
    Q_GADGET

public:
    enum class Code {
        Ok,
        IsDirectory,      // the archive path names a folder
        NotWritable,      // the file or its folder is read-only, or the folder cannot be created
        NotADatabase,     // the file exists but is not SQLite: left untouched
        Damaged,          // SQLite says it is corrupt: moved aside (see movedTo)
        NewerSchema,      // written by a newer vaulttray: left untouched
        ProfileMismatch,  // a durability pragma did not stick: refuse to run
        DiskFull,
        Io,
        Sql,              // any other SQL failure (constraint, logic)
        Closed,
    };
    Q_ENUM(Code)

    Code code = Code::Ok;
    QString message;      // technical and complete; never message content or secrets
    int nativeCode = 0;   // SQLite extended result code when there is one
    QString movedTo;      // for Damaged: where the damaged archive now lies

    bool ok() const { return code == Code::Ok; }
    explicit operator bool() const { return !ok(); }

    static StoreError make(Code code, QString message, int nativeCode = 0)
    {
        return StoreError{code, std::move(message), nativeCode, {}};
    }

    Failure toFailure() const;
};

QString codeName(StoreError::Code code);

} // namespace vaulttray
