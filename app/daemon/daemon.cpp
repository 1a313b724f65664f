#include "daemon/daemon.h"

#include "core/logging.h"
#include "store/archive.h"

namespace vaulttray {

Daemon::Daemon(QString archivePath, Clock &clock, QObject *parent)
    : QObject(parent), m_archivePath(std::move(archivePath)), m_clock(clock)
{
}

Daemon::~Daemon() = default;

StoreError Daemon::start()
{
    ArchiveOpenOptions options;
    options.now = m_clock.now();
    if (StoreError error = Archive::prepare(m_archivePath, options)) {
        emit archiveFailed(error);
        return error;
    }
    m_writer = std::make_unique<ArchiveWriter>(m_archivePath);
    if (StoreError error = m_writer->start()) {
        emit archiveFailed(error);
        return error;
    }
    qCInfo(lcDaemon).noquote() << "archive ready at" << m_archivePath;
    return {};
}

} // namespace vaulttray
