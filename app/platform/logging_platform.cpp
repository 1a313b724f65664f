#include "platform/logging_platform.h"

Q_LOGGING_CATEGORY(lcPlatform, "vaulttray.platform")
