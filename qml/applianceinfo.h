#pragma once

#include <QString>

/// What the launcher shows about an appliance before it runs, read from its OVF descriptor
/// through contracts-view, and the sizing its contract asks for.
struct ApplianceInfo
{
    QString title;          ///< the VirtualSystem's name, e.g. "Terminal"
    QString headline;       ///< the contract's widest grant in plain words
    bool launchable = false;
    QString problem;        ///< why it cannot be launched (parser message), when !launchable
    int vcpus = 0;          ///< 0: not limited by the contract
    int memoryMiB = 0;

    /// Reads the system whose ovf:id is @p systemId (or the first) from @p descriptorPath.
    static ApplianceInfo fromDescriptor(const QString &descriptorPath, const QString &systemId);
};
