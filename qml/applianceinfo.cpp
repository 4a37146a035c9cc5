#include "applianceinfo.h"

ApplianceInfo ApplianceInfo::fromDescriptor(const QString &descriptorPath, const QString &fallbackName)
{
    Q_UNUSED(descriptorPath); // read through contracts-view once its parser lands
    ApplianceInfo info;
    info.title = fallbackName.isEmpty() ? fallbackName : fallbackName.at(0).toUpper() + fallbackName.mid(1);
    return info;
}
