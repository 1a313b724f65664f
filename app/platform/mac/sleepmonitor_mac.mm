#include "platform/mac/sleepmonitor_mac.h"

#include "platform/logging_platform.h"

#include <QPointer>

#import <AppKit/AppKit.h>

namespace vaulttray {

MacSleepMonitor::MacSleepMonitor(QObject *parent) : SleepMonitor(parent)
{
    // These notifications are posted only to NSWorkspace's own center, never to the default one.
    NSNotificationCenter *center = [[NSWorkspace sharedWorkspace] notificationCenter];
    // The blocks may outlive a deleted monitor by one queued delivery; QPointer turns that into a no-op.
    QPointer<MacSleepMonitor> guard = this;
    id willSleep = [center addObserverForName:NSWorkspaceWillSleepNotification
                                       object:nil
                                        queue:[NSOperationQueue mainQueue]
                                   usingBlock:^(NSNotification *) {
                                     if (guard) {
                                         qCInfo(lcPlatform) << "the system is about to sleep";
                                         emit guard->aboutToSleep();
                                     }
                                   }];
    id didWake = [center addObserverForName:NSWorkspaceDidWakeNotification
                                     object:nil
                                      queue:[NSOperationQueue mainQueue]
                                 usingBlock:^(NSNotification *) {
                                   if (guard) {
                                       qCInfo(lcPlatform) << "the system woke";
                                       emit guard->woke();
                                   }
                                 }];
    // The center keeps the observers alive until they are removed; we keep only their identities.
    m_willSleepObserver = (__bridge void *)willSleep;
    m_didWakeObserver = (__bridge void *)didWake;
}

MacSleepMonitor::~MacSleepMonitor()
{
    NSNotificationCenter *center = [[NSWorkspace sharedWorkspace] notificationCenter];
    [center removeObserver:(__bridge id)m_willSleepObserver];
    [center removeObserver:(__bridge id)m_didWakeObserver];
}

} // namespace vaulttray
