#include "sync/imap/imapsynclog.h"

Q_LOGGING_CATEGORY(lcImapSync, "vaulttray.sync.imap")
