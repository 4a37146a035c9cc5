#pragma once

#include <QLoggingCategory>

/// The logging category of everything in contracts-view: "tessera.contracts".
Q_DECLARE_LOGGING_CATEGORY(lcContracts)
