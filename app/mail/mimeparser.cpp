#include "mail/mimeparser.h"
