#pragma once

#include "dbustestbed.h"

#include <QStringList>
#include <QVariantMap>

namespace vaulttray::test {

// One Notify call as the notification server received it.
struct NotifyCall
{
    uint id = 0; // what the server answered (the template numbers notices 1, 2, ... and keeps a replaced one's)
    uint replacesId = 0;
    QString appName;
    QString icon;
    QString summary;
    QString body;
    QStringList actions; // key, label, key, label ...
    QVariantMap hints;
    int expireTimeout = 0;
    int urgency = -1; // the "urgency" hint, -1 when absent or not a byte
};

// python-dbusmock's notification_daemon template on the private session bus (start a PrivateSessionBus first),
// with the capabilities a test names. What reached it is read back from the mock's call log.
class NotificationMock
{
public:
    explicit NotificationMock(const QString &capabilities = QStringLiteral("body actions persistence"));

    QString start();
    void stop() { m_mock.stop(); }

    QList<NotifyCall> notifies() const;
    QList<uint> closed() const; // the ids CloseNotification was called with
    // Forgets the calls so far (the server keeps numbering notices where it was).
    void clearCalls();
    // The server reports that the person acted on a notice (as a click on its button would).
    bool invokeAction(uint id, const QString &actionKey) const;
    // The server reports that a notice went away (reason 2: dismissed by the person).
    bool emitClosed(uint id, uint reason = 2) const;
    // KDE Plasma's "Do not disturb": the Inhibited property, changed with PropertiesChanged.
    bool addInhibitedProperty(bool inhibited) const;
    bool setInhibited(bool inhibited) const;

    // Counters over notifies(), for "exactly one critical notice".
    int countWithUrgency(int urgency) const;

private:
    QList<QVariantList> calls(const QString &method) const;

    DBusMock m_mock;
    uint m_idsIssued = 0; // by the server before the last clearCalls()
};

} // namespace vaulttray::test
