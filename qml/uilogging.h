// The logging category of the shell UI.
#pragma once

#include <QLoggingCategory>

/// Category "tessera.ui": sessions, models and dialogs of the shell.
Q_DECLARE_LOGGING_CATEGORY(lcUi)
