#include "gatewaylog.h"

Q_LOGGING_CATEGORY(lcGateway, "tessera.gateway")
