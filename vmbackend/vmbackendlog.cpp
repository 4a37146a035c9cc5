#include "vmbackendlog.h"

Q_LOGGING_CATEGORY(lcVmBackend, "tessera.vmbackend")
