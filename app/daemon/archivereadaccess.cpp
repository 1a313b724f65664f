#include "daemon/archivereadaccess.h"

#include "core/clock.h"
#include "daemon/controlchannel.h"
#include "store/archive.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace vaulttray {

StoreError prepareForReading(const QString &archivePath)
{
    if (!QFileInfo::exists(archivePath))
        return StoreError::make(StoreError::Code::Io,
                                QCoreApplication::translate("ArchiveReadAccess",
                                                            "There is no archive at %1 yet: add an account and let it "
                                                            "sync first.")
                                    .arg(archivePath));
    if (instanceRunning(archivePath))
        return {};
    ArchiveOpenOptions options;
    options.now = SystemClock().now();
    return Archive::prepare(archivePath, options);
}

} // namespace vaulttray
