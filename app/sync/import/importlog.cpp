#include "sync/import/importlog.h"

Q_LOGGING_CATEGORY(lcImport, "vaulttray.sync.import")
