#pragma once

#include "net/secrets/secretresult.h"

#include <QObject>

namespace vaulttray {

// One read, write, remove or probe. It ends in exactly one finished(result), always emitted from the event loop
// (never from inside the call that created the job), so the caller may connect after that call returned. The
// job deletes itself after finished(); deleting it earlier cancels the notification, not the work underneath.
class SecretJob : public QObject
{
    Q_OBJECT

public:
    explicit SecretJob(QObject *parent = nullptr);

    // For stores: the first call wins, later ones (a timeout racing the answer) are ignored.
    void finish(SecretResult result);
    bool isFinishing() const { return m_finishing; }

signals:
    void finished(const vaulttray::SecretResult &result);

private:
    bool m_finishing = false;
};

} // namespace vaulttray
