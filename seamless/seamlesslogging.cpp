#include "seamlesslogging.h"

Q_LOGGING_CATEGORY(lcSeamless, "tessera.seamless", QtInfoMsg)
