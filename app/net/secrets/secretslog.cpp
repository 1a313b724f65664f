#include "net/secrets/secretslog.h"

Q_LOGGING_CATEGORY(lcSecrets, "vaulttray.net.secrets")
