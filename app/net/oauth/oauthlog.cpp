#include "net/oauth/oauthlog.h"

Q_LOGGING_CATEGORY(lcOAuth, "vaulttray.net.oauth")
