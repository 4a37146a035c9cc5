#include "contractslogging.h"

Q_LOGGING_CATEGORY(lcContracts, "tessera.contracts", QtInfoMsg)
