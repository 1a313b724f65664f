#include "platform/quitsignals.h"

namespace vaulttray {

// Windows delivers session end to the GUI as a window message, which Qt turns into aboutToQuit.
QuitSignals::QuitSignals(Delivery, QObject *parent) : QObject(parent) {}

void QuitSignals::deliver() {}

QuitSignals::~QuitSignals() = default;

} // namespace vaulttray
