// The logging category of the seamless capability.
#pragma once

#include <QLoggingCategory>

/// Category "tessera.seamless": SPICE connection, guest display and agent channel.
Q_DECLARE_LOGGING_CATEGORY(lcSeamless)
