#pragma once

namespace vaulttray {

// The nice value of the threads that archive in the background (parsing, writing): when the cores are busy, the GUI
// thread and the person's other programs go first. Under Linux's fair scheduler a thread at nice 10 gets about a
// tenth of the weight of one at 0, and a waking GUI thread preempts it at once.
inline constexpr int kBackgroundNice = 10;

// Lowers the priority of the calling thread for good (raising it again would take privileges). On Linux, where
// QThread's priorities do nothing under the default policy, the thread's own nice value; elsewhere
// QThread::LowPriority.
void makeCurrentThreadBackground();

} // namespace vaulttray
