#include "uilogging.h"

Q_LOGGING_CATEGORY(lcUi, "tessera.ui", QtInfoMsg)
