#include "sync/syncjob.h"
