#include "applianceinfo.h"

#include "contractparser.h"
#include "contractsummary.h"

#include <QCoreApplication>

ApplianceInfo ApplianceInfo::fromDescriptor(const QString &descriptorPath, const QString &systemId)
{
    ApplianceInfo info;
    info.title = systemId;
    const ContractParseResult result = ContractParser::parseFile(descriptorPath);
    if (!result.ok) {
        info.problem = result.error;
        return info;
    }
    auto system = std::find_if(result.systems.cbegin(), result.systems.cend(),
                               [&](const SystemContract &s) { return s.id == systemId; });
    if (system == result.systems.cend())
        system = result.systems.cbegin();
    if (system == result.systems.cend()) {
        info.problem = QCoreApplication::translate("ApplianceInfo", "%1: the descriptor describes no virtual system.").arg(descriptorPath);
        return info;
    }
    if (!system->name.isEmpty())
        info.title = system->name;
    info.headline = ContractSummary(*system).headline();
    info.launchable = system->isLaunchable();
    if (!info.launchable)
        info.problem = system->unlaunchableReasons.join(QLatin1Char('\n'));
    info.vcpus = system->resources.cpus.value_or(0);
    info.memoryMiB = int(system->resources.memoryMiB.value_or(0));
    return info;
}
