#include "net/imap/imaplog.h"

Q_LOGGING_CATEGORY(lcImap, "vaulttray.net.imap")
