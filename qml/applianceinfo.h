#pragma once

#include <QString>

/// What the launcher shows about an appliance before it runs, read from its OVF descriptor.
struct ApplianceInfo
{
    QString title;  ///< product name, e.g. "Terminal"
    QString job;    ///< what it is for, in a few words

    static ApplianceInfo fromDescriptor(const QString &descriptorPath, const QString &fallbackName);
};
