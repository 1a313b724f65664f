#pragma once

#include <QList>
#include <QObject>
#include <QString>

namespace vaulttray {

// Delivers the notices the ui layer decided on: a desktop notification server where there is one, the tray's own
// balloon elsewhere. A notice has a kind; showing a kind again replaces the notice of that kind (never stacks),
// withdraw(kind) takes it away.
class Notifier : public QObject
{
    Q_OBJECT

public:
    enum class Urgency { Low, Normal, Critical };

    struct Action
    {
        QString key;   // what actionInvoked() reports
        QString label; // shown on the button
    };

    struct Notice
    {
        QString kind; // e.g. "signin:3", "outage"
        QString title;
        QString body;
        Urgency urgency = Urgency::Normal;
        QList<Action> actions;
        QString defaultAction; // the key a click on the notice itself means; empty: none
    };

    using QObject::QObject;
    ~Notifier() override = default;

    virtual void show(const Notice &notice) = 0;
    virtual void withdraw(const QString &kind) = 0;
    // The desktop's "Do not disturb", where the desktop tells (false where it cannot be known).
    virtual bool isInhibited() const { return false; }

signals:
    void actionInvoked(const QString &kind, const QString &actionKey);
    void inhibitedChanged(bool inhibited);
};

} // namespace vaulttray
