#include "net/secrets/secretjob.h"

namespace vaulttray {

SecretJob::SecretJob(QObject *parent) : QObject(parent) {}

void SecretJob::finish(SecretResult result)
{
    if (m_finishing)
        return;
    m_finishing = true;
    // Queued even when the answer is already known, so finished() never fires before the caller connected.
    QMetaObject::invokeMethod(
        this,
        [this, result = std::move(result)] {
            emit finished(result);
            deleteLater();
        },
        Qt::QueuedConnection);
}

} // namespace vaulttray
