#include "core/logging.h"

Q_LOGGING_CATEGORY(lcStore, "vaulttray.store")
Q_LOGGING_CATEGORY(lcMail, "vaulttray.mail")
Q_LOGGING_CATEGORY(lcDaemon, "vaulttray.daemon")
Q_LOGGING_CATEGORY(lcUi, "vaulttray.ui")
