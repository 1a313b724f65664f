#include "net/gmail/gmaillog.h"

Q_LOGGING_CATEGORY(lcGmail, "vaulttray.net.gmail")
